/** The inputs `omen eval nab` reads, and the one-line errors it gives on bad ones. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCorpus } from './corpus.js';
import { parseNabCsv } from './csv.js';
import { NabInputError } from './errors.js';
import { runEvalNab } from './eval-nab.js';
import { parseNabTimestamp } from './timestamp.js';
import { parseWindows, windowsToRows } from './windows.js';

describe('parseNabCsv', () => {
  it('reads timestamps and values, keeping their text', () => {
    const series = parseNabCsv('timestamp,value\n2014-04-01 00:00:00,1.50\n2014-04-01 00:05:00,2\n', 'a.csv');
    expect(series.timestampText).toEqual(['2014-04-01 00:00:00', '2014-04-01 00:05:00']);
    expect(series.values).toEqual([1.5, 2]);
    expect(series.valueText).toEqual(['1.50', '2']);
    expect(series.timestampsMs[1]! - series.timestampsMs[0]!).toBe(300_000);
  });

  it('accepts CRLF and a repeated timestamp (a DST hour logged twice)', () => {
    const series = parseNabCsv(
      'timestamp,value\r\n2014-03-09 03:00:00,1\r\n2014-03-09 03:00:00,2\r\n',
      'a.csv',
    );
    expect(series.values).toEqual([1, 2]);
  });

  it.each([
    [
      'time,value\n2014-04-01 00:00:00,1\n',
      'a.csv: line 1: expected the header "timestamp,value", got "time,value"',
    ],
    [
      'timestamp,value\n2014-04-01 00:00:00,1,2\n',
      'a.csv: line 2: expected "timestamp,value", got "2014-04-01 00:00:00,1,2"',
    ],
    ['timestamp,value\n2014-04-01 00:00:00,1\nyesterday,2\n', 'a.csv: line 3: not a timestamp: "yesterday"'],
    ['timestamp,value\n2014-02-30 00:00:00,1\n', 'a.csv: line 2: not a timestamp: "2014-02-30 00:00:00"'],
    ['timestamp,value\n2014-04-01 00:00:00,abc\n', 'a.csv: line 2: not a number: "abc"'],
    ['timestamp,value\n2014-04-01 00:00:00,\n', 'a.csv: line 2: not a number: ""'],
    [
      'timestamp,value\n2014-04-01 00:05:00,1\n2014-04-01 00:00:00,1\n',
      'a.csv: line 3: timestamp 2014-04-01 00:00:00 goes back in time',
    ],
    ['timestamp,value\n', 'a.csv: line 2: no data rows'],
  ])('rejects %j', (text, message) => {
    expect(() => parseNabCsv(text, 'a.csv')).toThrow(new NabInputError(message));
  });
});

describe('windows', () => {
  it('reads both timestamp spellings as the same instant', () => {
    expect(parseNabTimestamp('2014-04-10 07:15:00.000000')).toBe(parseNabTimestamp('2014-04-10 07:15:00'));
  });

  it('maps a window to the rows inside it', () => {
    const windows = parseWindows(
      '{"c/a.csv": [["2014-04-01 00:10:00.000000", "2014-04-01 00:20:00.000000"]]}',
      'w.json',
    );
    const minutes = [0, 5, 10, 15, 20, 25].map((m) => m * 60_000 + Date.UTC(2014, 3, 1));
    expect(windowsToRows(minutes, windows.get('c/a.csv')!, 'c/a.csv')).toEqual([{ start: 2, end: 4 }]);
    expect(() => windowsToRows(minutes.slice(0, 2), windows.get('c/a.csv')!, 'c/a.csv')).toThrow(
      'c/a.csv: window ["2014-04-01 00:10:00.000000", "2014-04-01 00:20:00.000000"] holds no row of the file',
    );
  });

  it.each([
    ['{', /^w\.json: not valid JSON/],
    ['{"c/a.csv": [["2014-04-01 00:00:00"]]}', /^w\.json: expected \{"<category>\/<file>\.csv"/],
    ['{"c/a.csv": [["2014-04-02 00:00:00", "2014-04-01 00:00:00"]]}', /^w\.json: c\/a\.csv: bad window/],
    [
      '{"c/a.csv": [["2014-04-01 00:00:00", "2014-04-03 00:00:00"], ["2014-04-02 00:00:00", "2014-04-04 00:00:00"]]}',
      /^w\.json: c\/a\.csv: windows overlap at "2014-04-02 00:00:00"$/,
    ],
  ])('rejects %s', (text, message) => {
    expect(() => parseWindows(text, 'w.json')).toThrow(message);
  });
});

describe('corpus', () => {
  function corpus(windows?: object): string {
    const dir = mkdtempSync(join(tmpdir(), 'omen-nab-'));
    mkdirSync(join(dir, 'data', 'cat'), { recursive: true });
    const rows = Array.from(
      { length: 30 },
      (_, i) => `2014-04-01 00:${String(i).padStart(2, '0')}:00,${i % 3}`,
    );
    writeFileSync(join(dir, 'data', 'cat', 'a.csv'), `timestamp,value\n${rows.join('\n')}\n`);
    if (windows) writeFileSync(join(dir, 'windows.json'), JSON.stringify(windows));
    return dir;
  }

  it('finds <category>/<file>.csv under data/ and the windows.json beside it', () => {
    const dir = corpus({ 'cat/a.csv': [] });
    expect(resolveCorpus(dir)).toEqual({
      root: join(dir, 'data'),
      windowsPath: join(dir, 'windows.json'),
      files: ['cat/a.csv'],
    });
    expect(resolveCorpus(join(dir, 'data'))).toMatchObject({ windowsPath: null, files: ['cat/a.csv'] });
  });

  it('rejects a missing dir, an empty one, and windows that do not match the files', () => {
    const out = mkdtempSync(join(tmpdir(), 'omen-nab-out-'));
    expect(() => resolveCorpus('/no/such/dir')).toThrow(new NabInputError('/no/such/dir: no such directory'));
    expect(() => resolveCorpus(out)).toThrow(`${out}: no <category>/<file>.csv files`);
    const extra = corpus({ 'cat/a.csv': [], 'cat/b.csv': [] });
    expect(() => runEvalNab({ dataDir: extra, outDir: out })).toThrow(
      `${join(extra, 'windows.json')}: names cat/b.csv, which is not in ${join(extra, 'data')}`,
    );
    const missing = corpus({});
    expect(() => runEvalNab({ dataDir: missing, outDir: out })).toThrow(
      `${join(missing, 'windows.json')}: has no entry for cat/a.csv`,
    );
    expect(() => runEvalNab({ dataDir: missing, outDir: out, windowsPath: '/no/windows.json' })).toThrow(
      '/no/windows.json: cannot read the windows file (ENOENT)',
    );
  });
});
