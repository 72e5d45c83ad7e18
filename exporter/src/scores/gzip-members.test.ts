import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { concatGzipped, gunzipText, GzipMembers, gzipText, MEMBER_TEXT_BYTES } from './gzip-members.js';

describe('GzipMembers', () => {
  it('keeps text as standalone gzip members that decode, one after the other, to the text', () => {
    const members = new GzipMembers();
    const lines: string[] = [];
    // Multi-byte characters land on member boundaries; one line is longer than a member.
    for (let i = 0; i < 30_000; i += 1) lines.push(`\nx{s="é€😀-${i}"} ${i / 3}`);
    lines.splice(100, 0, `\n${'ü'.repeat(MEMBER_TEXT_BYTES)}`);
    for (const line of lines) members.write(line);
    const text = members.finish();
    const expected = lines.join('');
    expect(text.members.length).toBeGreaterThan(3);
    expect(text.length).toBe(Buffer.byteLength(expected));
    expect(text.members.map((member) => gunzipSync(member).toString('utf8')).join('')).toBe(expected);
    expect(gunzipText(text)).toBe(expected);
  });

  it('keeps no member for no text, and joins texts in order', () => {
    expect(new GzipMembers().finish()).toEqual({ members: [], length: 0 });
    expect(gunzipText({ members: [], length: 0 })).toBe('');
    const joined = concatGzipped([gzipText('a\n'), gzipText(''), gzipText('bé\n')]);
    expect(joined.length).toBe(6);
    expect(gunzipText(joined)).toBe('a\nbé\n');
  });
});
