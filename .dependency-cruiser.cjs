// Import rules from docs/architecture.md, enforced by `npm run lint`.
const order = ['settings', 'jobs', 'realtime', 'users', 'authors', 'media', 'articles', 'liveblogs', 'breaking', 'push', 'audio', 'search', 'analytics', 'feeds'];

const moduleOrderRules = order.map((name, index) => ({
  name: `module-order-${name}`,
  comment: `modules/${name} may only use modules to its left: ${order.slice(0, index).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^src/modules/${name}/` },
  to: { path: `^src/modules/(${order.slice(index + 1).join('|') || 'none'})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'shared-is-a-kernel',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'modules-stay-out-of-transport-and-adapters',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(http|render|platform|app|client|demo)/' },
    },
    {
      name: 'modules-meet-through-index',
      comment: 'another module is reached only through its index.ts',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/(?!$1/)[^/]+/(?!index\\.ts$)' },
    },
    {
      name: 'only-repositories-touch-the-schema',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: '\\.repository\\.ts$' },
      to: { path: '^src/db/' },
    },
    {
      name: 'http-never-touches-the-database',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(db|platform|app)/' },
    },
    {
      name: 'http-uses-module-indexes',
      severity: 'error',
      from: { path: '^src/(http|render|platform|demo)/' },
      to: { path: '^src/modules/[^/]+/(?!index\\.ts$|ports\\.ts$)' },
    },
    {
      name: 'render-is-pure',
      severity: 'error',
      from: { path: '^src/render/' },
      to: { path: '^src/(db|platform|http|app)/' },
    },
    {
      name: 'platform-implements-ports',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/(db|http|render|app)/' },
    },
    {
      name: 'nothing-imports-the-composition-root',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(main\\.ts$|app/)' },
      to: { path: '^src/app/' },
    },
    ...moduleOrderRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.test\\.tsx?$' },
  },
};
