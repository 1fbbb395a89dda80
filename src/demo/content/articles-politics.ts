import { type DemoArticle, p } from '../types.ts';

export const politicsArticles: DemoArticle[] = [
  {
    slug: 'defence-secretary-rules-himself-out-of-nato-race',
    section: 'politics',
    headline: '‘There is too much to do here’: Defence Secretary says he will not run for NATO’s top job',
    standfirst:
      'Richard Hallam has ruled himself out of the race to become the alliance’s next secretary general, ending weeks of speculation that he was the government’s preferred candidate.',
    label: 'exclusive',
    authors: ['eleanor-marsh', 'daniel-okafor'],
    tags: ['NATO', 'Defence', 'Westminster'],
    hoursAgo: 2,
    homePosition: 0,
    picture: {
      scene: 'parliament',
      seed: 11,
      alt: 'The Palace of Westminster at dusk',
      caption:
        'Richard Hallam had been tipped as a candidate since the alliance confirmed the post would fall vacant next autumn.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Defence Secretary Richard Hallam has ruled himself out of the race to become NATO’s next secretary general, saying he wants to see through the overhaul of the armed forces he began last year.',
      ),
      p(
        'Speaking to Broadsheet, Mr Hallam said he had been “flattered” by suggestions from allies that he should stand, but had decided his place was at the Ministry of Defence.',
      ),
      p(
        '“There is too much to do here, and I would not be doing either job properly if half my mind was already in Brussels,” he said.',
      ),
      p(
        '“We have started rebuilding our stockpiles, we have a procurement system that still needs fixing, and I made promises to service families that I intend to keep.”',
      ),
      { type: 'readMore', slug: 'defence-spending-to-reach-two-and-a-half-per-cent' },
      p(
        'The alliance’s current secretary general is due to step down next autumn, and diplomats have spent months sounding out possible successors ahead of the leaders’ summit.',
      ),
      p(
        'Mr Hallam, 54, a former Royal Marines officer, had been seen in Westminster as the government’s favoured candidate, and several European defence ministers were understood to have encouraged him privately.',
      ),
      p(
        'One senior NATO diplomat, speaking on condition of anonymity, said his decision “opens the field considerably” and would please capitals that had favoured a candidate from the alliance’s eastern flank.',
      ),
      { type: 'teaser', slug: 'watch-defence-secretary-joins-troops-in-estonia', kicker: 'Watch' },
      p(
        'Downing Street said the Prime Minister had “full confidence” in the Defence Secretary and was “delighted” he would remain in post.',
      ),
      p(
        '“The UK will continue to play a leading role in shaping the future of the alliance, whoever is chosen,” a spokeswoman said.',
      ),
      p(
        'Shadow defence secretary Nadia Qureshi said the announcement ended “weeks of distraction”. “Our armed forces need a full-time defence secretary, not one with his CV sitting on a desk in Brussels,” she said.',
      ),
      { type: 'readMore', slug: 'nato-foreign-ministers-meet-in-lisbon-ahead-of-summit' },
      p(
        'Asked whether the UK would back another candidate, Mr Hallam said ministers would “look carefully” at the field. “The next secretary general has to be someone who can hold 32 allies together when it really matters. That is rarer than people think,” he said.',
      ),
      p(
        'Nominations are expected to open in the new year, with allies hoping to agree a candidate by consensus before the summit.',
      ),
    ],
  },
  {
    slug: 'defence-spending-to-reach-two-and-a-half-per-cent',
    section: 'politics',
    headline: 'Defence spending to reach 2.5% of national income by end of decade, Treasury confirms',
    standfirst:
      'Ministers say the rise is the largest sustained increase in military spending since the end of the Cold War, but analysts warn inflation will eat into it.',
    label: 'none',
    authors: ['daniel-okafor'],
    tags: ['Defence', 'Economy', 'Westminster'],
    hoursAgo: 41,
    picture: {
      scene: 'harbour',
      seed: 23,
      alt: 'Grey warships moored at a naval dockyard',
      caption:
        'Ministers say the extra money will pay for new frigates and for replenishing stocks of munitions sent to allies.',
      credit: 'PA',
    },
    corrections: [
      {
        hoursLater: 6,
        text: 'An earlier version of this article said the increase would be worth £14bn a year by 2030. The correct figure is around £11bn a year.',
      },
    ],
    body: [
      p(
        'The government will raise defence spending to 2.5% of national income by the end of the decade, the Treasury has confirmed, in what ministers describe as the largest sustained increase since the end of the Cold War.',
      ),
      p(
        'The commitment, set out in a written statement to Parliament, will see the Ministry of Defence’s budget grow by around £11bn a year in cash terms by 2030.',
      ),
      p(
        'Chief Secretary to the Treasury Martin Cole said the rise would be paid for “within our existing fiscal rules” and would not require extra borrowing. “The world has become more dangerous, and we are not going to pretend otherwise,” he said. “This is money for ships, for munitions and for the people who serve.”',
      ),
      {
        type: 'factbox',
        title: 'Where the extra money goes',
        items: [
          [{ text: '£3.2bn a year to rebuild stocks of artillery shells and air defence missiles' }],
          [{ text: '£2.6bn for new frigates and uncrewed minehunting vessels' }],
          [{ text: '£1.8bn to repair and replace service family housing' }],
          [{ text: '£1.4bn for cyber defence and satellite programmes' }],
          [{ text: 'The remainder for recruitment, training and pay' }],
        ],
      },
      p(
        'Defence Secretary Richard Hallam, who had lobbied for the increase for more than a year, said it would allow the armed forces to “stop living hand to mouth”.',
      ),
      p(
        'Defence analysts welcomed the announcement, but several warned that much of the increase could be swallowed by rising equipment costs.',
      ),
      p(
        '“It is a genuine increase, but the price of a missile is not what it was three years ago,” said Dr Alice Penrose, a senior fellow at the Whitfield Institute, a security think tank. “The test is whether the money arrives when it is promised, not whether the headline figure looks right on the day.”',
      ),
      p(
        'Shadow defence secretary Nadia Qureshi said the government had “finally caught up” with military chiefs, but questioned why the target would not be met sooner.',
      ),
      p(
        'NATO members have agreed to spend at least 2% of GDP on defence. Several allies on the alliance’s eastern flank already spend well above 3%.',
      ),
    ],
  },
  {
    slug: 'watch-defence-secretary-joins-troops-in-estonia',
    section: 'politics',
    headline: 'Watch: Defence Secretary joins British troops on winter exercise in Estonia',
    standfirst:
      'Richard Hallam spent two days with soldiers training alongside Estonian forces near the Russian border.',
    label: 'none',
    authors: ['daniel-okafor'],
    tags: ['NATO', 'Defence', 'Europe'],
    hoursAgo: 124,
    picture: {
      scene: 'forest',
      seed: 31,
      alt: 'Soldiers in winter camouflage among pine trees',
      caption:
        'Around 900 British personnel are based in Estonia as part of NATO’s forward presence in the Baltic states.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'Defence Secretary Richard Hallam has spent two days with British troops on a winter exercise in Estonia, where temperatures fell to minus 18C.',
      ),
      p(
        'The exercise brought together around 2,000 soldiers from the UK, Estonia and France, who practised defending a river crossing against a simulated armoured attack.',
      ),
      p(
        'Britain leads a NATO battlegroup in Estonia, one of several multinational forces stationed along the alliance’s eastern border since 2017 to deter any attack.',
      ),
      {
        type: 'embed',
        provider: 'youtube',
        url: 'https://www.youtube.com/watch?v=q7Rk2VbT9Lm',
        title: 'Defence Secretary Richard Hallam on exercise with British troops in Estonia',
        caption: 'Mr Hallam spoke to soldiers from the Royal Welsh during the exercise.',
      },
      p(
        '“You can read all the reports you like in London, but you learn more in an hour in a trench here,” Mr Hallam said after visiting a forward position.',
      ),
      p(
        'Lance Corporal Megan Price, 24, from Newport, said the cold was the hardest part. “Your kit freezes, your fingers stop working and you still have to do everything properly. You get used to it, mostly,” she said.',
      ),
      p(
        'Estonia’s defence officials have repeatedly praised the British contribution, which includes tanks, artillery and a headquarters that would lead a multinational brigade in a crisis.',
      ),
      p(
        'During the visit, Mr Hallam also met Estonian ministers in Tallinn to discuss plans for a new joint training area and the purchase of British-made air defence equipment.',
      ),
      p(
        'Mr Hallam confirmed that the UK’s commitment would continue “for as long as our allies need us”, and said more equipment would be stored in the country so reinforcements could deploy faster.',
      ),
    ],
  },
  {
    slug: 'prime-minister-faces-backbench-revolt-over-planning-reforms',
    section: 'politics',
    headline: 'Prime Minister faces backbench revolt over housing planning reforms',
    standfirst:
      'More than 40 government MPs have signed an amendment that would give councils a veto over large developments on green fields.',
    label: 'none',
    authors: ['eleanor-marsh'],
    tags: ['Westminster', 'Housing'],
    hoursAgo: 10,
    update: {
      hoursLater: 3,
      note: 'This article was updated to include a statement from Downing Street.',
    },
    picture: {
      scene: 'parliament',
      seed: 42,
      alt: 'The Palace of Westminster seen from across the river',
      caption: 'MPs will vote on the planning bill’s remaining stages next week.',
      credit: 'PA',
    },
    body: [
      p(
        'The Prime Minister is facing the largest backbench rebellion of the parliament after more than 40 government MPs backed an amendment to the flagship planning bill.',
      ),
      p(
        'The amendment, tabled by former housing minister Gareth Lowther, would let councils block developments of more than 500 homes on greenfield land if they could show local infrastructure was not ready.',
      ),
      p(
        '“Nobody on these benches is against building homes,” Mr Lowther said. “We are against building them where there is no school place, no GP appointment and no bus for three miles.”',
      ),
      p('The rebels have set out three demands in a letter to the Housing Secretary, seen by Broadsheet:'),
      {
        type: 'list',
        ordered: true,
        items: [
          [{ text: 'A local veto over large greenfield schemes without agreed infrastructure' }],
          [{ text: 'A guarantee that brownfield sites are developed first' }],
          [{ text: 'Ring-fenced money for roads, surgeries and schools before building starts' }],
        ],
      },
      p(
        'Government whips believe the number of rebels will fall once concessions are offered, but one senior backbencher said the mood was “the worst I have seen it”.',
      ),
      p(
        'The bill, which ministers describe as the most significant reform of the planning system in a generation, would make it harder for councils to reject developments that meet national standards, and would allow some building on lower-quality green belt land.',
      ),
      p(
        'Downing Street later said the Prime Minister was “listening carefully” to colleagues. “This country needs 1.5 million new homes and we will not duck the decisions that requires,” a spokesman said. “But we want to bring people with us, and we are confident we will.”',
      ),
      p(
        'Housing charities urged ministers not to give ground. “Every delay is another year of families stuck in temporary accommodation,” said Joanne Asher of the campaign group Homes for Now.',
      ),
    ],
  },
  {
    slug: 'ashby-vale-by-election-set-after-mp-steps-down',
    section: 'politics',
    headline: 'Ashby Vale by-election set for next month after MP steps down',
    standfirst:
      'The contest in the East Midlands seat will be the first real test of the government’s popularity since the budget.',
    label: 'none',
    authors: ['eleanor-marsh'],
    tags: ['Elections', 'Westminster'],
    hoursAgo: 175,
    picture: {
      scene: 'fields',
      seed: 54,
      alt: 'Farmland and a small market town under a grey sky',
      caption: 'Ashby Vale takes in two market towns and a large stretch of rural Leicestershire.',
      credit: 'Tom Whitley',
    },
    body: [
      p(
        'Voters in Ashby Vale will go to the polls next month after the constituency’s MP, Caroline Denby, stood down to take up a role running a children’s hospice charity.',
      ),
      p(
        'Ms Denby, who had represented the seat for nine years, said she was leaving Parliament “with a heavy heart but a clear conscience”.',
      ),
      {
        type: 'factbox',
        title: 'Ashby Vale at the last general election',
        items: [
          [{ text: 'Majority: 4,812' }],
          [{ text: 'Turnout: 63.4%' }],
          [{ text: 'Electorate: 74,190' }],
          [{ text: 'Held by the same party since 2010' }],
        ],
      },
      p(
        'All the main parties have already selected candidates, and canvassers were out in the market square in Ashby Parva within hours of the writ being moved.',
      ),
      p(
        'The government’s candidate, former council leader James Pryor, said he was “proud of what this government has delivered” and would be “a strong local voice”. Two smaller parties and several independents are also expected to stand.',
      ),
      p(
        'Local issues are likely to dominate. Ashby Vale has lost two bank branches and a minor injuries unit in the last three years, and a proposed warehouse development on the edge of Ashby Parva has divided opinion.',
      ),
      p(
        'The opposition’s candidate, local GP Dr Harriet Obi, said the campaign would be about “the state of our surgery waiting rooms, not Westminster games”.',
      ),
      p(
        'Professor Colin Marr, a polling expert at the University of Nottingham, said the seat would be closely watched. “A majority of under 5,000 in a seat like this is not safe in the current climate. If it goes, it will tell us a lot,” he said.',
      ),
      { type: 'readMore', slug: 'westminster-has-forgotten-how-to-disagree-well' },
    ],
  },
  {
    slug: 'westminster-has-forgotten-how-to-disagree-well',
    section: 'politics',
    headline: 'Westminster has forgotten how to disagree well, and voters have noticed',
    standfirst:
      'Politics has always been a contact sport, but the shouting has crowded out the arguing, and the public is switching off.',
    label: 'opinion',
    authors: ['eleanor-marsh'],
    tags: ['Westminster', 'Elections'],
    hoursAgo: 245,
    picture: {
      scene: 'parliament',
      seed: 67,
      alt: 'A clock tower against an evening sky',
      caption:
        'Trust in politicians has fallen in each of the last four annual surveys by the National Centre for Civic Research.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Spend an afternoon in the press gallery and you will see two things happening at once. On the floor of the Commons, people who privately get on perfectly well perform their contempt for one another for the cameras. In the committee corridor upstairs, a smaller group of the same people are doing patient, detailed work that almost nobody reports. The first has become the whole of politics as most voters experience it. That is a problem, and it is one my trade has helped to create.',
      ),
      p(
        'I have covered Westminster for fifteen years. The change I notice most is not in the level of hostility, which has always been high, but in its purpose. Good political argument used to be aimed at winning over the people in the middle: the undecided, the persuadable, the voter who might change their mind if you gave them a reason. Now it is increasingly aimed at the people who already agree with you, and its goal is not persuasion but reassurance.',
      ),
      p(
        'Part of the reason is structural. Parties now know far more about their own supporters than they ever did, thanks to data and social media, and it is cheaper and more reliable to motivate them than to convert anyone new. Part of it is the media, which rewards conflict because conflict gets attention. A careful speech that acknowledges trade-offs will get a paragraph; a barbed line that can be turned into a clip will lead the bulletins. Politicians are not stupid. They respond to the incentives in front of them.',
      ),
      {
        type: 'pullquote',
        text: 'The goal of political argument is no longer persuasion. It is reassurance.',
      },
      p(
        'You can see it in the way ministers answer questions. They no longer engage with the premise; they restate a line. Opposition spokespeople do the same. Interviews have become exercises in not being clipped. A politician who concedes that the other side has a point, even a small one, risks seeing that concession turned into a thirty-second video by the end of the day.',
      ),
      p(
        'The public has noticed. In focus groups I sat in on in Ashby Vale and Stockport over the last year, the complaint I heard most was not that politicians lie, though plenty said that too. It was that they never seem to answer the question they have been asked. One retired teacher put it better than I can: “They talk like they are reading off a card, and the card was written for someone else.”',
      ),
      { type: 'divider' },
      p(
        'There is a better tradition to draw on. Select committees, for all their faults, still produce cross-party reports in which MPs of very different views agree on facts and argue honestly about what to do with them. Some of the most useful parliamentary work of the past decade, on social care, on building safety, on the use of algorithms in benefit decisions, came from exactly that kind of disagreement.',
      ),
      p(
        'None of this requires politicians to become nicer. It requires them to be braver: to make the strongest case against their own position before they knock it down, to say “I was wrong about that” when they were, and to trust voters with a bit of complexity. It also requires those of us who report on them to reward that behaviour rather than punish it.',
      ),
      p(
        'There are signs that some of them want to. A handful of MPs from different parties have started holding joint public meetings in each other’s constituencies, arguing about a single issue in front of a mixed audience and taking questions afterwards. The ones I have attended have been lively, occasionally bad-tempered and far more illuminating than anything I have heard in the chamber in months. Nobody changed sides. But people left understanding why the other side thought what it thought, which is the beginning of any sensible compromise.',
      ),
      p(
        'The next general election will be fought, like all of them, on the economy, public services and trust. The party that works out how to argue well, rather than loudly, may find it has more to gain than it expects.',
      ),
    ],
  },
  {
    slug: 'nhs-waiting-list-falls-for-third-month-in-a-row',
    section: 'politics',
    headline: 'NHS waiting list falls for third month in a row, but A&E targets still missed',
    standfirst:
      'The number of people waiting for planned treatment in England has dropped to 7.2 million, the lowest figure in more than a year.',
    label: 'none',
    authors: ['kwame-asante'],
    tags: ['NHS', 'Health', 'Westminster'],
    hoursAgo: 30,
    picture: {
      scene: 'hospital',
      seed: 72,
      alt: 'A hospital corridor with beds along one wall',
      caption:
        'Health leaders say the fall in waiting times has been driven by extra evening and weekend clinics.',
      credit: 'PA',
    },
    body: [
      p(
        'The NHS waiting list in England has fallen for the third consecutive month, official figures show, although hospitals are still missing key targets for emergency care.',
      ),
      p(
        'Around 7.2 million treatments were waiting to be carried out at the end of last month, down from a peak of 7.7 million, according to NHS England.',
      ),
      p(
        'Health Secretary Helen Carrick said the figures showed the government’s plan was “starting to bite”. “There is a long way to go, but for the first time in a long time the numbers are moving in the right direction,” she said.',
      ),
      p(
        'However, only 71% of patients arriving at A&E were seen within four hours, against a target of 78%. More than 40,000 people waited over twelve hours from the decision to admit them.',
      ),
      p(
        'Ambulance response times also improved slightly, but the average wait for a heart attack or stroke patient was still more than 35 minutes, against a target of 18 minutes.',
      ),
      p(
        'Dr Sunita Mehra, who chairs the emergency medicine committee of a leading doctors’ organisation, said corridor care was becoming “normal in a way that should shame all of us”.',
      ),
      p(
        '“The waiting list is the headline number, but the emergency department is where people are at risk today,” she said.',
      ),
      p(
        'Hospital managers said extra evening and weekend clinics had helped reduce waits for hip and knee operations, cataract surgery and diagnostic scans.',
      ),
      p(
        'The government has set a target for 92% of patients to be seen within 18 weeks of referral by the end of the parliament. At present the figure is around 59%.',
      ),
    ],
  },
  {
    slug: 'ministers-draw-up-plans-to-cap-peak-rail-fares',
    section: 'politics',
    headline: 'Ministers draw up plans to cap peak rail fares on commuter routes',
    standfirst:
      'Leaked proposals would limit the gap between peak and off-peak tickets, saving some season ticket holders hundreds of pounds a year.',
    label: 'exclusive',
    authors: ['eleanor-marsh', 'fiona-mcbride'],
    tags: ['Transport', 'Westminster', 'Economy'],
    hoursAgo: 17,
    picture: {
      scene: 'railway',
      seed: 85,
      alt: 'A commuter train pulling into a station platform',
      caption:
        'Commuters into London, Manchester and Birmingham would see the biggest savings under the plans.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'Ministers are drawing up plans to cap peak rail fares on busy commuter routes, in a move that could save some season ticket holders hundreds of pounds a year, Broadsheet has learned.',
      ),
      p(
        'Under proposals being discussed by the Department for Transport and the Treasury, peak fares would be limited to no more than 30% above the equivalent off-peak ticket.',
      ),
      p(
        'On some routes into London the gap is currently more than 80%, which campaigners say pushes people back into their cars.',
      ),
      p(
        'A commuter travelling into London from Reading, for example, can pay more than £60 for a peak return, compared with about £30 for an off-peak ticket on the same route.',
      ),
      p(
        'A government source said the aim was to “make the train the obvious choice again” for people who have returned to the office. “Fares have been designed for a world where everyone commuted five days a week. That world is gone,” the source said.',
      ),
      p(
        'The plans are expected to cost around £350m a year, partly offset by higher passenger numbers. Treasury officials are understood to be pressing for a pilot on a handful of routes before any national roll-out.',
      ),
      p(
        'Officials are also looking at a “best fare” guarantee, under which passengers using contactless payment would automatically be charged the cheapest combination of tickets for the journeys they make in a week.',
      ),
      p(
        'Rail passenger groups welcomed the proposals. “This could be the most important fares reform in twenty years, if the government has the nerve to do it properly,” said Ben Adeyemi of the campaign group Fair Fares Now.',
      ),
      p(
        'The Department for Transport said it did not comment on leaks but was “committed to simpler, fairer fares”.',
      ),
    ],
  },
];
