import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatDateline, formatRelative, formatToday } from './dates.ts';
import { slugify } from './slug.ts';

describe('datelines', () => {
  it('shows the house style in the site time zone, across daylight saving', () => {
    assert.equal(formatDateline(new Date('2023-06-22T05:21:00Z'), 'Europe/London'), '22 June 2023, 06:21');
    assert.equal(
      formatDateline(new Date('2023-12-22T05:21:00Z'), 'Europe/London'),
      '22 December 2023, 05:21',
    );
    assert.equal(formatDateline(new Date('2023-06-22T23:30:00Z'), 'Europe/London'), '23 June 2023, 00:30');
  });

  it('shows recent times relatively', () => {
    const now = new Date('2026-06-22T12:00:00Z');
    assert.equal(formatRelative(new Date('2026-06-22T11:55:00Z'), now, 'Europe/London'), '5 min ago');
    assert.equal(formatRelative(new Date('2026-06-22T09:00:00Z'), now, 'Europe/London'), '3 hours ago');
    assert.equal(formatRelative(new Date('2026-06-10T09:00:00Z'), now, 'Europe/London'), '10 June 2026');
  });
});

describe('dates without times', () => {
  it('gives the calendar date in the site time zone, and today changes at local midnight', () => {
    assert.equal(formatDate(new Date('2023-06-22T23:30:00Z'), 'Europe/London'), '23 June 2023');
    assert.equal(formatToday(new Date('2023-06-22T22:59:59.999Z'), 'Europe/London'), '22 June 2023');
    assert.equal(formatToday(new Date('2023-06-22T23:00:00Z'), 'Europe/London'), '23 June 2023');
    assert.equal(formatToday(new Date('2023-12-31T23:59:00Z'), 'Europe/London'), '31 December 2023');
  });
});

describe('slugs', () => {
  it('folds accents, drops punctuation and trims', () => {
    assert.equal(slugify("  'My job is here': Défense & NATO!  "), 'my-job-is-here-defense-and-nato');
    assert.equal(slugify('a'.repeat(100)).length, 80);
  });
});
