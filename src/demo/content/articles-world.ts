import { type DemoArticle, p } from '../types.ts';

export const worldArticles: DemoArticle[] = [
  {
    slug: 'nato-foreign-ministers-meet-in-lisbon-ahead-of-summit',
    section: 'world',
    headline: 'NATO foreign ministers meet in Lisbon as allies argue over spending and succession',
    standfirst:
      'Talks in the Portuguese capital are meant to clear the way for the leaders’ summit, but divisions over money and the next secretary general remain.',
    label: 'none',
    authors: ['tomasz-nowak'],
    tags: ['NATO', 'Diplomacy', 'Defence'],
    hoursAgo: 55,
    picture: {
      scene: 'summit',
      seed: 14,
      alt: 'Flags outside a conference centre',
      caption:
        'Foreign ministers from NATO’s 32 member states gathered in Lisbon to prepare for the leaders’ summit next summer.',
      credit: 'Reuters',
    },
    body: [
      p(
        'NATO foreign ministers have gathered in Lisbon for two days of talks intended to settle the alliance’s most contentious questions before its leaders meet next summer.',
      ),
      p(
        'Top of the agenda is a new spending target. Several eastern members want allies to commit to 3% of GDP within five years; others, including some of the largest economies in western Europe, say that is unrealistic.',
      ),
      p(
        '“Everyone around this table agrees the threat has grown. What we do not yet agree on is who pays, and how fast,” said one European foreign minister as she arrived at the conference centre.',
      ),
      p(
        'Behind closed doors, ministers are also discussing who should succeed the alliance’s secretary general, whose term ends next autumn. No formal candidates have declared, but diplomats say at least four names are being discussed.',
      ),
      p(
        'Lithuania’s deputy foreign minister, Rokas Vaitkus, said the alliance needed “someone who understands in their bones what is at stake on the eastern flank”.',
      ),
      { type: 'readMore', slug: 'baltic-states-to-build-joint-air-defence-shield' },
      p(
        'The UK delegation is pressing for faster deliveries of air defence systems to allies and for more joint buying of munitions, which British officials say could cut costs by a fifth.',
      ),
      p(
        'Ukraine’s foreign minister is due to attend the second day of talks, where allies are expected to discuss a new package of air defence support and long-term funding for training Ukrainian forces.',
      ),
      p(
        'Portugal’s government, hosting its first major NATO meeting in more than a decade, has laid on tight security, with roads closed around the riverside venue and warships patrolling the Tagus.',
      ),
      p(
        'A joint statement is expected on the final day, though officials cautioned that it was likely to “note progress” rather than announce firm decisions.',
      ),
    ],
  },
  {
    slug: 'who-could-lead-nato-next-the-contenders',
    section: 'world',
    headline: 'Who could lead NATO next? The contenders for the alliance’s hardest job',
    standfirst:
      'The race to succeed the secretary general has barely begun in public, but in private the field is already taking shape.',
    label: 'analysis',
    authors: ['tomasz-nowak', 'daniel-okafor'],
    tags: ['NATO', 'Diplomacy', 'Defence'],
    hoursAgo: 8,
    update: {
      hoursLater: 6,
      note: 'This article was updated after Richard Hallam ruled himself out of the race.',
    },
    picture: {
      scene: 'summit',
      seed: 19,
      alt: 'A long table with microphones in front of a row of flags',
      caption:
        'NATO’s secretary general chairs meetings of the North Atlantic Council, the alliance’s main decision-making body.',
      credit: 'Reuters',
    },
    body: [
      p(
        'NATO does not hold elections for its top job. There are no ballots, no hustings and no formal shortlist. Its secretary general is chosen by consensus among 32 governments, which in practice means weeks of discreet phone calls, a great deal of lunch and, eventually, a name that nobody strongly objects to. The successful candidate will chair the alliance’s meetings, speak for it in public and, above all, try to keep its members pulling in the same direction at a time when they disagree about money, priorities and how far to go in supporting Ukraine. That process is now under way, and with the current secretary general due to leave next autumn, the field is starting to take shape.',
      ),
      p(
        { text: 'Update: ', bold: true },
        'Richard Hallam has since ruled himself out. ',
        {
          text: 'Read his interview with Broadsheet',
          href: '/politics/defence-secretary-rules-himself-out-of-nato-race',
        },
        '.',
      ),
      { type: 'heading', level: 2, text: 'The British option' },
      p(
        'Until this week, the UK’s Defence Secretary was the name most often mentioned in Brussels. Richard Hallam, a former Royal Marines officer, is well liked by his counterparts, speaks fluent French and has made himself a champion of higher spending, which plays well in the capitals that have been loudest about the threat from Russia. He also has something rarer: experience of running a large defence ministry in wartime conditions, after two years of overseeing British support for Ukraine. Against him: no British secretary general has served for more than two decades, and some allies are wary of handing the post to a country that has only just committed to spending more. There is also the awkward question of whether the Prime Minister could spare him.',
      ),
      { type: 'heading', level: 2, text: 'The eastern flank' },
      p(
        'Many of the alliance’s newer members believe it is time the job went to someone from central or eastern Europe. No secretary general has ever come from a country that joined after the end of the Cold War, a fact that diplomats from the region mention often. The most discussed name is Liis Kask, a former Estonian foreign minister who spent years warning western capitals about the threat from Moscow before it was fashionable to do so. Her supporters say she would bring credibility on the alliance’s most exposed border and a clarity of purpose that has sometimes been missing. Her critics worry that she would be seen as too hawkish by governments further west, and that her appointment could be read in Moscow as a provocation at a delicate moment.',
      ),
      { type: 'heading', level: 2, text: 'The consensus builder' },
      p(
        'Marc Verhoeven, a former Belgian deputy prime minister, has the profile of a classic compromise candidate: experienced, multilingual and acceptable to almost everyone. He spent years chairing difficult coalition negotiations at home, which supporters say is the perfect preparation for managing 32 governments with 32 sets of domestic pressures. His weakness is that he inspires little enthusiasm. “He is nobody’s first choice and everybody’s second,” one diplomat said, which in NATO terms is not an insult. Belgium’s own defence spending, which remains below the alliance target, may count against him.',
      ),
      { type: 'heading', level: 2, text: 'The outsider' },
      p(
        'Claire Lafleur, Canada’s former defence minister, would be the first secretary general from North America. That alone makes her a long shot, since the top military post traditionally goes to an American, and European capitals guard the civilian role closely. But she has admirers in Washington, where she is seen as a reliable ally who would keep the United States engaged, and her work on Arctic security has won her friends in the Nordic countries. Her name keeps coming up, and in a contest where the favourites have a habit of falling away, that counts for something.',
      ),
      { type: 'divider' },
      p(
        'Nominations are expected to open in the new year. If the pattern of past contests holds, the decisive conversations will happen among a handful of large members, with Washington’s view carrying particular weight, and the winner will emerge only when the last serious objection has been withdrawn. “The person who gets this job is usually the one still standing when everyone else has been vetoed,” said a former alliance official. “It is not glamorous, but it works.”',
      ),
    ],
  },
  {
    slug: 'hundreds-evacuated-as-wildfire-spreads-near-marseille',
    section: 'world',
    headline: 'Hundreds evacuated as wildfire spreads through hills near Marseille',
    standfirst:
      'More than 1,200 firefighters are battling the blaze, which has been driven towards villages by strong winds.',
    label: 'breaking',
    authors: ['tomasz-nowak'],
    tags: ['Wildfires', 'Climate', 'Europe'],
    hoursAgo: 3,
    homePosition: 2,
    update: {
      hoursLater: 2,
      note: 'This article was updated with the latest evacuation figures from the regional authorities.',
    },
    picture: {
      scene: 'forest',
      seed: 8,
      alt: 'Smoke rising above wooded hills',
      caption: 'Strong winds have pushed the fire through dry pine forest north of the city.',
      credit: 'Reuters',
    },
    body: [
      p(
        'Hundreds of people have been evacuated from their homes as a wildfire spreads through wooded hills north of Marseille, in southern France.',
      ),
      p(
        'Regional authorities said about 900 residents of three villages had been moved to sports halls and schools, along with around 300 people from two campsites.',
      ),
      p(
        'Firefighters said the blaze had already burned through more than 1,500 hectares of pine forest and scrubland, and that several empty holiday homes had been damaged.',
      ),
      p(
        'More than 1,200 firefighters, supported by water-bombing aircraft, are trying to stop the fire crossing a main road towards the outskirts of the city.',
      ),
      p(
        '“The wind is our enemy today. It is changing direction every hour and the vegetation is extremely dry,” Capt Julien Roux of the regional fire service told reporters.',
      ),
      p('No deaths have been reported. Four firefighters were treated for smoke inhalation and minor burns.'),
      p(
        'The fire broke out early in the afternoon after weeks without significant rain. Temperatures in the region have been above 35C for several days.',
      ),
      p(
        'Investigators have not yet said what caused the fire. Local officials have banned access to forests across the area and prohibited the use of barbecues and fireworks until further notice.',
      ),
      p(
        'Southern Europe has seen a series of large wildfires in recent summers, which scientists link to longer periods of heat and drought.',
      ),
      p(
        'The Foreign, Commonwealth and Development Office said British travellers in the area should follow the advice of local authorities and check their travel insurance.',
      ),
      { type: 'readMore', slug: 'met-office-issues-amber-heat-warning' },
    ],
  },
  {
    slug: 'climate-talks-stall-over-loss-and-damage-fund',
    section: 'world',
    headline: 'Climate talks stall as rich and poor nations clash over loss and damage fund',
    standfirst:
      'Negotiators in Bonn failed to agree how much wealthy countries should pay into a fund for nations hit hardest by extreme weather.',
    label: 'none',
    authors: ['kwame-asante', 'tomasz-nowak'],
    tags: ['Climate', 'Diplomacy'],
    hoursAgo: 97,
    picture: {
      scene: 'ocean',
      seed: 26,
      alt: 'Waves breaking over a low sea wall',
      caption: 'Low-lying island states say rising seas are already forcing communities to move.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Two weeks of UN climate negotiations in Bonn have ended without agreement on how much wealthy countries should contribute to a fund for nations suffering the worst effects of climate change.',
      ),
      p(
        'Developing countries had pushed for a commitment of at least $100bn a year. Richer nations, including the UK, argued that the figure should be set only once the fund’s rules were finalised.',
      ),
      p(
        'In an emotional closing session, the lead negotiator for a group of Pacific island states addressed delegates directly.',
      ),
      {
        type: 'quote',
        content: [
          {
            text: 'We did not create this crisis. We are asking you to help us survive it. Every year that you spend discussing the rules is a year in which our people lose their homes.',
          },
        ],
        attribution: 'Mele Tupou, lead negotiator for the Pacific Islands group',
      },
      p(
        'A UK official said Britain remained “fully committed” to the fund and would set out its contribution before the next full summit. “Nobody is walking away from this. But the money has to reach the people who need it, and that means getting the design right,” he said.',
      ),
      p(
        'Observers said the talks had made progress on technical questions, including how the fund would be governed and how quickly it could pay out after a disaster.',
      ),
      p(
        'The fund was agreed in principle two years ago, after decades of campaigning by vulnerable countries, but so far only a fraction of the money pledged has been paid in.',
      ),
      p(
        '“It is frustrating, but it is not a collapse,” said Dr Hannah Griffiths, a climate policy researcher at the University of Exeter. “The hard numbers were always going to be left for the ministers.”',
      ),
    ],
  },
  {
    slug: 'uk-and-eu-strike-deal-on-north-sea-fishing-quotas',
    section: 'world',
    headline: 'UK and EU strike late-night deal on North Sea fishing quotas',
    standfirst:
      'The agreement raises catch limits for haddock and cod but cuts them for mackerel, angering some Scottish fishing communities.',
    label: 'none',
    authors: ['tomasz-nowak'],
    tags: ['Fishing', 'Europe', 'Trade'],
    hoursAgo: 330,
    picture: {
      scene: 'harbour',
      seed: 37,
      alt: 'Fishing boats tied up in a small harbour',
      caption: 'Fishing fleets in the north-east of Scotland depend heavily on mackerel and herring.',
      credit: 'Kirsty Munro',
    },
    body: [
      p(
        'The UK and the European Union have agreed next year’s fishing quotas for shared North Sea stocks after talks that ran into the early hours.',
      ),
      p(
        'Under the deal, catch limits for haddock will rise by 12% and for cod by 8%, reflecting scientific advice that stocks are recovering. The limit for mackerel will fall by 15%.',
      ),
      p(
        'Fisheries minister Jennifer Tate said the agreement was “a fair outcome that follows the science and protects jobs in our coastal communities”.',
      ),
      p(
        'But fishermen in Peterhead and Fraserburgh said the mackerel cut would hit them hard. “We have been told for years that things would get better. This is not better,” said Alistair Buchan, who skippers a pelagic trawler out of Peterhead.',
      ),
      p(
        'Mackerel is the UK’s most valuable fish stock, and the Scottish fleet lands the majority of it. Industry estimates suggest the cut could cost the sector more than £40m next year.',
      ),
      p(
        'The negotiations are held every year under the trade agreement signed when the UK left the EU, and cover more than 70 shared stocks. This year’s talks ran a week longer than planned after disagreements over access to waters around Shetland.',
      ),
      p(
        'Environmental groups said the deal did not go far enough. “Some stocks are recovering, but others are still being fished above sustainable levels,” said Clara Jensen of the Marine Futures Trust.',
      ),
      p('The quotas take effect from the start of January and will be reviewed in the summer.'),
    ],
  },
  {
    slug: 'baltic-states-to-build-joint-air-defence-shield',
    section: 'world',
    headline: 'Baltic states to build joint air defence shield as NATO steps up patrols',
    standfirst:
      'Estonia, Latvia and Lithuania will buy and operate air defence systems together in a project worth more than €1bn.',
    label: 'none',
    authors: ['tomasz-nowak'],
    tags: ['NATO', 'Defence', 'Europe'],
    hoursAgo: 440,
    picture: {
      scene: 'night-sky',
      seed: 48,
      alt: 'Aircraft lights crossing a night sky',
      caption:
        'NATO fighter jets have patrolled Baltic airspace on rotation since the three countries joined the alliance.',
      credit: 'Reuters',
    },
    body: [
      p(
        'Estonia, Latvia and Lithuania have agreed to build a joint air defence network, pooling money and crews to protect their skies against missiles and drones.',
      ),
      p(
        'The project, worth more than €1bn over six years, will see the three countries buy medium-range systems together and share radar data through a single command centre.',
      ),
      p(
        '“None of us could afford this alone. Together we can, and together it works better,” said Latvia’s defence minister, Inese Kalnina, at a signing ceremony in Riga.',
      ),
      p(
        'NATO has also announced that it will increase the number of aircraft assigned to its Baltic air policing mission, with the UK, Germany and Poland providing extra jets.',
      ),
      p(
        'The three Baltic states, which together have a population of around six million, have been among the alliance’s biggest spenders on defence relative to the size of their economies. Lithuania and Estonia both plan to spend more than 3% of GDP on their armed forces this year.',
      ),
      p(
        'Analysts said the deal reflected growing concern in the region about the vulnerability of cities and power stations to long-range strikes.',
      ),
      p(
        '“Air defence has gone from a specialist topic to something ordinary people ask about,” said Dr Peteris Ozols of the Baltic Security Forum. “That changes what governments are willing to pay for.”',
      ),
      p('The first systems are expected to be in place within two years.'),
    ],
  },
  {
    slug: 'rotterdam-unveils-floating-neighbourhood',
    section: 'world',
    headline: 'Rotterdam unveils floating neighbourhood built to rise with the sea',
    standfirst:
      'The 120 homes sit on concrete pontoons that can rise and fall with the tide, and the city says more are planned.',
    label: 'none',
    authors: ['tomasz-nowak'],
    tags: ['Climate', 'Housing', 'Europe'],
    hoursAgo: 680,
    picture: {
      scene: 'harbour',
      seed: 59,
      alt: 'Modern houses on a waterfront',
      caption: 'The floating homes are moored in a former dock on the south side of the river.',
      credit: 'Pieter Hendriks',
    },
    body: [
      p(
        'The first residents have moved into a floating neighbourhood in Rotterdam, where 120 homes have been built on pontoons designed to rise and fall with the water.',
      ),
      p(
        'The homes, which range from one-bedroom flats to family houses, are moored in a former dock and connected to the city’s power and water networks through flexible pipes.',
      ),
      p(
        'With around a quarter of the Netherlands below sea level, planners have spent decades looking for ways to build that do not depend on ever-higher dykes.',
      ),
      {
        type: 'image',
        picture: {
          scene: 'ocean',
          seed: 60,
          alt: 'Calm water reflecting a pale sky',
          caption:
            'Each pontoon is anchored to steel piles that let it move up and down by as much as five metres.',
          credit: 'Pieter Hendriks',
        },
      },
      p(
        '“We have always fought the water. This is about living with it,” said Femke de Wit, the city’s deputy mayor for housing. “If the sea rises, these homes rise too.”',
      ),
      p(
        'Residents pay rents similar to those in comparable homes on land. Sanne Bakker, who moved in with her partner and two children last month, said the strangest part was the gentle movement during storms. “The children love it. I am still getting used to it,” she said.',
      ),
      p(
        'Engineers from several countries, including the UK, have visited the site. Officials in Hull and Great Yarmouth have expressed interest in similar schemes for flood-prone areas.',
      ),
      p(
        'Critics say floating homes are expensive to build and can only ever house a small number of people. But the city says costs have fallen as designs have become more standardised, and that the homes use less energy than traditional houses thanks to the cooling effect of the water.',
      ),
      p('The city plans another 400 floating homes over the next decade.'),
    ],
  },
];
