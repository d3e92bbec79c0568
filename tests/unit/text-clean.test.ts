import { describe, expect, test } from 'vitest';
import { cap, cleanText } from '../../lib/text';
import { jsonSize, MAX_MESSAGE_BYTES, MAX_TEXTS_PER_MESSAGE, MAX_TEXT_CHARS, MESSAGE_ENVELOPE_BYTES, splitBatches } from '../../lib/message-limits';

const ch = (code: number) => String.fromCharCode(code);

describe('cleanText (issue #13: hidden characters out of classified and stored text)', () => {
  test.each([
    { name: 'plain text', input: 'Only 3 left in stock!', output: 'Only 3 left in stock!' },
    { name: 'tab and newline kept', input: 'a\tb\nc', output: 'a\tb\nc' },
    { name: 'NUL, U+0001, CR, U+001F', input: 'a\u0000b\u0001c\rd\u001fe', output: 'abcde' },
    { name: 'DEL and C1 (U+007F-U+009F)', input: 'a\u007fb\u0080c\u009fd', output: 'abcd' },
    { name: 'zero-width space, non-joiner, joiner, word joiner, BOM', input: 'O\u200bn\u200cl\u200dy\u2060 3\ufeff left', output: 'Only 3 left' },
    { name: 'right-to-left override across a quote', input: 'evidence "\u202etxet desrever" end', output: 'evidence "txet desrever" end' },
    { name: 'every embedding, override and isolate', input: '\u202aa\u202bb\u202cc\u202dd\u202ee\u2066f\u2067g\u2068h\u2069', output: 'abcdefgh' },
    { name: 'neighbours that stay (U+00A0, U+200E marks, U+2028, U+206A)', input: 'a\u00a0b\u200ec\u2028d\u206ae', output: 'a\u00a0b\u200ec\u2028d\u206ae' },
    { name: 'an emoji and a surrogate pair stay', input: 'hi 🙂 \ud83d\ude00', output: 'hi 🙂 \ud83d\ude00' },
    { name: 'only hidden characters', input: '\u200b'.repeat(400), output: '' },
  ])('$name', ({ input, output }) => {
    expect(cleanText(input)).toBe(output);
  });

  test('every code point of the ranges goes, and none next to them', () => {
    const hidden = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter((c) => c !== 0x09 && c !== 0x0a),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
    ];
    for (const c of hidden) expect(cleanText(`x${ch(c)}y`), c.toString(16)).toBe('xy');
    for (const c of [0x09, 0x0a, 0x20, 0x7e, 0xa0, 0x200a, 0x200e, 0x200f, 0x2029, 0x2061, 0x2065, 0x206a, 0xfefe, 0xff00]) expect(cleanText(`x${ch(c)}y`)).toBe(`x${ch(c)}y`);
  });

  test('400 zero-width characters no longer use up the 200-character evidence cap', () => {
    const evidence = `${'\u200b'.repeat(400)}Only 2 left in stock`;
    expect(cap(evidence)).not.toContain('Only');
    expect(cap(cleanText(evidence))).toBe('Only 2 left in stock');
  });

  test('text with nothing hidden comes back as it was; repeated calls find every match', () => {
    const s = 'x'.repeat(1000);
    expect(cleanText(s)).toBe(s);
    // A global regex keeps no state between calls of replace.
    for (let i = 0; i < 3; i++) expect(cleanText('a\u0001b')).toBe('ab');
  });
});

describe('splitBatches (sending side: by count and by bytes)', () => {
  const limit = MAX_MESSAGE_BYTES - MESSAGE_ENVELOPE_BYTES;

  test('jsonSize is what JSON.stringify writes, escapes included, plus a comma', () => {
    expect(jsonSize('ab')).toBe(5);
    expect(jsonSize('\u0001')).toBe(9); // "\u0001" is 8 characters
    expect(jsonSize('"\\')).toBe(7);
    expect(jsonSize({ a: 1 })).toBe(8);
  });

  test('small items: batches of maxCount, in order', () => {
    const items = Array.from({ length: 250 }, (_, i) => `t${i}`);
    const batches = splitBatches(items, 100);
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(batches.flat()).toEqual(items);
  });

  test('exact byte boundary: items that fill maxBytes exactly stay in one batch, one more byte starts the next', () => {
    // Each "xxxxxxxx" (8 chars) is 10 in JSON, 11 with its comma.
    const items = Array.from({ length: 10 }, () => 'x'.repeat(8));
    expect(splitBatches(items, 100, 110).map((b) => b.length)).toEqual([10]);
    expect(splitBatches(items, 100, 109).map((b) => b.length)).toEqual([9, 1]);
    expect(splitBatches(items, 100, 22).map((b) => b.length)).toEqual([2, 2, 2, 2, 2]);
  });

  test('an item larger than maxBytes goes alone, never dropped', () => {
    expect(splitBatches(['a', 'x'.repeat(50), 'b'], 100, 20)).toEqual([['a'], ['x'.repeat(50)], ['b']]);
    expect(splitBatches([], 100)).toEqual([]);
  });

  test("the issue's batch: 30 texts of 500 U+0001 (3,000 JSON characters each) are split under 64 KB, none dropped", () => {
    const texts = Array.from({ length: 30 }, (_, i) => `${i} ${'\u0001'.repeat(MAX_TEXT_CHARS - 3)}`);
    expect(JSON.stringify({ type: 'classify-texts', texts, lang: 'en' }).length).toBeGreaterThan(MAX_MESSAGE_BYTES);
    const batches = splitBatches(texts, MAX_TEXTS_PER_MESSAGE);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(texts);
    for (const b of batches) expect(JSON.stringify({ type: 'classify-texts', texts: b, lang: 'en' }).length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });

  test('the worst text a sender can make (500 characters, each escaped to 6) fits a message many times', () => {
    const worst = '\ud800'.repeat(MAX_TEXT_CHARS); // lone surrogates: JSON.stringify writes \ud800
    expect(jsonSize(worst)).toBe(6 * MAX_TEXT_CHARS + 3);
    const batches = splitBatches(Array.from({ length: 100 }, () => worst), MAX_TEXTS_PER_MESSAGE);
    for (const b of batches) expect(b.reduce((n, t) => n + jsonSize(t), 0)).toBeLessThanOrEqual(limit);
    expect(batches.flat()).toHaveLength(100);
  });
});

describe('evidence is cleaned before it is capped (issue #13)', () => {
  test('400 zero-width characters and a right-to-left override do not use up the 200-character evidence', async () => {
    const { darkPatternFinding } = await import('../../lib/dark-patterns/support/finding');
    const el = { localName: 'p' } as unknown as Element;
    const text = `${'\u200b'.repeat(400)}Only 3 left \u202Ein stock`;
    const finding = darkPatternFinding('dark-patterns/text-patterns', el, 'low-stock-message', 0.9, text, []);
    expect(finding.evidence).toBe('Only 3 left in stock');
  });
});
