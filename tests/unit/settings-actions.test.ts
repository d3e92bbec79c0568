import { describe, expect, test } from 'vitest';
import { normaliseSiteInput } from '../../lib/options/settings-actions';

describe('normaliseSiteInput', () => {
  test.each([
    ['example.org', 'example.org'],
    ['  Example.ORG ', 'example.org'],
    ['https://www.bbc.co.uk/news?x=1', 'bbc.co.uk'],
    ['news.beaker-demo.test', 'beaker-demo.test'],
    ['alice.github.io', 'alice.github.io'],
  ])('%j → %s', (input, site) => expect(normaliseSiteInput(input)).toBe(site));

  test.each(['', '   ', 'localhost', 'not a site', 'javascript:alert(1)', 'https://'])('%j is refused', (input) => {
    expect(normaliseSiteInput(input)).toBeNull();
  });
});
