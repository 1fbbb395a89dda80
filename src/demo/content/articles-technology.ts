import { type DemoArticle, p } from '../types.ts';

export const technologyArticles: DemoArticle[] = [
  {
    slug: 'nhs-trusts-pause-ai-note-taking-tool-after-errors',
    section: 'technology',
    headline: 'NHS trusts pause AI note-taking tool after it added invented details to patient records',
    standfirst:
      'Doctors found the software had recorded symptoms patients never mentioned and medication they were not taking.',
    label: 'exclusive',
    authors: ['priya-raman'],
    tags: ['AI', 'NHS', 'Data'],
    hoursAgo: 5,
    homePosition: 3,
    picture: {
      scene: 'hospital',
      seed: 15,
      alt: 'A doctor at a desk with a computer screen',
      caption:
        'AI scribes listen to consultations and draft clinical notes for doctors to check and sign off.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'At least three NHS hospital trusts have suspended an artificial intelligence tool that writes up doctors’ notes after it was found to have added invented details to patient records, Broadsheet can reveal.',
      ),
      p(
        'The software, known as an ambient scribe, listens to consultations through a microphone on the doctor’s desk, transcribes the conversation and produces a draft clinic letter and summary for the clinician to review. It has been piloted in outpatient clinics at more than twenty trusts in England over the past year, as part of a push to reduce the time doctors spend on paperwork.',
      ),
      p(
        'Internal documents seen by Broadsheet describe dozens of cases in which the drafts included symptoms patients had not mentioned, doses that had not been discussed and, in one case, a family history of heart disease that the patient did not have. Most errors were spotted and corrected before the notes were signed, but an audit at one trust found eleven that had made it into the permanent record.',
      ),
      p(
        'One consultant, who asked not to be named because they were not authorised to speak to the media, said the errors were “plausible enough to slip past you at the end of a long clinic”.',
      ),
      {
        type: 'quote',
        content: [
          {
            text: 'The danger is not that it writes nonsense. The danger is that it writes something that sounds exactly like what a doctor would have written, and it is wrong.',
          },
        ],
        attribution: 'A consultant at one of the trusts involved',
      },
      p(
        'Specialists in the technology say the problem is a known weakness of the large language models that power such tools. When a recording is unclear, or a conversation jumps between topics, the model can fill the gap with text that is statistically likely rather than what was actually said. In a medical setting, the most likely sentence is often a perfectly ordinary clinical phrase, which is precisely what makes it hard to spot. One trust’s audit found that errors were most common in consultations involving interpreters, or where patients and relatives spoke at the same time.',
      ),
      p(
        'The company that supplies the tool, the London-based start-up Veritext Health, said it took the reports “extremely seriously”. “Our software is designed to support clinicians, never to replace their judgement, and every note must be reviewed before it is saved,” a spokesperson said. “We have already released an update that flags any statement the system is less confident about.”',
      ),
      p(
        'NHS England said the pilots had been set up with “robust safeguards” and that trusts were right to pause use while the issues were investigated. It said no patient was known to have come to harm, and that national guidance on the use of ambient scribes, published earlier this year, already required every note to be checked by a clinician before it was filed.',
      ),
      p(
        'Patient safety campaigners said the findings showed the risks of introducing AI into clinical settings too quickly, and called for every trust using such tools to publish the results of its audits. “A patient record follows you for life. If it is wrong, the next doctor you see will believe it,” said Margaret Ellison of the charity Patients First.',
      ),
      p(
        'Supporters of the technology point out that doctors using it have reported saving up to an hour a day on paperwork, time that can be spent seeing more patients, and that human-written notes also contain mistakes. Several studies have found that doctors typing during consultations make less eye contact and miss more of what patients tell them. Dr Samir Choudhury, a GP in Bradford who has used a different ambient scribe for a year, said the answer was better testing rather than abandoning the idea. “I get more eye contact with my patients than I have in a decade. But I read every word it writes, and I would tell any colleague to do the same,” he said.',
      ),
      p(
        'The Medicines and Healthcare products Regulatory Agency said it was reviewing whether such tools should be regulated as medical devices, which would require manufacturers to provide evidence of their safety and accuracy before they could be sold to the NHS. At present, most are treated as administrative software.',
      ),
      { type: 'readMore', slug: 'nhs-waiting-list-falls-for-third-month-in-a-row' },
    ],
  },
  {
    slug: 'social-media-firms-given-six-months-to-check-users-ages',
    section: 'technology',
    headline: 'Social media firms given six months to check users’ ages',
    standfirst:
      'Platforms that allow pornography or content promoting self-harm must introduce “highly effective” age checks or face heavy fines.',
    label: 'none',
    authors: ['priya-raman'],
    tags: ['Online safety', 'Regulation'],
    hoursAgo: 62,
    picture: {
      scene: 'circuits',
      seed: 21,
      alt: 'Close-up of a circuit board',
      caption:
        'The new rules apply to any service with a significant number of users in the UK, wherever the company is based.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Social media and video-sharing platforms have been given six months to introduce reliable checks to stop children seeing harmful content, under new rules published by the regulator Ofcom.',
      ),
      p(
        'Services that allow pornography, or content promoting suicide, self-harm or eating disorders, must use “highly effective” age assurance. Ticking a box to say you are over 18 will no longer be enough.',
      ),
      { type: 'heading', level: 2, text: 'What counts as an effective check' },
      p(
        'Ofcom said acceptable methods included checking a photo ID, estimating age from a selfie, and confirming age through a bank or mobile phone provider. Companies can be fined up to 10% of their global turnover if they fail to comply.',
      ),
      p(
        '“For too long, the only thing standing between a child and the worst content on the internet has been a question they could answer with a single click,” said Rachel Dunmore, Ofcom’s director of online safety policy.',
      ),
      { type: 'heading', level: 2, text: 'Privacy concerns' },
      p(
        'Digital rights groups warned that the checks could create huge databases of sensitive information. “Asking millions of adults to hand over their passport to a third party is a privacy risk in its own right,” said Owen Blake of the Digital Liberty Forum.',
      ),
      p(
        'Some smaller forums and community websites have said they may block UK users altogether rather than pay for age-checking services, which typically cost a few pence per check.',
      ),
      p(
        'Ofcom said firms would be required to minimise the data they kept and that age checks should not be used for advertising.',
      ),
      p(
        'Parents’ groups welcomed the rules but said six months was too long to wait. “Every week of delay is another week in which children are being shown things no adult would choose for them,” said Claire Henshaw of the campaign group Safer Screens.',
      ),
    ],
  },
  {
    slug: 'gigabit-broadband-reaches-remote-highland-villages',
    section: 'technology',
    headline: 'Gigabit broadband reaches remote Highland villages through new subsea cable',
    standfirst:
      'Residents on the Ardnamurchan coast had some of the slowest internet speeds in the UK until this month.',
    label: 'none',
    authors: ['priya-raman'],
    tags: ['Broadband', 'Scotland'],
    hoursAgo: 300,
    picture: {
      scene: 'mountains',
      seed: 45,
      alt: 'Mountains rising above a sea loch',
      caption:
        'The new cable comes ashore on a remote stretch of the west coast and runs overland to eight villages.',
      credit: 'Kirsty Munro',
    },
    body: [
      p(
        'Some of the most remote communities in the Scottish Highlands have been connected to gigabit broadband after a new subsea cable was brought ashore on the west coast.',
      ),
      p(
        'Around 600 homes and businesses in eight villages can now get speeds of up to 1,000 megabits per second, more than a hundred times faster than the connections most of them had before.',
      ),
      p(
        'Fiona MacLeod, who runs a holiday cottage business near Kilchoan, said she used to drive to the nearest town to upload booking photos. “Guests would ask for the wifi password and I would apologise before I gave it to them,” she said.',
      ),
      p(
        'The project was funded by the Scottish and UK governments and cost around £9m, or about £15,000 per property connected.',
      ),
      p(
        'Engineers laid 40km of cable across the sea bed from the mainland, then ran fibre overland along existing electricity poles to avoid digging up single-track roads. The work was delayed for several weeks last winter by storms.',
      ),
      p(
        'The local primary school, which has 19 pupils, said it would now be able to run video lessons with other small schools in the area.',
      ),
      p(
        'Local councillor Angus Cameron said the connection would help young people stay in the area. “You can run a business from here now. That was not true last year,” he said.',
      ),
      p(
        'About 2% of UK premises still cannot get a download speed of 30 megabits per second, most of them in rural areas.',
      ),
    ],
  },
  {
    slug: 'cambridge-robotics-start-up-raises-120m',
    section: 'technology',
    headline: 'Cambridge robotics start-up raises £120m to build warehouse robots',
    standfirst:
      'Lumen Robotics says its machines can pick items of any shape from a shelf, a task that has defeated automation for years.',
    label: 'none',
    authors: ['priya-raman', 'fiona-mcbride'],
    tags: ['AI', 'Start-ups', 'Jobs'],
    hoursAgo: 140,
    picture: {
      scene: 'laboratory',
      seed: 39,
      alt: 'A robotic arm on a workbench',
      caption: 'Lumen Robotics was founded by three researchers from the University of Cambridge in 2020.',
      credit: 'Lumen Robotics',
    },
    body: [
      p(
        'Lumen Robotics, a Cambridge start-up that builds robots for warehouses, has raised £120m from investors, one of the largest funding rounds for a British robotics company.',
      ),
      p(
        'The company’s robots use cameras and AI software to pick individual items from shelves, from bottles of shampoo to bags of crisps, a job that is still mostly done by hand in most warehouses.',
      ),
      p(
        '“Picking a box is easy. Picking a soft, shiny, oddly shaped thing without crushing it is incredibly hard, and that is what most of the world’s warehouses are full of,” said chief executive Dr Amara Osei.',
      ),
      p(
        'The money will be used to open a factory near Peterborough, creating around 250 jobs, and to expand into the United States.',
      ),
      p(
        'Lumen’s robots are already being used by two UK supermarket chains. The company says they can work alongside people, taking on repetitive tasks and leaving staff to deal with exceptions.',
      ),
      p(
        'Warehouse automation has become one of the fastest-growing areas of robotics, as online shopping has increased and employers have struggled to recruit staff for physically demanding night shifts. But most robots in use today move shelves or boxes rather than picking individual products.',
      ),
      p(
        'Unions are cautious. “Every company says its robots will work alongside people. The question is how many people,” said Dave Hutchins of the warehouse workers’ branch of a general union.',
      ),
      p(
        'The investment round was led by a US venture capital firm, with the British Business Bank also taking part.',
      ),
    ],
  },
  {
    slug: 'ransomware-attack-knocks-out-council-services',
    section: 'technology',
    headline: 'Ransomware attack knocks out council services across three boroughs',
    standfirst:
      'Residents cannot pay council tax, report missed bins or apply for housing support online after a cyber attack on a shared IT system.',
    label: 'none',
    authors: ['priya-raman'],
    tags: ['Cyber security', 'Data'],
    hoursAgo: 13,
    update: {
      hoursLater: 4,
      note: 'This article was updated to include a statement from the National Cyber Security Centre.',
    },
    corrections: [
      {
        hoursLater: 2,
        text: 'An earlier version of this article said four councils had been affected. Three councils share the affected system.',
      },
    ],
    picture: {
      scene: 'circuits',
      seed: 57,
      alt: 'Rows of server cabinets with blinking lights',
      caption:
        'The three councils moved their IT systems to a shared data centre four years ago to save money.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Three London councils have been hit by a ransomware attack that has taken many of their online services offline.',
      ),
      p(
        'The councils, which share an IT system, said residents could not pay council tax, book bulky waste collections or apply for housing support online. Phone lines are working but are extremely busy.',
      ),
      p(
        'In a joint statement, the councils said they were “working around the clock” with cyber security specialists to restore services, and that emergency social care and homelessness services were running normally.',
      ),
      p(
        'Ransomware attacks encrypt an organisation’s data and demand a payment, usually in cryptocurrency, to unlock it. The councils said they would not pay any ransom.',
      ),
      p(
        'A spokesperson for the National Cyber Security Centre said it was “supporting the councils to fully understand the impact of the incident” and urged other local authorities to check their systems.',
      ),
      p(
        'It is not yet clear whether residents’ personal data has been stolen. Dr Lena Fischer, a security researcher at Royal Holloway, University of London, said many ransomware gangs now copy data before encrypting it. “The threat is no longer just that you cannot get your files back. It is that they will be published,” she said.',
      ),
      p(
        'Councils have become frequent targets for cyber criminals, who see them as holding large amounts of personal data on older IT systems with limited budgets to protect them. Several English councils have taken months to fully recover from similar attacks in recent years.',
      ),
      p(
        'Residents have been advised to be alert to phishing emails and calls claiming to be from the councils.',
      ),
    ],
  },
  {
    slug: 'we-should-be-allowed-to-repair-our-own-phones',
    section: 'technology',
    headline: 'We should be allowed to repair our own phones, and it is absurd that we cannot',
    standfirst:
      'Glued batteries, paired parts and missing manuals make fixing a cracked screen harder than it needs to be. The law should change.',
    label: 'opinion',
    authors: ['priya-raman'],
    tags: ['Consumer rights', 'Regulation'],
    hoursAgo: 520,
    picture: {
      scene: 'circuits',
      seed: 66,
      alt: 'Tiny electronic components on a workbench',
      caption: 'Repair cafés have opened in more than 300 towns across the UK over the past decade.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'Last month my phone slipped out of my pocket and landed face down on a station platform. The screen cracked in a spiderweb across one corner. The phone still worked, and a replacement screen costs about £40 to buy online. So why did I end up paying more than three times that to have it fixed, and waiting a week to get it back?',
      ),
      p(
        'The answer, as anyone who has tried to fix a modern device will know, is that many manufacturers do not want you to. Batteries are glued in. Screws use unusual heads. Parts are “paired” to the phone’s serial number through software, so that a perfectly good replacement screen will trigger a warning, or disable features, unless it is fitted by an approved technician with the right software.',
      ),
      {
        type: 'pullquote',
        text: 'If you buy something, you should be allowed to fix it.',
      },
      p(
        'Manufacturers say this protects customers from poor-quality parts and keeps devices secure. There is something in that. But it also happens to funnel repairs through their own networks, at their own prices, and makes it more tempting to give up and buy a new phone. We throw away millions of working devices a year in the UK, and each one contains metals that were mined, refined and shipped at enormous cost.',
      ),
      p(
        'I spoke to the owner of a small repair shop in Leicester who has been fixing phones for fifteen years. She told me that a growing share of her work now involves persuading a device to accept a genuine part taken from another identical phone. “It is the same screen, from the same factory. The phone just does not like that I put it in,” she said.',
      ),
      p(
        'The UK introduced right-to-repair rules for some household appliances a few years ago, requiring manufacturers of washing machines and fridges to make spare parts available. Phones and laptops were left out. The European Union has since gone further, and British consumers are left with weaker rights than people across the Channel.',
      ),
      p(
        'The fix is not complicated. Manufacturers should be required to sell spare parts and repair manuals to anyone at a fair price, for a reasonable number of years after a device goes on sale. Software pairing that punishes independent repairs should be banned. And devices should be designed so that a battery can be replaced with ordinary tools.',
      ),
      p(
        'None of this stops anyone paying for an official repair if they want one. It just means the rest of us get a choice. If you buy something, you should be allowed to fix it. That should not be a radical idea.',
      ),
    ],
  },
];
