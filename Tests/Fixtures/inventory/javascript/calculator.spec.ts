// Jest/Vitest style. it('in a line comment') is not a test.
import { describe, expect, it, test } from 'vitest';
import { add, divide } from '../src/calculator';

/**
 * test('in a doc comment', () => {})
 */
class Matcher {
  test(value: string): boolean {
    return /it\(|test\(/.test(value);
  }
}

function myit(title: string, fn: () => void) {}
function test2(title: string) {}

describe('Calculator', () => {
  describe("add", () => {
    it('adds two numbers', () => {
      expect(add(1, 2)).toBe(3);
    });

    it.each([
      [1, 1, 2],
      [2, 2, 4],
    ])('add(%i, %i) = %i', (a, b, sum) => {
      expect(add(a, b)).toBe(sum);
    });

    test.each`
      a    | b    | sum
      ${1} | ${1} | ${2}
    `('tagged table $a + $b', ({ a, b, sum }) => {
      expect(add(a, b)).toBe(sum);
    });
  });

  test.concurrent('runs concurrently', async () => {
    expect(divide(4, 2)).toBe(2);
  });

  it.only('only this one', () => {});
  xit('disabled', () => {});
  test.skip('skipped', () => {});
  test.todo('write more tests');
  test.skipIf(process.env.CI)('not on CI', () => {});

  myit('not a test: other name', () => {});
  new Matcher().test('not a test: member call');
  const message = 'it("in a string", () => {})';
});

test(
  'multi-line call',
  () => {
    expect(divide(1, 1)).toBe(1);
  },
);
