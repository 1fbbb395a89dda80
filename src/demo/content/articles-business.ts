import { type DemoArticle, p } from '../types.ts';

export const businessArticles: DemoArticle[] = [
  {
    slug: 'bank-of-england-holds-interest-rates',
    section: 'business',
    headline: 'Bank of England holds interest rates at 4.25% as inflation eases',
    standfirst: 'Policymakers voted six to three to keep rates on hold, with three members backing a cut.',
    label: 'breaking',
    authors: ['fiona-mcbride'],
    tags: ['Economy', 'Interest rates'],
    hoursAgo: 1,
    homePosition: 1,
    picture: {
      scene: 'markets',
      seed: 12,
      alt: 'Screens showing share prices on a trading floor',
      caption: 'Financial markets had expected the Bank to hold rates this month and cut later in the year.',
      credit: 'Reuters',
    },
    body: [
      p(
        'The Bank of England has kept interest rates at 4.25%, but signalled that cuts could come later this year as inflation continues to fall.',
      ),
      p(
        'The Bank’s Monetary Policy Committee voted by six to three to hold rates. The three dissenting members wanted a cut of a quarter of a percentage point.',
      ),
      p(
        'In its statement, the committee said inflationary pressures were “continuing to ease” but that wage growth remained “somewhat stronger than expected”.',
      ),
      p(
        'The decision will disappoint homeowners hoping for relief on their mortgage payments, though most economists had expected it.',
      ),
      p(
        'Inflation ',
        { text: 'fell to 2.8% last month', href: '/business/inflation-falls-to-lowest-level-in-two-years' },
        ', closer to the Bank’s 2% target than at any point in the past two years, but the committee said it wanted more evidence that price rises in the services sector were slowing.',
      ),
      p(
        '“The direction of travel is clear, but the Bank wants to see a couple more months of data before it moves,” said Sarah Whitcombe, chief economist at the consultancy Harbourne Economics. “A cut by the autumn now looks more likely than not.”',
      ),
      p(
        'Business groups were less patient. “Firms have been carrying high borrowing costs for a long time, and investment is suffering,” said Raj Bhatia of the Federation of Independent Manufacturers.',
      ),
      p(
        'Savers, who have benefited from higher rates on their deposits, are likely to see the best deals on easy-access accounts fall gradually over the coming months as banks anticipate cuts.',
      ),
      p('Sterling fell slightly against the dollar after the announcement.'),
      { type: 'readMore', slug: 'why-mortgage-rates-are-not-falling-yet' },
    ],
  },
  {
    slug: 'why-mortgage-rates-are-not-falling-yet',
    section: 'business',
    headline: 'Inflation is falling, so why are mortgage rates not coming down faster?',
    standfirst:
      'Lenders price their deals on what markets expect rates to do, not on what the Bank of England did last month, and that helps explain the lag.',
    label: 'analysis',
    authors: ['fiona-mcbride'],
    tags: ['Economy', 'Interest rates', 'Housing'],
    hoursAgo: 47,
    picture: {
      scene: 'cityscape',
      seed: 28,
      alt: 'Rows of terraced houses below a city skyline',
      caption: 'Around 1.5 million fixed-rate mortgage deals are due to end over the next year.',
      credit: 'Alamy',
    },
    body: [
      p(
        'For the past six months, headlines have carried a fairly simple message: inflation is coming down. For many homeowners coming to the end of a fixed-rate deal, though, the experience has been anything but simple. The new rates on offer are lower than they were at the peak, but they are still far above what most people were paying two or three years ago, and they have not fallen as quickly as the inflation figures might suggest.',
      ),
      { type: 'heading', level: 2, text: 'Lenders look forward, not back' },
      p(
        'The main reason is that fixed-rate mortgages are not priced on the Bank of England’s current base rate. They are priced on what financial markets expect interest rates to be over the life of the deal. Lenders fund fixed-rate loans using instruments known as swaps, whose rates move every day as traders react to economic news: a strong jobs report, a surprise in the inflation figures, a speech by a central banker. When traders decided earlier this year that the Bank would be slower to cut than they had hoped, swap rates rose, and within days so did the price of a new two-year fix, even though the base rate had not changed at all.',
      ),
      p(
        '“People often expect mortgage rates to follow the Bank’s decision on the day it is announced, but by then the move has usually already been priced in,” said Nadia Farouk, a mortgage broker in Croydon. “What matters is what the market thinks will happen next. I have had clients ring me the morning after a rate cut asking why their quote has gone up, and the honest answer is that something else moved the market that week.”',
      ),
      { type: 'heading', level: 2, text: 'Why the gap may persist' },
      p('There are three other reasons rates are taking their time to fall:'),
      {
        type: 'list',
        ordered: false,
        items: [
          [
            { text: 'Wage growth: ', bold: true },
            {
              text: 'pay is still rising faster than the Bank would like, which makes it cautious about cutting.',
            },
          ],
          [
            { text: 'Lender caution: ', bold: true },
            {
              text: 'banks have become more careful about arrears and are holding back on their most competitive deals.',
            },
          ],
          [
            { text: 'Government borrowing: ', bold: true },
            { text: 'higher yields on UK government bonds feed through into the cost of longer fixes.' },
          ],
        ],
      },
      p(
        'None of this means rates will not come down. Most forecasters expect the average two-year fix to fall gradually over the next year, and competition between lenders has already pushed some of the best deals for borrowers with large deposits below 4%. But the era of deals starting with a one or a two is not coming back any time soon, and households would be unwise to plan on it. The Bank of England itself has said that it expects interest rates to settle at a level higher than in the decade after the financial crisis, when they barely moved from near zero.',
      ),
      p(
        'For many families that is a painful adjustment. Someone who borrowed £200,000 on a five-year fix at 1.6% and is now moving to a deal at around 4.5% faces monthly repayments roughly £300 higher. Figures from the banking industry show arrears have risen, though they remain far below the levels of the early 1990s, when repossessions peaked. “The people I worry about are the ones who bought at the top of the market with small deposits,” Ms Farouk said. “They have the least room to manoeuvre.”',
      ),
      { type: 'heading', level: 2, text: 'What borrowers can do' },
      p(
        'Brokers say people whose deals end in the next six months should look at securing a new rate now, since most lenders allow you to switch to a cheaper deal if rates fall before completion. Those on tracker or variable rates will feel any cut from the Bank immediately. Borrowers who are struggling should talk to their lender early: under rules agreed between the government and the banks, lenders must offer options such as temporarily switching to interest-only payments or extending the length of the mortgage, and doing so should not affect a borrower’s credit score. “The worst thing you can do is drift onto your lender’s standard variable rate because you are waiting for the perfect moment,” Ms Farouk said. “There is no perfect moment. There is just the deal that is right for you today.”',
      ),
      { type: 'readMore', slug: 'inflation-falls-to-lowest-level-in-two-years' },
    ],
  },
  {
    slug: 'teesbridge-steelworks-saved-by-rescue-deal',
    section: 'business',
    headline: 'Hundreds of jobs saved as Teesbridge steelworks agrees rescue deal',
    standfirst:
      'A consortium backed by a Swedish engineering group will invest £400m in an electric furnace at the Teesside plant.',
    label: 'none',
    authors: ['fiona-mcbride'],
    tags: ['Jobs', 'Industry', 'Energy'],
    hoursAgo: 158,
    picture: {
      scene: 'harbour',
      seed: 33,
      alt: 'Cranes and industrial buildings on a river estuary',
      caption: 'Steel has been made on the banks of the Tees for more than 150 years.',
      credit: 'Joe Ridley',
    },
    body: [
      p(
        'About 800 jobs have been saved at the Teesbridge steelworks on Teesside after the plant’s administrators agreed a sale to a consortium led by the Swedish engineering group Nordvik.',
      ),
      p(
        'The buyers have promised to invest £400m in an electric arc furnace, which will melt scrap steel using electricity rather than making new steel from iron ore and coal.',
      ),
      p(
        'The government will contribute £150m towards the cost, on condition that the plant keeps at least 700 jobs for ten years.',
      ),
      {
        type: 'image',
        picture: {
          scene: 'railway',
          seed: 34,
          alt: 'Freight wagons loaded with steel coils',
          caption:
            'Much of the plant’s output goes by rail to construction and car manufacturing customers in the Midlands.',
          credit: 'Joe Ridley',
        },
      },
      p(
        '“Six months ago people here thought it was over. Today we have a future,” said Lorraine Keogh, a union representative at the plant who has worked there for 27 years.',
      ),
      p(
        'The switch to an electric furnace will cut the site’s carbon emissions by around three-quarters, but it needs fewer workers than the old blast furnace. About 200 roles will go over the next two years, mostly through voluntary redundancy.',
      ),
      p(
        'Training will be provided for workers moving from the blast furnace to the new plant, and the consortium has promised to prioritise local contractors during construction, which is expected to take three years.',
      ),
      p(
        'Nordvik’s chief executive, Henrik Lindqvist, said the site had “the people, the port and the skills” to become one of Europe’s leading producers of low-carbon steel.',
      ),
      p(
        'Local MPs welcomed the deal but said the government must do more to bring down industrial electricity prices, which are among the highest in Europe.',
      ),
    ],
  },
  {
    slug: 'hartleys-lines-up-administrators-as-rescue-talks-falter',
    section: 'business',
    headline: 'Department store chain Hartleys lines up administrators as rescue talks falter',
    standfirst:
      'The 140-year-old retailer, which employs 4,300 people, has been unable to find a buyer for its stores.',
    label: 'exclusive',
    authors: ['fiona-mcbride'],
    tags: ['Retail', 'Jobs'],
    hoursAgo: 21,
    corrections: [
      {
        hoursLater: 5,
        text: 'An earlier version of this article said Hartleys had 62 stores. It has 58.',
      },
    ],
    picture: {
      scene: 'cityscape',
      seed: 44,
      alt: 'A high street with shopfronts and pedestrians',
      caption:
        'Hartleys has stores in 58 towns and cities, many of them in the north of England and Scotland.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'The department store chain Hartleys has lined up administrators after talks with potential buyers broke down, putting 4,300 jobs at risk, Broadsheet understands.',
      ),
      p(
        'The 140-year-old retailer, which has 58 stores across the UK, is expected to file a notice of intention to appoint administrators as early as next week.',
      ),
      p(
        'Two sources close to the process said a private equity firm had walked away from talks in recent days after failing to agree terms with landlords over rents on its larger stores.',
      ),
      p('“Everyone wanted the brand and the website. Nobody wanted the buildings,” one of them said.'),
      p(
        'Hartleys said in a statement that it was “exploring all options to secure the future of the business” and that its stores would continue to trade as normal.',
      ),
      p(
        'The chain has struggled since the pandemic, with sales falling by almost a third. It closed nine stores last year and sold its flagship building in Leeds to a developer.',
      ),
      p(
        'Retail analyst Ian Mortimer said department stores were being squeezed from every side. “They are too big for the high street that exists now, and too expensive to change quickly,” he said.',
      ),
      p(
        'If Hartleys does fall into administration, it is likely that its most profitable stores and its website would be sold, while loss-making sites would close. Suppliers, some of whom are owed several months of payments, are also likely to lose money.',
      ),
      p(
        'Staff were told of the situation in a video call this week. One employee at the Newcastle store said colleagues were “devastated but not surprised”.',
      ),
    ],
  },
  {
    slug: 'record-number-of-offshore-wind-farms-win-contracts',
    section: 'business',
    headline: 'Record number of offshore wind farms win government contracts',
    standfirst:
      'The latest auction secured enough new capacity to power around nine million homes, at prices well below the cost of gas generation.',
    label: 'none',
    authors: ['fiona-mcbride', 'kwame-asante'],
    tags: ['Energy', 'Climate'],
    hoursAgo: 365,
    picture: {
      scene: 'wind-farm',
      seed: 51,
      alt: 'Wind turbines standing in a calm sea',
      caption:
        'Most of the new projects will be built off the coasts of East Anglia, Yorkshire and Scotland.',
      credit: 'PA',
    },
    body: [
      p(
        'A record eleven offshore wind projects have won government contracts in the latest renewable energy auction, securing enough capacity to power around nine million homes.',
      ),
      p(
        'The contracts guarantee developers a fixed price for the electricity they generate for fifteen years, which makes it easier for them to raise the money to build.',
      ),
      p(
        'The average winning price was well below the current cost of generating electricity from gas, although critics point out that it will rise with inflation over the life of the contracts.',
      ),
      p(
        'Energy minister Owen Rhodes said the result showed the UK was “the best place in the world to build offshore wind”. “Every turbine we build is a turbine we control, rather than a tanker we are waiting for,” he said.',
      ),
      p(
        'The industry body for offshore wind said the auction had restored investor confidence after last year’s round, in which no offshore projects bid.',
      ),
      p(
        'Last year’s auction failed to attract offshore bids because developers said the maximum price the government was willing to pay was too low to cover rising costs for turbines, steel and financing. Ministers raised the ceiling by more than half for this round.',
      ),
      p(
        'Coastal communities in Lincolnshire and Norfolk have raised concerns about the onshore substations and pylons needed to connect the new wind farms, and several projects face local opposition.',
      ),
      p(
        'But Dr Rachel Hume, an energy economist at the University of Strathclyde, warned that grid connections were now the main obstacle. “You can win a contract in a year. Getting a cable to shore and a connection to the network can take a decade,” she said.',
      ),
      p('The first of the new wind farms are expected to start generating in about four years.'),
    ],
  },
  {
    slug: 'inflation-falls-to-lowest-level-in-two-years',
    section: 'business',
    headline: 'Inflation falls to 2.8%, its lowest level in two years',
    standfirst:
      'Lower petrol and food prices pulled the rate down, but economists warn services inflation remains stubborn.',
    label: 'none',
    authors: ['fiona-mcbride'],
    tags: ['Economy', 'Interest rates'],
    hoursAgo: 220,
    picture: {
      scene: 'markets',
      seed: 62,
      alt: 'Fruit and vegetable stalls at a covered market',
      caption: 'Food price inflation has slowed sharply from its peak, though prices are still rising.',
      credit: 'Alamy',
    },
    body: [
      p(
        'UK inflation has fallen to ',
        { text: '2.8%', bold: true },
        ', its lowest rate in two years, according to the Office for National Statistics.',
      ),
      p(
        'The rate, measured by the consumer prices index, was down from 3.2% the month before. Economists had expected a smaller fall, to 3%.',
      ),
      p(
        'The biggest downward pressure came from motor fuel, with the average price of petrol falling by 6p a litre over the month. Food price inflation also slowed, to 3.1%.',
      ),
      p(
        'Chancellor Andrew Lyle said the figures were “welcome news for families”, but warned that the job was “not yet done”.',
      ),
      p(
        'Services inflation, which the Bank of England watches closely as a sign of price pressures at home, remained at 4.9%.',
      ),
      p(
        'The ONS said the price of clothing and footwear had also fallen, as retailers began summer sales earlier than usual. Airfares and hotel prices rose.',
      ),
      p(
        'The figures are likely to increase pressure on the Bank of England to cut interest rates, which have been held at 4.25% for several months. Markets now expect the first cut before the end of the year.',
      ),
      p(
        '“Goods prices are doing the heavy lifting. Until services inflation comes down, the Bank will be reluctant to cut quickly,” said Tom Ellery, an economist at the bank Greyfriars Capital.',
      ),
      p(
        'Consumer groups said many households were still feeling the effects of two years of rapid price rises. “Inflation falling means prices are rising more slowly, not that they are going down,” said Amira Khan of the Household Budgets Trust.',
      ),
    ],
  },
];
