import type { DemoSection } from '../types.ts';

export const demoSections: DemoSection[] = [
  {
    slug: 'politics',
    name: 'Politics',
    description:
      'News and analysis from Westminster, Whitehall and the devolved governments, and what their decisions mean for the rest of the country.',
  },
  {
    slug: 'world',
    name: 'World',
    description:
      'Reporting from our correspondents on the conflicts, elections, alliances and crises shaping the world beyond the UK.',
  },
  {
    slug: 'business',
    name: 'Business',
    description: 'The economy, markets, jobs and companies, explained for people who earn, spend and save.',
  },
  {
    slug: 'technology',
    name: 'Technology',
    description:
      'How technology is changing work, public services and everyday life, and who is holding the industry to account.',
  },
  {
    slug: 'science',
    name: 'Science',
    description:
      'Discoveries, health research, weather and the natural world, reported by specialists who read the papers so you do not have to.',
  },
  {
    slug: 'culture',
    name: 'Culture',
    description:
      'Theatre, art, books, music and the institutions behind them, with reviews and news from across the country.',
  },
  {
    slug: 'sport',
    name: 'Sport',
    description: 'Football, cricket, rugby and the rest, from the top flight to the grassroots.',
  },
];
