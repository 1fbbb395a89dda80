import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import sharp from 'sharp';
import type { FeedEpisode } from '../../src/modules/audio/index.ts';
import { sharpImages } from '../../src/platform/images/sharp-images.ts';
import {
  audioFeedXml,
  type FeedSite,
  podcastArtworkSize,
  podcastArtworkSvg,
  podcastOwnerEmail,
} from '../../src/render/audio-feed.ts';

const site: FeedSite = {
  name: 'The Northern Ledger',
  url: 'https://news.example',
  language: 'en-GB',
  artwork: '/audio/artwork.png',
  image: { url: '/brand/icon-144.png', width: 144, height: 144 },
  ownerEmail: 'audio@news.example',
};

const episode: FeedEpisode = {
  articleId: 12,
  title: 'Council votes to close the old library',
  summary: 'Campaigners say they will appeal.',
  link: '/news/old-library',
  publishedAt: new Date('2026-11-02T09:30:00Z'),
  authors: ['Ada Reporter', 'Ben Writer'],
  section: 'News',
  url: '/audio/12/0123456789abcdef.mp3',
  mimeType: 'audio/mpeg',
  bytes: 52_000,
  durationMs: 141_000,
  imageUrl: '/media/4/1600.jpg',
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => name === 'item',
});

describe('the podcast feed, as a listening app reads it', () => {
  it('is well-formed RSS 2.0 with the channel tags Apple Podcasts requires', () => {
    const xml = audioFeedXml(site, [episode]);
    assert.equal(XMLValidator.validate(xml), true);
    const { rss } = parser.parse(xml);
    assert.equal(rss['@version'], '2.0');
    assert.equal(rss['@xmlns:itunes'], 'http://www.itunes.com/dtds/podcast-1.0.dtd');
    const channel = rss.channel;
    assert.equal(channel.title, 'The Northern Ledger: listen to the news');
    assert.equal(channel.link, 'https://news.example/');
    assert.equal(channel.language, 'en-gb');
    assert.ok(channel.description.length > 20);
    // Artwork: the square show image for podcast apps, the small logo for RSS readers.
    assert.equal(channel['itunes:image']['@href'], 'https://news.example/audio/artwork.png');
    assert.deepEqual(channel.image, {
      url: 'https://news.example/brand/icon-144.png',
      title: channel.title,
      link: 'https://news.example/',
      width: 144,
      height: 144,
    });
    assert.deepEqual(channel['itunes:owner'], {
      'itunes:name': 'The Northern Ledger',
      'itunes:email': 'audio@news.example',
    });
    assert.equal(channel['itunes:author'], 'The Northern Ledger');
    assert.equal(channel['itunes:explicit'], false);
    assert.equal(channel['itunes:category']['@text'], 'News');
    assert.equal(channel['itunes:type'], 'episodic');
    assert.equal(channel['atom:link']['@href'], 'https://news.example/audio/feed.xml');

    const [item] = channel.item;
    assert.equal(item.title, episode.title);
    assert.equal(item.link, 'https://news.example/news/old-library');
    assert.equal(item.guid['#text'], 'https://news.example/audio/12');
    assert.equal(item.guid['@isPermaLink'], 'false');
    assert.deepEqual(item.enclosure, {
      '@url': 'https://news.example/audio/12/0123456789abcdef.mp3',
      '@length': '52000',
      '@type': 'audio/mpeg',
    });
    assert.equal(item['itunes:duration'], '2:21');
    assert.equal(item['itunes:author'], 'Ada Reporter, Ben Writer');
    assert.equal(item['itunes:image']['@href'], 'https://news.example/media/4/1600.jpg');
    assert.equal(new Date(item.pubDate).getTime(), episode.publishedAt.getTime());
  });

  it('leaves out the owner address when none is known, and stays valid with no episodes', () => {
    const xml = audioFeedXml({ ...site, ownerEmail: undefined }, []);
    assert.equal(XMLValidator.validate(xml), true);
    const channel = parser.parse(xml).rss.channel;
    assert.deepEqual(channel['itunes:owner'], { 'itunes:name': 'The Northern Ledger' });
    assert.equal(channel.item, undefined);
  });

  it('takes the owner address from PODCAST_OWNER_EMAIL, else from MAIL_FROM', () => {
    assert.equal(
      podcastOwnerEmail('podcasts@news.example', 'Desk <desk@news.example>'),
      'podcasts@news.example',
    );
    assert.equal(podcastOwnerEmail(undefined, 'The Ledger <desk@news.example>'), 'desk@news.example');
    assert.equal(podcastOwnerEmail('', 'desk@news.example'), 'desk@news.example');
    assert.equal(
      podcastOwnerEmail(undefined, 'Broadsheet <newsroom@localhost>'),
      undefined,
      'not a real address',
    );
    assert.throws(() => podcastOwnerEmail('not an address', 'x@y.z'), /PODCAST_OWNER_EMAIL "not an address"/);
  });
});

describe('the podcast artwork', () => {
  it('renders to a square PNG of the size Apple recommends, with the name drawn on it', async () => {
    const svg = podcastArtworkSvg('The <Northern> Ledger & Co');
    assert.ok(svg.includes('The &lt;Northern&gt; Ledger &amp; Co'), 'the name is escaped');
    const png = await sharpImages.rasterize(Buffer.from(svg));
    const meta = await sharp(png).metadata();
    assert.equal(meta.format, 'png');
    assert.equal(meta.width, podcastArtworkSize);
    assert.equal(meta.height, podcastArtworkSize);
    assert.ok(podcastArtworkSize >= 1400 && podcastArtworkSize <= 3000);
    // Not a blank square: the white lettering and the red rule are there on the dark ground.
    const { channels } = await sharp(png).stats();
    const [red, green] = channels;
    assert.ok(red && green && red.max > 200 && red.min < 40, 'light marks on a dark ground');
    assert.ok(red.mean > green.mean, 'the red rule and bars');
  });
});
