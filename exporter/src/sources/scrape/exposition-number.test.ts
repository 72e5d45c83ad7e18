import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random/mulberry32.js';
import { parseNumber, plainDecimal } from './exposition-number.js';

const plain = (token: string) => plainDecimal(`x ${token} y`, 2, 2 + token.length);

describe('plainDecimal', () => {
  it('reads plain decimals exactly as Number() does', () => {
    const random = mulberry32(7);
    const tokens = [
      '0',
      '-0',
      '+3',
      '42',
      '007',
      '1.',
      '.5',
      '-0.25',
      '1027.5',
      '999999999999999',
      '0.1',
      '0.3',
    ];
    for (let i = 0; i < 20_000; i += 1) {
      const digits = 1 + Math.floor(random() * 15);
      const text = Array.from({ length: digits }, () => Math.floor(random() * 10)).join('');
      const dot = Math.floor(random() * (digits + 1));
      tokens.push(`${random() < 0.3 ? '-' : ''}${text.slice(0, dot)}.${text.slice(dot)}`, text);
    }
    for (const token of tokens) {
      if (token === '.' || token === '-.') continue;
      expect(plain(token)).toBe(Number(token));
    }
  });

  it('leaves to parseNumber what is not a plain decimal of at most 15 digits', () => {
    for (const token of [
      '1e3',
      '1E-2',
      '+Inf',
      'NaN',
      '0x10',
      '1_000',
      '',
      '-',
      '.',
      '1.2.3',
      '1234567890123456',
      '12a',
    ]) {
      expect(plain(token)).toBeUndefined();
    }
    expect(parseNumber('1e3')).toBe(1000);
    expect(parseNumber('1234567890123456')).toBe(1234567890123456);
    expect(parseNumber('0x10')).toBeUndefined();
  });
});
