import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type Action, actions, can } from './policy.ts';
import { type Actor, type Role, roles } from './user.ts';

/** The whole matrix, written out: a change to who may do what must change this table too. */
type Expect = 'yes' | 'no' | 'own' | 'own-draft';
const expected: Record<Action, Record<Role, Expect>> = {
  'article.create': { contributor: 'yes', reporter: 'yes', editor: 'yes', administrator: 'yes' },
  'article.edit': { contributor: 'own-draft', reporter: 'own', editor: 'yes', administrator: 'yes' },
  'article.submit': { contributor: 'own', reporter: 'own', editor: 'yes', administrator: 'yes' },
  'article.publish': { contributor: 'no', reporter: 'own', editor: 'yes', administrator: 'yes' },
  'article.unpublish': { contributor: 'no', reporter: 'own', editor: 'yes', administrator: 'yes' },
  'article.correct': { contributor: 'no', reporter: 'own', editor: 'yes', administrator: 'yes' },
  'home.curate': { contributor: 'no', reporter: 'no', editor: 'yes', administrator: 'yes' },
  'liveblog.post': { contributor: 'no', reporter: 'yes', editor: 'yes', administrator: 'yes' },
  'liveblog.manage': { contributor: 'no', reporter: 'no', editor: 'yes', administrator: 'yes' },
  'media.upload': { contributor: 'yes', reporter: 'yes', editor: 'yes', administrator: 'yes' },
  'media.edit': { contributor: 'yes', reporter: 'yes', editor: 'yes', administrator: 'yes' },
  'audit.view': { contributor: 'no', reporter: 'no', editor: 'yes', administrator: 'yes' },
  'users.manage': { contributor: 'no', reporter: 'no', editor: 'no', administrator: 'yes' },
  'settings.manage': { contributor: 'no', reporter: 'no', editor: 'no', administrator: 'yes' },
  'push.send': { contributor: 'no', reporter: 'no', editor: 'yes', administrator: 'yes' },
};

const me = 7;
const actor = (role: Role): Actor => ({ kind: 'user', userId: me, role, name: 'T', authorId: null });
const own = { createdBy: me, status: 'draft' };
const ownPublished = { createdBy: me, status: 'published' };
const theirs = { createdBy: 99, status: 'draft' };

describe('permissions: every role × every action', () => {
  for (const action of actions) {
    for (const role of roles) {
      const rule = expected[action][role];
      it(`${role} ${rule === 'no' ? 'may not' : 'may'} ${action}${rule.startsWith('own') ? ' (own only)' : ''}`, () => {
        const a = actor(role);
        switch (rule) {
          case 'yes':
            assert.equal(can(a, action, theirs), true);
            assert.equal(can(a, action, own), true);
            break;
          case 'no':
            assert.equal(can(a, action, own), false);
            assert.equal(can(a, action, theirs), false);
            break;
          case 'own':
            assert.equal(can(a, action, own), true);
            assert.equal(can(a, action, ownPublished), true);
            assert.equal(can(a, action, theirs), false);
            assert.equal(can(a, action), false, 'deny without a resource');
            break;
          case 'own-draft':
            assert.equal(can(a, action, own), true);
            assert.equal(can(a, action, ownPublished), false);
            assert.equal(can(a, action, theirs), false);
            break;
        }
      });
    }
  }

  it('lets the system (scheduled jobs) act', () => {
    assert.equal(can({ kind: 'system' }, 'article.publish', theirs), true);
  });
});
