import { type DemoArticle, p } from '../types.ts';

export const scienceArticles: DemoArticle[] = [
  {
    slug: 'met-office-issues-amber-heat-warning',
    section: 'science',
    headline: 'Met Office issues amber heat warning as temperatures set to pass 34C',
    standfirst:
      'Much of England and Wales will swelter for at least three days, with the hottest weather expected in the south-east.',
    label: 'none',
    authors: ['kwame-asante'],
    tags: ['Weather', 'Climate', 'Health'],
    hoursAgo: 4,
    homePosition: 4,
    update: {
      hoursLater: 2,
      note: 'This article was updated to include advice from the UK Health Security Agency.',
    },
    picture: {
      scene: 'fields',
      seed: 9,
      alt: 'Dry golden fields under a cloudless sky',
      caption:
        'Parts of southern England have had less than a third of their usual rainfall over the past two months.',
      credit: 'PA',
    },
    body: [
      p(
        'The Met Office has issued an amber warning for extreme heat covering much of England and Wales, with temperatures expected to pass 34C in places.',
      ),
      p(
        'The warning runs for three days from tomorrow morning. The hottest weather is expected in London and the south-east, where overnight temperatures may not fall below 20C.',
      ),
      p(
        '“This is a significant spell of heat, and it will affect people’s health, travel and work,” said Alun Griffiths, a deputy chief meteorologist at the Met Office. “We would urge people to plan ahead, particularly if they are looking after someone who is vulnerable.”',
      ),
      p(
        'The UK Health Security Agency has also issued an amber heat-health alert, which warns that the heat is likely to put pressure on hospitals and care homes.',
      ),
      p(
        'Dr Joanna Price, a consultant in public health at the agency, said older people, babies and those with heart and lung conditions were most at risk. “Keep curtains closed during the day, drink plenty of water and check on neighbours who live alone,” she said.',
      ),
      p(
        'Network Rail said some trains would run at slower speeds in the afternoon because of the risk of rails buckling in the heat.',
      ),
      p(
        'Water companies have asked customers to use water carefully, although none has yet announced a hosepipe ban. Reservoir levels in the south-east are below average for the time of year after a dry spring.',
      ),
      p(
        'Scientists say heatwaves in the UK have become more frequent and more intense as the climate has warmed. The country’s ten hottest years on record have all happened since 2002, and temperatures of 40C, once thought almost impossible in Britain, have now been recorded.',
      ),
    ],
  },
  {
    slug: 'drought-tolerant-wheat-trial-yields-bumper-harvest',
    section: 'science',
    headline: 'Drought-tolerant wheat trial in Norfolk yields bumper harvest',
    standfirst:
      'A variety bred to send its roots deeper produced almost a fifth more grain than standard wheat during last summer’s dry spell.',
    label: 'none',
    authors: ['kwame-asante'],
    tags: ['Farming', 'Climate', 'Research'],
    hoursAgo: 270,
    picture: {
      scene: 'fields',
      seed: 41,
      alt: 'A field of ripe wheat at sunset',
      caption: 'The trial plots were grown on light, sandy soils that dry out quickly in summer.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'A new variety of wheat bred to cope with drought has produced almost a fifth more grain than conventional varieties in field trials in Norfolk, scientists say.',
      ),
      p(
        'The wheat was developed by conventional cross-breeding, rather than genetic modification, to grow a deeper and more branched root system that can reach water further down in the soil.',
      ),
      p(
        'In trials on three farms during last year’s dry summer, it yielded an average of 8.1 tonnes per hectare, compared with 6.9 tonnes for the standard varieties grown alongside it.',
      ),
      p(
        '“The plants look almost identical above ground. The difference is all underneath, which is exactly where the drought bites,” said Professor Ruth Allinson, the plant scientist who led the research.',
      ),
      p(
        'Farmer Will Hargreaves, who grew the trial plots on his land near Swaffham, said the difference was obvious at harvest. “The standard wheat was thin and patchy on the sandy ground. The new stuff just kept going,” he said.',
      ),
      p(
        'Wheat is the UK’s most widely grown crop, and dry springs and summers have become an increasing worry for arable farmers in the east of England, where rainfall is lowest. Yields in some areas fell by more than a quarter in the drought of two summers ago.',
      ),
      p(
        'Professor Allinson said deeper roots could have a second benefit: drawing nitrogen fertiliser down from deeper layers of soil before it washes into rivers. “We set out to solve one problem and we may have helped with two,” she said.',
      ),
      p(
        'The researchers say more trials are needed in wetter years, to check that the new variety does not lose out when water is plentiful. It could be available to farmers within four years.',
      ),
    ],
  },
  {
    slug: 'comet-visible-to-naked-eye-from-uk-this-week',
    section: 'science',
    headline: 'Comet will be visible to the naked eye from the UK this week, astronomers say',
    standfirst: 'The comet will be at its brightest low in the north-western sky shortly after sunset.',
    label: 'none',
    authors: ['kwame-asante'],
    tags: ['Space', 'Astronomy'],
    hoursAgo: 35,
    picture: {
      scene: 'night-sky',
      seed: 3,
      alt: 'A starry night sky above a dark horizon',
      caption:
        'The comet was discovered by an automated survey telescope last year, when it was beyond the orbit of Jupiter.',
      credit: 'Gareth Lloyd',
    },
    body: [
      p(
        'A comet making its first visit to the inner solar system in tens of thousands of years should be visible to the naked eye from the UK this week.',
      ),
      p(
        'Astronomers say it will be easiest to see about an hour after sunset, low in the north-west, with a faint tail pointing away from the horizon.',
      ),
      p(
        '“This is one of those rare occasions where you do not need a telescope. If the sky is clear, just get away from streetlights and look,” said Dr Imogen Clarke of the Northern Skies Astronomy Society.',
      ),
      p(
        'Comets are lumps of ice and dust left over from the formation of the solar system. As they approach the Sun, the ice turns to gas and streams away, carrying dust with it to form the glowing tail.',
      ),
      p('Her tips for the best view:'),
      {
        type: 'list',
        ordered: false,
        items: [
          [
            {
              text: 'Find a spot with a clear view of the north-western horizon, away from buildings and trees.',
            },
          ],
          [
            {
              text: 'Give your eyes at least 15 minutes to adjust to the dark, and avoid looking at your phone.',
            },
          ],
          [{ text: 'Binoculars will show the tail much more clearly.' }],
          [{ text: 'Try again on several evenings: the comet will move a little higher each night.' }],
        ],
      },
      p(
        'Cloud may spoil the view for some, so check the latest forecast from the ',
        { text: 'Met Office', href: 'https://www.metoffice.gov.uk/' },
        ' before heading out. Clear spells are most likely in the east.',
      ),
      {
        type: 'factbox',
        title: 'The comet in numbers',
        items: [
          [{ text: 'Closest to the Sun: about 55 million km' }],
          [{ text: 'Closest to Earth: about 120 million km' }],
          [{ text: 'Nucleus: thought to be around 4km across' }],
          [{ text: 'Next return: not for at least 50,000 years' }],
        ],
      },
    ],
  },
  {
    slug: 'can-britain-hit-its-peatland-restoration-targets',
    section: 'science',
    headline: 'Britain’s peat bogs store more carbon than its forests. Can it restore them in time?',
    standfirst:
      'The government has promised to restore hundreds of thousands of hectares of damaged peatland, but progress has been slow and the hard part is still to come.',
    label: 'analysis',
    authors: ['kwame-asante'],
    tags: ['Climate', 'Nature', 'Farming'],
    hoursAgo: 570,
    picture: {
      scene: 'mountains',
      seed: 53,
      alt: 'Heather-covered moorland with hills in the distance',
      caption: 'Upland peat bogs in the Pennines and the Scottish Highlands hold vast amounts of carbon.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Peat does not look like much. It is dark, wet and squelches underfoot, and for centuries it was treated as wasteland to be drained, dug or planted over. But the UK’s peatlands hold more than three billion tonnes of carbon, more than all the country’s forests combined, built up over thousands of years from mosses and plants that never fully rotted in the waterlogged ground. When peat dries out, that carbon escapes into the atmosphere. Around four-fifths of the UK’s peat is damaged, drained for farming and grouse moors, cut for fuel and garden compost, or planted with conifers in the wrong places, and together these damaged bogs emit roughly as much as several million cars a year.',
      ),
      { type: 'heading', level: 2, text: 'The promise' },
      p(
        'Ministers have committed to restoring hundreds of thousands of hectares of peatland over the coming decades. Restoration usually means blocking the drainage ditches that were dug to dry the land, so the water table rises again and the bog can recover. On bare peat, it can also mean spreading sphagnum moss, the plant that slowly builds new peat over centuries.',
      ),
      p(
        '“Rewetting a bog is not complicated. You dam the ditches and you wait. The difficulty is everything around it: the money, the ownership and the people who farm the land,” said Dr Catriona Fraser, a peatland ecologist at the University of Aberdeen.',
      ),
      p(
        'The results where this has been done can be striking. On parts of the Peak District that were bare black peat twenty years ago, eroded by air pollution, fires and trampling, sphagnum and cotton grass have returned, gullies have filled in and the water running off the hills is clearer. Water companies, which spend millions removing the brown colour that peat gives to drinking water, have become some of restoration’s keenest funders.',
      ),
      { type: 'heading', level: 2, text: 'The problem' },
      p(
        'Most of the restoration so far has happened on upland moors owned by conservation charities, water companies and large estates, where the land is less valuable and there are fewer competing uses. Even there, progress has been well below the pace needed to meet the government’s targets, partly because contractors with the right machinery and experience are in short supply and can only work in dry months. The harder challenge is lowland peat, such as the Fens of East Anglia, where drained peat soils grow a large share of England’s vegetables. Rewetting that land would cut emissions dramatically, but it would also take some of the country’s most productive farmland out of use, and it would change the livelihoods of communities that have farmed it for generations.',
      ),
      p(
        '“People talk about peat as if it is all the same. In the uplands it is a conservation question. In the Fens it is a question about whether we grow lettuce in this country,” said Fenland farmer Mark Tebbutt, whose family has worked the same black soils near Ely for four generations. “I am not against it. I just want someone to tell me what I am supposed to grow instead, and who is going to buy it.”',
      ),
      { type: 'heading', level: 2, text: 'What would help' },
      p(
        'Researchers are testing crops that can be grown on wet peat, a practice known as paludiculture. Reeds and bulrushes can be harvested for building materials and insulation; sphagnum can be grown as a replacement for peat in horticultural compost; some trials are even experimenting with wet-tolerant varieties of salad crops. If those markets can be made to pay, farmers would have a reason to raise water levels rather than a reason to resist. A ban on selling peat compost to gardeners, long promised, would also help.',
      ),
      p(
        'But campaigners say the biggest obstacle is time. Restoration needs long-term funding that outlasts a single parliament, and reliable payments to landowners that do not change every time a scheme is redesigned. “Bogs recover on a timescale of decades. Our funding rounds run for three years,” Dr Fraser said. “Until those two things line up, we will keep making good announcements and slow progress.” The government says a new long-term land use framework, due later this year, will address exactly that.',
      ),
      { type: 'readMore', slug: 'record-number-of-offshore-wind-farms-win-contracts' },
    ],
  },
  {
    slug: 'blood-test-could-spot-pancreatic-cancer-years-earlier',
    section: 'science',
    headline: 'Simple blood test could spot pancreatic cancer years earlier, study finds',
    standfirst:
      'Researchers say the test picked up signs of the disease in blood samples taken up to three years before diagnosis.',
    label: 'none',
    authors: ['kwame-asante'],
    tags: ['Health', 'Research', 'NHS'],
    hoursAgo: 88,
    picture: {
      scene: 'laboratory',
      seed: 29,
      alt: 'Test tubes in a rack on a laboratory bench',
      caption: 'The researchers analysed stored blood samples from more than 20,000 volunteers.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'A blood test could detect pancreatic cancer up to three years before people develop symptoms, according to a study by British researchers.',
      ),
      p(
        'Pancreatic cancer is one of the deadliest forms of the disease, largely because it is usually diagnosed late. Fewer than one in ten patients in the UK survive for five years.',
      ),
      p(
        'The researchers, from universities in London and Manchester, looked for a pattern of proteins in stored blood samples from volunteers who were later diagnosed with the disease. The test correctly identified around 70% of cases, while wrongly flagging about 5% of people who did not have cancer.',
      ),
      p(
        '“If we can find this cancer while it is still small enough to operate on, we can change the outcome completely,” said Professor Daniel Hirsch, who led the study.',
      ),
      p(
        'Around 10,000 people are diagnosed with pancreatic cancer in the UK each year. Its early symptoms, such as back pain, indigestion and weight loss, are often vague and easily mistaken for other conditions.',
      ),
      p(
        'But he cautioned that the test was not yet ready for general use. “A false alarm for pancreatic cancer is a frightening thing. Before we use this in the NHS, we need to know it works in the real world, in the right people,” he said.',
      ),
      p(
        'The team now plans a trial among people at higher risk, including those recently diagnosed with type 2 diabetes over the age of 50, which can be an early sign of the disease.',
      ),
      p(
        'The charity Early Diagnosis Alliance said the findings were “genuinely hopeful” but urged people not to ask their GP for the test, which is not yet available.',
      ),
    ],
  },
  {
    slug: 'puffin-numbers-recover-after-bird-flu',
    section: 'science',
    headline: 'Puffin numbers recover on Scottish islands after bird flu outbreak',
    standfirst:
      'Counts on two island colonies found breeding pairs back to within a tenth of their levels before the outbreak.',
    label: 'none',
    authors: ['kwame-asante'],
    tags: ['Wildlife', 'Nature'],
    hoursAgo: 740,
    picture: {
      scene: 'ocean',
      seed: 77,
      alt: 'Sea cliffs above a grey-green sea',
      caption: 'Puffins return to the same burrows on island clifftops each spring to breed.',
      credit: 'Kirsty Munro',
    },
    body: [
      p(
        'Puffin numbers on two Scottish island colonies have almost recovered to their levels before a devastating outbreak of bird flu, a survey has found.',
      ),
      p(
        'Rangers counted occupied burrows over three weeks in the spring and estimated that breeding pairs were back to within 10% of their previous numbers.',
      ),
      p(
        '“Two years ago we were picking up dead birds every day. To see the slopes busy again is just wonderful,” said ranger Eilidh Morrison, who has worked on the islands for eleven years.',
      ),
      p(
        'The outbreak, which swept through seabird colonies around the UK coast, killed tens of thousands of birds. Some islands closed to visitors for a season to reduce the risk of spreading the virus between colonies.',
      ),
      p(
        'This year’s count found signs that many of the birds breeding now are young adults raising chicks for the first time, which scientists say is a good sign for the colony’s future.',
      ),
      p(
        'Other seabirds have fared worse. Numbers of great skuas and gannets, which were hit harder by the virus, remain well below where they were.',
      ),
      p(
        'Scientists say puffins may have been partly protected because they nest in burrows rather than in dense colonies on open ledges, where the virus spread quickly.',
      ),
      p(
        'Conservationists warn that seabirds face longer-term pressures, including warming seas that have reduced supplies of sand eels, a key food for puffin chicks.',
      ),
    ],
  },
];
