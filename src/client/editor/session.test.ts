import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError, type api } from './api.ts';
import { EditorSession } from './session.ts';
import type { Block, EditorArticle, EditorData, SavePayload } from './types.ts';

const article: EditorArticle = {
  id: 9,
  version: 3,
  status: 'draft',
  slug: 'a',
  url: null,
  headline: 'Old headline',
  standfirst: '',
  label: 'none',
  sectionId: 1,
  tags: [],
  authors: [{ id: 1, name: 'Anna Smith' }],
  leadMedia: null,
  body: [{ type: 'paragraph', content: [{ text: 'One two three' }] }],
  seoTitle: '',
  seoDescription: '',
  socialTitle: '',
  socialDescription: '',
  embargoUntil: null,
  scheduledFor: null,
  publishedAt: null,
  publicUpdatedAt: null,
  updateNote: null,
  corrections: [],
  permissions: { canEdit: true, canSubmit: true, canPublish: true, canUnpublish: true },
};
const data: EditorData = {
  article,
  sections: [],
  labels: ['none'],
  me: { id: 1, name: 'Anna Smith', role: 'editor' },
};

/** A fake API that records what it was sent; each test overrides what it needs. */
function fakeApi(overrides: Partial<typeof api>) {
  const saves: SavePayload[] = [];
  const fake = {
    save: async (_id: number, payload: SavePayload) => {
      saves.push(payload);
      return { version: payload.version + 1, savedAt: '2025-06-22T14:02:00Z' };
    },
    ...overrides,
  } as unknown as typeof api;
  return { fake, saves };
}

function sessionWith(overrides: Partial<typeof api>) {
  const { fake, saves } = fakeApi(overrides);
  const session = new EditorSession(data, fake);
  let body: Block[] = article.body;
  session.attachBody({
    get: () => body,
    set: (blocks) => {
      body = blocks;
    },
  });
  return {
    session,
    saves,
    body: () => body,
    type: (blocks: Block[]) => {
      body = blocks;
      session.bodyChanged();
    },
  };
}

describe('EditorSession', () => {
  it('sends every field the PUT contract names', async () => {
    const { session, saves } = sessionWith({});
    session.update({ headline: 'New headline', tags: ['Nato'] });
    await session.saver.flush();
    assert.deepEqual(Object.keys(saves[0] ?? {}).sort(), [
      'authorIds',
      'body',
      'embargoUntil',
      'headline',
      'label',
      'leadMediaId',
      'sectionId',
      'seoDescription',
      'seoTitle',
      'slug',
      'socialDescription',
      'socialTitle',
      'standfirst',
      'tags',
      'version',
    ]);
    assert.equal(saves[0]?.version, 3);
    assert.deepEqual(saves[0]?.authorIds, [1]);
  });

  it('saves pending edits before a workflow action, then acts with the saved version', async () => {
    const calls: number[] = [];
    const { session, saves } = sessionWith({
      publish: async (_id: number, version: number) => {
        calls.push(version);
        return { ...article, version: version + 1, status: 'published', headline: 'New headline' };
      },
    });
    session.update({ headline: 'New headline' });
    assert.equal(await session.run('publish', (v) => session.api.publish(9, v), 'Published.'), true);
    assert.equal(saves.length, 1);
    assert.deepEqual(calls, [4], 'the action carries the version the save returned');
    assert.equal(session.article.status, 'published');
    assert.equal(session.saver.version, 5);
    assert.equal(session.saver.dirty, false);
    assert.deepEqual(session.notice, { kind: 'success', text: 'Published.' });
  });

  it('replaces fields and body with a restored version', async () => {
    const restored: Block[] = [{ type: 'paragraph', content: [{ text: 'Restored words' }] }];
    const { session, body } = sessionWith({
      restore: async () => ({ ...article, version: 8, headline: 'Restored', body: restored }),
    });
    await session.run('restore', (v) => session.api.restore(9, 2, v), 'Restored.', true);
    assert.equal(session.fields.headline, 'Restored');
    assert.deepEqual(body(), restored);
    assert.equal(session.words, 2);
  });

  it('shows the server’s refusal and changes nothing', async () => {
    const { session } = sessionWith({
      publish: async () => {
        throw new ApiError(400, 'validation_failed', 'Every picture needs alt text before publishing.');
      },
    });
    assert.equal(await session.run('publish', (v) => session.api.publish(9, v), 'Published.'), false);
    assert.deepEqual(session.notice, {
      kind: 'error',
      text: 'Every picture needs alt text before publishing.',
    });
    assert.equal(session.article.status, 'draft');
  });

  it('treats a 409 on an action as a conflict: nothing more is saved', async () => {
    const { session, saves, type } = sessionWith({
      submit: async () => {
        throw new ApiError(409, 'conflict', 'Someone else saved a newer version of this article.');
      },
    });
    await session.run('submit', (v) => session.api.submit(9, v), 'Sent.');
    assert.equal(session.saveState.kind, 'conflict');
    assert.equal(session.canEdit, false);
    type([{ type: 'divider' }]);
    assert.equal(await session.saver.flush(), false);
    assert.equal(saves.length, 0);
  });
});
