export { compressBody, type Effort } from './compress.ts';
export { type Encoding, encodingFor, pickEncoding } from './encoding.ts';
export { registerCompression } from './plugin.ts';
