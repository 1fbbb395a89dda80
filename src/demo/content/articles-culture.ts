import { type DemoArticle, p } from '../types.ts';

export const cultureArticles: DemoArticle[] = [
  {
    slug: 'leeds-gallery-secures-lost-turner-sketchbook',
    section: 'culture',
    headline: 'Lost Turner sketchbook found in Yorkshire farmhouse to go on public display',
    standfirst:
      'The book of 38 pencil and watercolour studies was bought by the Kirkgate Gallery in Leeds after a private sale that kept it in the UK.',
    label: 'exclusive',
    authors: ['isabel-carvalho'],
    tags: ['Art', 'Museums'],
    hoursAgo: 6,
    homePosition: 5,
    picture: {
      scene: 'gallery',
      seed: 16,
      alt: 'Framed pictures on the wall of a quiet gallery',
      caption: 'The sketchbook will be shown in a glass case, with a different page opened each month.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'A sketchbook by JMW Turner that was thought lost for more than a century has been acquired by the Kirkgate Gallery in Leeds and will go on public display this autumn, Broadsheet can reveal.',
      ),
      p(
        'The small leather-bound book contains 38 pencil and watercolour studies made during a tour of Yorkshire in the late 1790s, including early views of the ruined abbeys and river valleys the artist returned to throughout his career.',
      ),
      p(
        'It was found last year in a box of papers in the attic of a farmhouse near Ripon, where it had apparently sat since the death of a former owner in the 1920s.',
      ),
      p(
        'The gallery bought the sketchbook for £1.9m in a private sale, with support from a national heritage fund and more than 3,000 individual donors. An export bar had been placed on it after an overseas collector expressed interest.',
      ),
      p(
        '“You turn the pages and you can watch a young artist working out how to see. Some of the skies in here are astonishing for someone in his early twenties,” said Dr Helen Ashdown, the gallery’s curator of works on paper.',
      ),
      p(
        'The farmer who found it, who asked not to be named, said the family had almost thrown the box away. “We thought it was old accounts. My daughter opened it and said, that is not a ledger, that is a painting,” she said.',
      ),
      p(
        'Independent experts who examined the book for the export review committee described it as “an object of outstanding significance” for the study of Turner’s early development.',
      ),
      p(
        'Independent experts who examined the book for the export review committee described it as “an object of outstanding significance” for the study of Turner’s early development.',
      ),
      p(
        'Turner scholars who examined the book say its paper, handwriting and style are consistent with other sketchbooks from the same tour, several of which are held by national collections in London.',
      ),
      p(
        'The sketchbook will be displayed free of charge from October, alongside a digital version visitors can page through.',
      ),
    ],
  },
  {
    slug: 'review-the-harbour-master-quayside-theatre',
    section: 'culture',
    headline: 'The Harbour Master review: a slow-burning family drama that earns every minute',
    standfirst:
      'Mariam Haddad’s new play about a Cornish fishing family is patient, funny and finally devastating.',
    label: 'opinion',
    authors: ['isabel-carvalho'],
    tags: ['Theatre', 'Reviews'],
    hoursAgo: 79,
    picture: {
      scene: 'stage',
      seed: 25,
      alt: 'A stage lit by a single spotlight',
      caption:
        'The production runs at the Quayside Theatre in Bristol before transferring to London in the spring.',
      credit: 'Ellie Vance',
    },
    body: [
      p(
        'For its first half hour, ',
        { text: 'The Harbour Master', italic: true },
        ' barely seems to be going anywhere. A family gathers in a kitchen in a Cornish harbour town on the night before a funeral. There is tea, then whisky, then an argument about who is going to speak at the service. It is beautifully observed, often very funny, and you begin to wonder whether that is all it intends to be. It is not.',
      ),
      p(
        'Mariam Haddad’s play, which opened this week at the Quayside Theatre in Bristol, turns out to be building towards something much larger. The dead man was the harbour master for forty years, the person who decided which boats went out and when. His three children have all, in different ways, spent their lives trying to get away from his judgement. As the night goes on, it emerges that one of his decisions, decades ago, cost a life, and that at least one person in the room has always known.',
      ),
      {
        type: 'pullquote',
        text: 'It is the kind of play that makes you want to ring your family on the way home, and then think better of it.',
        attribution: 'Isabel Carvalho',
      },
      p(
        'Director Tom Akers keeps everything on a single, lived-in set: a kitchen with a window onto the harbour, where the light changes slowly from evening to dawn. It is a simple idea that pays off enormously in the final scene, which I will not spoil except to say that the whole audience seemed to stop breathing.',
      ),
      p(
        'Haddad, who grew up in Falmouth, has an unerring ear for the way families talk when they are tired and slightly drunk: the jokes that are really accusations, the old stories that everyone has heard a hundred times and that still manage to hurt. There is a running argument about a dog that died in 1994 which is as funny as anything I have seen on stage this year, and which turns out, in the second half, to matter enormously.',
      ),
      p(
        'The performances are uniformly strong. Ruth Penhaligon is superb as the eldest daughter, who stayed behind to look after her father and has never been thanked for it; her long speech about the winter she nearly left is the emotional centre of the evening. As her younger brother, back from London with a new wife and an expensive coat, Jay Morcom manages the difficult trick of being both infuriating and sympathetic. Only the third sibling, a priest, feels underwritten, a character who exists mainly to ask the questions the others will not.',
      ),
      p(
        'There is fine work, too, from the creative team. Lena Marsh’s sound design keeps the harbour present throughout, in the slap of water against the wall and the occasional clank of a mooring chain, so that the sea becomes a sort of fourth sibling, always listening. Costume and set are unshowy and exactly right, down to the pile of unopened post on the dresser that nobody in the family will touch.',
      ),
      p(
        'It is also a play about a particular kind of place, and it is unsentimental about it. The harbour town of the title is half-empty for much of the year, its cottages bought up as holiday lets, its young people gone to Plymouth or Bristol or further. Haddad does not lecture about this, but it runs through the play like a draught under the door, and it gives the family’s quarrel about who should take on their father’s house a bite that goes well beyond one family.',
      ),
      p(
        'If the play has a weakness, it is that Haddad cannot quite resist tying every thread. A late revelation about a letter feels one twist too many. But these are small complaints about a piece of writing this confident and this humane. At a time when regional theatres are cutting back on new work, it is worth saying plainly: this is exactly what they exist to make.',
      ),
      { type: 'readMore', slug: 'regional-theatres-warn-of-closures-after-funding-cuts' },
      p(
        { text: 'The Harbour Master', italic: true },
        ' is at the Quayside Theatre, Bristol, until the end of next month, and transfers to London in the spring. It runs at two hours and forty minutes, including an interval, and it does not feel a minute too long.',
      ),
    ],
  },
  {
    slug: 'wildacre-festival-sells-out-in-forty-minutes',
    section: 'culture',
    headline: 'Wildacre festival sells out in forty minutes as headliners are announced',
    standfirst:
      'The Shropshire festival will be headlined by the Glasgow band Northern Lights Parade and the singer Amani Cole.',
    label: 'none',
    authors: ['isabel-carvalho'],
    tags: ['Music', 'Festivals'],
    hoursAgo: 196,
    picture: {
      scene: 'crowd',
      seed: 36,
      alt: 'A crowd with raised arms in front of a festival stage',
      caption:
        'Wildacre has grown from a one-day event for 2,000 people into one of the UK’s largest independent festivals.',
      credit: 'Sam Ogundipe',
    },
    body: [
      p(
        'Tickets for this summer’s Wildacre festival sold out in forty minutes, after organisers announced the Glasgow band Northern Lights Parade and the singer Amani Cole as headliners.',
      ),
      p(
        'The three-day festival, held on farmland near Ludlow in Shropshire, has a capacity of 40,000. Organisers said more than 200,000 people had joined the online queue.',
      ),
      p(
        '“We are thrilled and a little overwhelmed. We are also sorry to everyone who missed out, and we are doing everything we can to stop tickets ending up on resale sites at silly prices,” said co-founder Jess Armitage.',
      ),
      p(
        'Tickets are tied to the buyer’s name and can only be resold through the festival’s own exchange at face value.',
      ),
      p(
        'The organisers said demand had been driven partly by the line-up further down the bill, which includes a number of acts who have not played in the UK for several years, and a new stage dedicated to folk and acoustic music.',
      ),
      p(
        'Cole, whose debut album was nominated for a major music prize last year, said headlining Wildacre was “a dream I did not let myself have until recently”.',
      ),
      p(
        'The festival also confirmed it would run entirely on battery and solar power for the first time, with no diesel generators on site.',
      ),
      p(
        'Local residents have raised concerns in the past about traffic on the narrow lanes around the site. The festival said it would run more shuttle buses from Ludlow and Shrewsbury stations this year, and would charge extra for car parking to encourage people to travel by train and coach.',
      ),
    ],
  },
  {
    slug: 'regional-theatres-warn-of-closures-after-funding-cuts',
    section: 'culture',
    headline: 'Regional theatres warn of closures after arts funding is cut for a third year',
    standfirst:
      'Theatre leaders say smaller venues outside London are being forced to cancel new productions and cut their education work.',
    label: 'none',
    authors: ['isabel-carvalho', 'eleanor-marsh'],
    tags: ['Theatre', 'Arts funding', 'Westminster'],
    hoursAgo: 400,
    picture: {
      scene: 'stage',
      seed: 49,
      alt: 'Empty red seats in a theatre auditorium',
      caption: 'Many regional theatres depend on public funding for around a third of their income.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Theatres across England have warned that some venues could close within two years after public funding for the arts was cut for the third year in a row.',
      ),
      p(
        'A survey of 120 regional theatres by the industry group Stages Together found that almost half had cancelled or postponed at least one new production this year, and a third had reduced their work with schools.',
      ),
      p(
        '“We are not talking about luxuries. We are talking about the only professional theatre in a town, and often the only place where a teenager can see how a play is made,” said Marcus Bell, who runs a theatre in Lancashire.',
      ),
      p(
        'The survey found that the average theatre had seen its public funding fall by around 18% in real terms over three years, while energy, insurance and staffing costs had risen sharply. Ticket sales have largely recovered since the pandemic, but many venues say they cannot raise prices further without losing audiences.',
      ),
      p(
        'Councils, which have traditionally provided much of the funding for regional venues, have also been cutting back as their own budgets come under pressure.',
      ),
      p(
        'Culture minister Simon Keel said the government had protected funding for national institutions and was “working closely with the sector” on new ways to support local venues, including tax reliefs for touring productions.',
      ),
      p(
        'But the chair of the Commons culture committee, Patricia Oduya, said the government needed to set out a long-term plan. “Every year we have this conversation, and every year a few more lights go out,” she said.',
      ),
      p(
        'Several theatres have turned to crowdfunding and local business sponsorship to keep going, with mixed results.',
      ),
    ],
  },
  {
    slug: 'debut-novelist-from-hull-wins-first-novel-prize',
    section: 'culture',
    headline: 'Debut novelist from Hull wins £30,000 first novel prize',
    standfirst:
      'Danielle Okoro’s book about three generations of women running a chip shop was praised by judges as “funny, furious and completely alive”.',
    label: 'none',
    authors: ['isabel-carvalho'],
    tags: ['Books', 'Awards'],
    hoursAgo: 620,
    picture: {
      scene: 'cityscape',
      seed: 71,
      alt: 'A row of shops on a quiet street in the evening',
      caption:
        'Danielle Okoro wrote much of the novel in the early mornings before her shifts as a care worker.',
      credit: 'Broadsheet',
    },
    body: [
      p(
        'A former care worker from Hull has won the £30,000 Aldgate First Novel Prize for a book she wrote in the early hours before her shifts.',
      ),
      p(
        'Danielle Okoro’s novel, Salt and Vinegar, follows three generations of women who run a chip shop on the same street for fifty years, as the city around them changes.',
      ),
      p(
        'The chair of the judges, novelist Philippa Strand, said the panel had been unanimous. “It is funny, furious and completely alive. It is about work, and money, and love, and it never once condescends to its characters,” she said.',
      ),
      p('Okoro read a short passage at the ceremony in London:'),
      {
        type: 'quote',
        content: [
          {
            text: 'My nan said you could tell everything about a person from how they asked for their chips. Whether they said please. Whether they looked at you. Whether they counted the change.',
          },
        ],
        attribution: 'From Salt and Vinegar by Danielle Okoro',
      },
      p(
        'Okoro, 38, said she had started the book after her mother’s shop closed. “I kept thinking that nobody writes about places like that as if they matter. They matter more than almost anything,” she said.',
      ),
      p('She said she would use part of the prize money to take a year off work to write her second novel.'),
      p(
        'The prize, now in its twelfth year, is open to first novels by writers of any age published in the UK and Ireland. Previous winners have gone on to be shortlisted for several of the country’s major literary awards.',
      ),
      p(
        'Okoro’s publisher, a small independent press based in Leeds, said it had ordered a reprint of 20,000 copies within hours of the announcement.',
      ),
    ],
  },
  {
    slug: 'castlegate-museum-to-return-carved-figures',
    section: 'culture',
    headline: 'Bristol museum to return carved figures taken during colonial expedition',
    standfirst:
      'The Castlegate Museum’s trustees voted unanimously to transfer ownership of 14 wooden figures to a museum in Ghana.',
    label: 'none',
    authors: ['isabel-carvalho'],
    tags: ['Museums', 'Heritage'],
    hoursAgo: 800,
    picture: {
      scene: 'gallery',
      seed: 83,
      alt: 'Display cases in a museum hall',
      caption: 'The figures have been in the museum’s collection since the early twentieth century.',
      credit: 'Alamy',
    },
    body: [
      p(
        'The Castlegate Museum in Bristol is to return 14 carved wooden figures that were taken from what is now Ghana during a British military expedition in the late nineteenth century.',
      ),
      p(
        'The museum’s trustees voted unanimously to transfer ownership of the figures to a regional museum in Ghana, following a request made three years ago.',
      ),
      p(
        '“The evidence about how these objects came to Bristol is clear, and so is the right thing to do,” said the museum’s director, Dr Owen Thackeray.',
      ),
      p(
        'Some of the figures will stay in Bristol on long-term loan for an exhibition about their history, which is being developed with curators from Ghana.',
      ),
      p(
        'Museum records show the figures were bought from the family of a British officer in 1912. Research carried out over the past three years, including interviews with elders in the communities where they were made, found that they had been taken from a royal shrine during the expedition.',
      ),
      p(
        'Kwabena Mensah, who led the request on behalf of the Ghanaian museum, said the decision was “a day of great happiness for the families whose ancestors carved these figures”. “We are glad that people in Bristol will still be able to learn their story,” he said.',
      ),
      p(
        'The museum said it was reviewing the history of around 2,000 other objects in its collection that were acquired during the colonial period.',
      ),
      p(
        'The decision follows similar returns by several other UK museums and universities in recent years, although national museums in London remain restricted by law in what they can give back.',
      ),
    ],
  },
];
