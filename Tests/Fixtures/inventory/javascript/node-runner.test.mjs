#!/usr/bin/env node
// Runs under `node --test`: test('in a comment', () => {}) is not a test.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';

/* it('in a block comment', () => {}) */
const text = "test('in a string', () => {})";
const template = `it('in a template ${"test('nested', () => {})"}', () => {})`;
const pattern = /test\('x', () => {}\)/;

function helper(value) {
  return pattern.test(value) || text.test?.(value);
}

describe('math', () => {
  it('adds', () => {
    assert.equal(1 + 1, 2);
  });

  it.skip('skipped', () => {});

  it.todo('todo');

  describe('nested', () => {
    test('multiplies', () => {
      assert.equal(2 * 3, 6);
    });
  });
});

test('top level with subtests', async (t) => {
  await t.test('subtest one', () => {});
  await t.test('subtest two', () => {});
});

test(`template title`, () => {
  assert.ok(template.length > 0 && !helper('x'));
});
