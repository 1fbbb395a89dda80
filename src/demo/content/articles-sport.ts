import { type DemoArticle, p } from '../types.ts';

export const sportArticles: DemoArticle[] = [
  {
    slug: 'calderford-town-stun-eastbrook-to-reach-fa-cup-final',
    section: 'sport',
    headline: 'Calderford Town stun Eastbrook United to reach first FA Cup final',
    standfirst:
      'A stoppage-time header from Kieran Doyle sent the Championship side to Wembley for the first time in their 130-year history.',
    label: 'none',
    authors: ['rhys-pritchard'],
    tags: ['Football', 'FA Cup'],
    hoursAgo: 14,
    homePosition: 6,
    picture: {
      scene: 'stadium',
      seed: 17,
      alt: 'Floodlights over a packed football stadium',
      caption: 'Around 30,000 Calderford supporters travelled to the semi-final.',
      credit: 'PA',
    },
    body: [
      p(
        'Calderford Town will play in the FA Cup final for the first time in their history after a stoppage-time header from Kieran Doyle beat Eastbrook United 2-1 in the semi-final.',
      ),
      p(
        'The Championship side had trailed for most of the second half after Eastbrook’s Mateo Silva curled in a free kick, but they levelled through substitute Jordan Aske with eight minutes remaining.',
      ),
      p(
        'Then, deep into added time, Doyle rose above two defenders to meet a corner and send it past the goalkeeper, sparking wild celebrations among the travelling fans.',
      ),
      p(
        '“I did not see it go in. I just heard the noise,” said Doyle, 31, who joined the club from non-league football six years ago. “I have dreamed about this since I was a kid kicking a ball against my nan’s garage.”',
      ),
      p(
        'Calderford manager Sue Whitaker, in her second season in charge, said her players had “earned the right to dream”. “Nobody gave us a chance, and that suited us fine,” she said.',
      ),
      p(
        'Eastbrook, who changed manager last month, had been strong favourites. Their captain, Ollie Brennan, said the defeat was “as bad as it gets”.',
      ),
      p(
        'Whitaker’s side finished eleventh in the Championship last season and were beaten in the first round of the League Cup in August. Their run to Wembley has included wins over two Premier League clubs, both away from home.',
      ),
      { type: 'readMore', slug: 'eastbrook-united-sack-manager-after-winless-run' },
      p(
        'The club, whose ground holds just 14,000, said it had already received more than 40,000 enquiries about final tickets. Calderford will face the winners of the second semi-final at Wembley next month.',
      ),
    ],
  },
  {
    slug: 'england-name-uncapped-seamer-for-first-test',
    section: 'sport',
    headline: 'England name uncapped Durham seamer in squad for first Test',
    standfirst: 'Callum Reed, 22, has taken 41 wickets in the County Championship this season.',
    label: 'none',
    authors: ['rhys-pritchard'],
    tags: ['Cricket', 'England'],
    hoursAgo: 70,
    picture: {
      scene: 'stadium',
      seed: 27,
      alt: 'A cricket pitch with white-clad players in the distance',
      caption: 'The first Test of the summer starts at Lord’s next week.',
      credit: 'Alamy',
    },
    body: [
      p(
        'Durham fast bowler Callum Reed has been named in England’s squad for the first Test of the summer, after a season in which he has taken 41 first-class wickets.',
      ),
      p(
        'Reed, 22, is one of two uncapped players in the 14-man squad, alongside Somerset batter Ayaan Qadir.',
      ),
      p(
        'England selector Martin Hale said Reed had “the pace and the temperament” for Test cricket. “He hits the pitch hard, he can bowl long spells and he does not get rattled. We think he is ready,” he said.',
      ),
      p(
        'Reed, who grew up in Sunderland and joined Durham’s academy at 14, said he found out when his phone rang during a team meeting. “I thought it was a wind-up. I made them say it twice,” he said.',
      ),
      p(
        'England are without two of their senior fast bowlers, who are recovering from injuries, which has opened the door for younger players.',
      ),
      p(
        'Former England bowler Graham Steel said Reed was the most exciting young seamer in the country. “He has got that bit of extra bounce you cannot coach. Give him a few Tests and he could be around for a decade,” he said.',
      ),
      p(
        'The squad will gather at Lord’s three days before the match. Reed is expected to compete with Worcestershire’s Tom Ashdown for the final place in the seam attack.',
      ),
    ],
  },
  {
    slug: 'wales-appoint-former-scrum-half-as-head-coach',
    section: 'sport',
    headline: 'Wales turn to former scrum-half Gethin Rowlands to rebuild after Six Nations whitewash',
    standfirst:
      'The 44-year-old, who won 71 caps, has signed a four-year contract running to the next World Cup.',
    label: 'none',
    authors: ['rhys-pritchard'],
    tags: ['Rugby', 'Wales'],
    hoursAgo: 110,
    picture: {
      scene: 'stadium',
      seed: 38,
      alt: 'An empty rugby stadium with a closed roof',
      caption: 'Wales lost all five of their matches in this year’s Six Nations.',
      credit: 'Ffion Jenkins',
    },
    body: [
      p(
        'Wales have appointed former scrum-half Gethin Rowlands as head coach, with the task of rebuilding the national side after a Six Nations campaign without a single win.',
      ),
      p(
        'Rowlands, 44, who won 71 caps and has spent the past four years coaching in France, has signed a contract that runs until the next World Cup.',
      ),
      p(
        '“I know how much this shirt means to people, because it means the same to me. We are not where we want to be, but I would not have taken this job if I did not believe we can get back there,” he said.',
      ),
      p(
        'A Welsh Rugby Union spokesperson said Rowlands had been the “unanimous choice” of the appointment panel.',
      ),
      p(
        'Rowlands inherits a young squad, with several senior players having retired from international rugby in the past two years. He said his priority would be to give younger players a clear path into the team.',
      ),
      p(
        'Former Wales captain Alun Bevan said Rowlands would need time. “This is not a one-season job. If people expect miracles by the autumn, they will be disappointed,” he said.',
      ),
      p(
        'His first matches in charge will be a two-Test summer tour, where he is expected to hand debuts to several players from the under-20 side that reached the final of the junior world championship last year.',
      ),
    ],
  },
  {
    slug: 'eastbrook-united-sack-manager-after-winless-run',
    section: 'sport',
    headline: 'Eastbrook United sack manager after nine games without a win',
    standfirst:
      'Lars Eriksen leaves the club fourteenth in the Premier League, two years after leading them into Europe.',
    label: 'none',
    authors: ['rhys-pritchard'],
    tags: ['Football', 'Premier League'],
    hoursAgo: 480,
    picture: {
      scene: 'stadium',
      seed: 46,
      alt: 'An empty dugout beside a football pitch',
      caption: 'Eastbrook have taken four points from their last nine league games.',
      credit: 'PA',
    },
    body: [
      p(
        'Eastbrook United have sacked manager Lars Eriksen after a run of nine matches without a win left the club fourteenth in the Premier League.',
      ),
      p(
        'The Norwegian, who was appointed three years ago, led Eastbrook to a fifth-placed finish and European football in his first full season, but the team has struggled since several key players were sold last summer.',
      ),
      p(
        'In a statement, the club thanked Eriksen for “some of the most memorable nights in our recent history” and said a new manager would be appointed “as soon as possible”.',
      ),
      p(
        'First-team coach Danny Marsh will take charge of the team on an interim basis, starting with this weekend’s home game.',
      ),
      p(
        'Eastbrook’s fall has been steep. Eighteen months ago they beat two of the league’s biggest clubs on their way to the quarter-finals of a European competition. Since then the club has sold its top scorer and first-choice goalkeeper, and injuries have left Eriksen without a recognised centre-forward for much of the season.',
      ),
      p(
        'Former Eastbrook defender Paul Okonjo said the manager had paid for decisions above his head. “Lars did not sell those players. You take the heart out of a team and then you are surprised when it stops beating,” he said.',
      ),
      p(
        'Supporters’ trust chairman Keith Oyelaran said fans were sad to see Eriksen go but understood the decision. “He gave us great memories. But the last two months have been painful, and something had to change,” he said.',
      ),
      p('Eriksen is the fifth Premier League manager to lose his job this season.'),
    ],
  },
  {
    slug: 'record-field-set-for-london-marathon',
    section: 'sport',
    headline: 'Record field of 56,000 runners set for London Marathon',
    standfirst:
      'Organisers say more than a million people applied through the ballot, and this year’s race is expected to raise a record sum for charity.',
    label: 'none',
    authors: ['rhys-pritchard'],
    tags: ['Athletics', 'Running'],
    hoursAgo: 860,
    picture: {
      scene: 'bridge',
      seed: 55,
      alt: 'Runners crossing a bridge over a river',
      caption: 'The course runs from Greenwich to the Mall, crossing the Thames at Tower Bridge.',
      credit: 'Reuters',
    },
    body: [
      p(
        'A record 56,000 runners are expected to take part in this year’s London Marathon, organisers have said.',
      ),
      p(
        'More than a million people applied for places through the public ballot, the highest number for any marathon in the world.',
      ),
      p(
        'The race is expected to raise more than £70m for charity, with runners supporting causes ranging from hospices and cancer research to local sports clubs.',
      ),
      p(
        'Among those taking part is Ann Hollis, 79, from Kettering, who will be running her twentieth London Marathon. “My knees say this is the last one. My knees said that five years ago, too,” she said.',
      ),
      p(
        'Organisers have expanded the start area in Greenwich and added a fourth wave to reduce crowding in the first few miles. The finish area on the Mall has also been redesigned so that runners can collect their bags more quickly.',
      ),
      p(
        'The elite fields include the reigning world champions in both the men’s and women’s races, and organisers said conditions could favour fast times if the weather stays cool.',
      ),
      p(
        'Race director Louise Grant said extra water stations and medical teams would be in place if temperatures are high on the day.',
      ),
      p('The elite women’s race starts at 8:30am, followed by the elite men and the mass start at 10am.'),
    ],
  },
  {
    slug: 'wsl-attendances-hit-record-high',
    section: 'sport',
    headline: 'Women’s Super League attendances hit record high',
    standfirst:
      'Average crowds have risen by more than a third this season, with several clubs moving games to their main stadiums.',
    label: 'none',
    authors: ['rhys-pritchard'],
    tags: ['Football', 'WSL'],
    hoursAgo: 900,
    picture: {
      scene: 'stadium',
      seed: 65,
      alt: 'Supporters waving scarves in a stadium stand',
      caption: 'Several clubs now play most of their WSL home games at their main grounds.',
      credit: 'PA',
    },
    body: [
      p(
        'Attendances in the Women’s Super League have reached a record high, with the average crowd rising by more than a third this season.',
      ),
      p(
        'Figures compiled by Broadsheet show the average attendance across the league is now just over 9,000, up from around 6,700 last season.',
      ),
      p(
        'Much of the increase has come from clubs moving more matches to their main stadiums, and from cheaper season tickets aimed at families.',
      ),
      p(
        '“Five years ago we were playing in front of a couple of thousand people at a training ground. Now my little cousins know all our names,” said Calderford Town Women captain Nia Roberts.',
      ),
      p(
        'The league’s biggest crowds have come at clubs that play most home games at their main grounds, where tickets are often priced at £10 for adults and £5 for children. Clubs that still play at smaller training-ground stadiums have seen more modest increases.',
      ),
      p(
        'Clubs say the challenge now is turning occasional visitors into regular supporters. Some matches still draw crowds of under 2,000 when they clash with men’s fixtures or are moved at short notice for television.',
      ),
      p('A league spokesperson said it aimed to publish fixtures further in advance to help fans plan.'),
    ],
  },
];
