import { type DemoArticle, p } from '../types.ts';

/**
 * A running live blog, so a newcomer sees the feature on first start: a summit day in Lisbon, followed
 * by two correspondents, with a pinned summary, key events and one corrected figure. Every name in it
 * is invented, and every entry is posted relative to the seed time.
 */
export const liveBlogArticles: DemoArticle[] = [
  {
    slug: 'nato-summit-lisbon-live',
    section: 'world',
    headline: 'NATO summit in Lisbon: leaders agree a joint air-defence fund as talks run into the evening',
    standfirst:
      'Follow the day as it happens: allied leaders are meeting in Lisbon to settle how to pay for shared air defences, with a row over the size of national contributions still open.',
    label: 'live',
    authors: ['tomasz-nowak', 'daniel-okafor'],
    tags: ['NATO', 'Defence'],
    hoursAgo: 6,
    picture: {
      scene: 'summit',
      seed: 77,
      alt: 'Flags outside a conference centre on a river front',
      caption: 'Delegations began arriving at the conference centre on the banks of the Tagus before dawn.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'Leaders of the alliance’s 32 members are meeting in Lisbon for a one-day summit dominated by a single question: how to pay for a shared shield against drones and missiles without reopening the old argument over who spends too little.',
      ),
      p(
        'Our World Affairs Correspondent ',
        { text: 'Tomasz Nowak', bold: true },
        ' is at the conference centre, and Defence Correspondent ',
        { text: 'Daniel Okafor', bold: true },
        ' is following the talks from London. Updates appear below as they are posted, newest first.',
      ),
    ],
    liveEntries: [
      {
        minutesAgo: 352,
        title: 'Good morning from Lisbon',
        author: 'tomasz-nowak',
        body: [
          p(
            'Security is tight along the river front this morning: the roads around the conference centre closed at midnight and the first motorcades are already crossing the bridge.',
          ),
          p(
            'The programme is short on paper. Leaders meet at ten, break for a working lunch, and are meant to adopt their final declaration by five. Diplomats here doubt it will be that quick.',
          ),
        ],
      },
      {
        minutesAgo: 331,
        title: 'What is on the table',
        author: 'daniel-okafor',
        body: [
          p(
            'The centrepiece is a jointly funded air-defence programme: radars, interceptors and the software to link them, bought together rather than country by country.',
          ),
          {
            type: 'list',
            ordered: false,
            items: [
              [
                { text: 'Who pays: ', bold: true },
                { text: 'a fixed share per member, or a share weighted by income?' },
              ],
              [
                { text: 'Who builds: ', bold: true },
                { text: 'whether contracts must go to European manufacturers.' },
              ],
              [
                { text: 'How fast: ', bold: true },
                { text: 'the first batteries could be ordered within a year.' },
              ],
            ],
          },
          { type: 'readMore', slug: 'nato-foreign-ministers-meet-in-lisbon-ahead-of-summit' },
        ],
      },
      {
        minutesAgo: 305,
        author: 'tomasz-nowak',
        body: [
          p(
            'The alliance’s secretary general, Anneli Virtanen, arrived on foot from her hotel and stopped briefly for reporters. Asked whether a deal was within reach, she said: “Closer than yesterday, not as close as tonight.”',
          ),
        ],
      },
      {
        minutesAgo: 268,
        title: 'Summit opens with a minute’s silence',
        author: 'tomasz-nowak',
        keyEvent: true,
        body: [
          p(
            'Proceedings began with a minute’s silence for service personnel killed on alliance missions this year, before the doors closed on the leaders’ first session.',
          ),
        ],
      },
      {
        minutesAgo: 236,
        author: 'daniel-okafor',
        body: [
          {
            type: 'quote',
            content: [
              {
                text: 'Every capital agrees on the threat. The argument is only about the invoice, and invoices can be negotiated.',
              },
            ],
            attribution: 'A senior official from one of the Nordic delegations',
          },
          p('That line is doing the rounds in the press room, and it captures the mood fairly well.'),
        ],
      },
      {
        minutesAgo: 198,
        title: 'Size of the fund emerges',
        author: 'daniel-okafor',
        body: [
          p(
            'Two officials briefed on the draft say the fund would start at ',
            { text: '€13bn', bold: true },
            ' over five years, with the option to grow if members agree to it at the next summit.',
          ),
          p(
            'That is smaller than the figure floated by the southern members last month, but larger than several northern capitals had wanted.',
          ),
        ],
        correction: {
          minutesLater: 24,
          text: 'An earlier version of this update gave the starting size of the fund as €30bn. The draft seen by officials says €13bn.',
        },
      },
      {
        minutesAgo: 171,
        author: 'tomasz-nowak',
        body: [
          p(
            'The working lunch has overrun by forty minutes. Coffee is being carried into the hall, which delegates here read as a sign that the leaders are close to something and do not want to break the momentum.',
          ),
        ],
      },
      {
        minutesAgo: 142,
        title: 'Leaders agree a joint air-defence fund',
        author: 'tomasz-nowak',
        keyEvent: true,
        body: [
          p(
            'Leaders have agreed in principle to set up the jointly funded air-defence programme, according to three diplomats who were briefed as the session ended.',
          ),
          p(
            'The contributions will be weighted by national income, the compromise the southern members had pressed for, but every member will pay a minimum share so that no one rides for free.',
          ),
        ],
      },
      {
        minutesAgo: 118,
        author: 'daniel-okafor',
        body: [
          p(
            'In London, the Ministry of Defence has welcomed the agreement as “a practical step that puts equipment in the sky rather than words on paper”. The opposition said it wanted to see the detail before offering support.',
          ),
        ],
      },
      {
        minutesAgo: 64,
        title: 'Final declaration published',
        author: 'tomasz-nowak',
        keyEvent: true,
        body: [
          p(
            'The summit’s final declaration has been published, two hours later than planned. It commits members to the air-defence fund, sets a review of contributions in two years, and asks ministers to agree the first orders by the spring.',
          ),
          p(
            'The document runs to eleven pages; the paragraph on the fund is the longest, which tells you where the day’s energy went.',
          ),
        ],
      },
      {
        minutesAgo: 31,
        author: 'tomasz-nowak',
        body: [
          p(
            'Virtanen’s closing press conference has started. She called the agreement “unglamorous and essential”, and said the hardest part, choosing what to buy, was still ahead.',
          ),
        ],
      },
      {
        minutesAgo: 9,
        title: 'What we know so far',
        author: 'daniel-okafor',
        pinned: true,
        body: [
          {
            type: 'list',
            ordered: false,
            items: [
              [
                {
                  text: 'Leaders agreed a jointly funded air-defence programme after talks ran two hours late.',
                },
              ],
              [
                {
                  text: 'Contributions will be weighted by national income, with a minimum share for every member.',
                },
              ],
              [{ text: 'The fund starts at €13bn over five years; the first orders are due by the spring.' }],
              [{ text: 'Contributions will be reviewed in two years.' }],
            ],
          },
        ],
      },
    ],
  },
];
