import type { DemoAuthor } from '../types.ts';

export const demoAuthors: DemoAuthor[] = [
  {
    slug: 'eleanor-marsh',
    name: 'Eleanor Marsh',
    jobTitle: 'Political Editor',
    bio: 'Eleanor has reported from Westminster for fifteen years, starting as a lobby correspondent for regional papers in the North East. She joined Broadsheet in 2019 and leads its political coverage.',
    portraitSeed: 1,
  },
  {
    slug: 'daniel-okafor',
    name: 'Daniel Okafor',
    jobTitle: 'Defence Correspondent',
    bio: 'Daniel served as an army reservist before moving into journalism, and has reported from NATO exercises across eastern Europe. He covers the armed forces, defence procurement and security policy.',
    portraitSeed: 2,
  },
  {
    slug: 'priya-raman',
    name: 'Priya Raman',
    jobTitle: 'Technology Reporter',
    bio: 'Priya trained as a software engineer in Bangalore and Manchester before switching to reporting. She writes about artificial intelligence, online safety and the use of data in public services.',
    portraitSeed: 3,
  },
  {
    slug: 'tomasz-nowak',
    name: 'Tomasz Nowak',
    jobTitle: 'World Affairs Correspondent',
    bio: 'Tomasz was born in Gdansk and grew up in Leicester, and has reported from more than forty countries. He covers diplomacy, European politics and international summits.',
    portraitSeed: 4,
  },
  {
    slug: 'fiona-mcbride',
    name: 'Fiona McBride',
    jobTitle: 'Business Editor',
    bio: 'Fiona spent a decade covering markets in Edinburgh and London before becoming Broadsheet’s business editor. She is interested in how economic decisions land on household budgets.',
    portraitSeed: 5,
  },
  {
    slug: 'kwame-asante',
    name: 'Kwame Asante',
    jobTitle: 'Science and Health Correspondent',
    bio: 'Kwame has a doctorate in atmospheric physics and worked as a researcher before turning to journalism. He reports on climate, medicine, the NHS and the natural world.',
    portraitSeed: 6,
  },
  {
    slug: 'isabel-carvalho',
    name: 'Isabel Carvalho',
    jobTitle: 'Arts Correspondent',
    bio: 'Isabel grew up between Lisbon and Bristol and began her career reviewing fringe theatre. She covers the arts, museums and the people who fund and run them.',
    portraitSeed: 7,
  },
  {
    slug: 'rhys-pritchard',
    name: 'Rhys Pritchard',
    jobTitle: 'Sports Reporter',
    bio: 'Rhys is from Swansea and played rugby to county level before an injury sent him to the press box. He covers football, rugby and cricket, with a soft spot for the lower leagues.',
    portraitSeed: 8,
  },
];
