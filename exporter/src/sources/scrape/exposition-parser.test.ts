import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition-parser.js';

const GOOD = ['# TYPE up gauge', 'up{job="a"} 1', 'requests_total{code="200"} 10'];

/** Good lines around one bad line, so every case also checks that the good ones survive. */
function around(...bad: string[]): string {
  return [GOOD[0], GOOD[1], ...bad, GOOD[2], ''].join('\n');
}

function expectGoodLinesKept(text: string) {
  const { samples } = parseExposition(text);
  expect(samples).toContainEqual({ name: 'up', labels: { job: 'a' }, value: 1 });
  expect(samples).toContainEqual({ name: 'requests_total', labels: { code: '200' }, value: 10 });
}

describe('parseExposition: well-formed input', () => {
  it('reads names, labels, values, timestamps and special label values', () => {
    const text = [
      '# HELP http_requests_total Requests.',
      '# TYPE http_requests_total counter',
      'http_requests_total{method="GET",code="200"} 1027 1395066363000',
      'http_requests_total{method="POST",code="500",} 3',
      'latency_bucket{le="+Inf"} 7',
      'latency_bucket{le="0.5"} 1.5e2',
      'no_labels -0.25',
      '   leading_blanks\t2',
      'empty_braces{} 4',
      '',
    ].join('\n');
    const { samples, errorCount } = parseExposition(text);
    expect(errorCount).toBe(0);
    expect(samples).toEqual([
      { name: 'http_requests_total', labels: { method: 'GET', code: '200' }, value: 1027 },
      { name: 'http_requests_total', labels: { method: 'POST', code: '500' }, value: 3 },
      { name: 'latency_bucket', labels: { le: '+Inf' }, value: 7 },
      { name: 'latency_bucket', labels: { le: '0.5' }, value: 150 },
      { name: 'no_labels', labels: {}, value: -0.25 },
      { name: 'leading_blanks', labels: {}, value: 2 },
      { name: 'empty_braces', labels: {}, value: 4 },
    ]);
  });

  it('unescapes \\\\, \\" and \\n in label values, and keeps }, # and , inside them', () => {
    const text = 'm{path="C:\\\\dir",msg="say \\"hi\\"\\nbye",odd="a} # b, c"} 1\n';
    expect(parseExposition(text)).toEqual({
      samples: [{ name: 'm', labels: { path: 'C:\\dir', msg: 'say "hi"\nbye', odd: 'a} # b, c' }, value: 1 }],
      errors: [],
      errorCount: 0,
    });
  });

  it('reads OpenMetrics with UNIT, exemplars, _created lines and # EOF', () => {
    const text = [
      '# TYPE http_requests counter',
      '# UNIT http_requests requests',
      '# HELP http_requests Requests.',
      'http_requests_total{code="200"} 17 # {trace_id="abc"} 1.0 1520879607.789',
      'http_requests_created{code="200"} 1520430000.123',
      '# TYPE rpc_seconds histogram',
      'rpc_seconds_bucket{le="0.1"} 8 # {trace_id="x # y"} 0.05',
      'rpc_seconds_bucket{le="+Inf"} 10 1520879607.789 # {trace_id="z"} 3.2',
      'rpc_seconds_count 10',
      'rpc_seconds_created 1520430000',
      '# TYPE build_created gauge',
      'build_created 1700000000',
      '# EOF',
      '',
    ].join('\n');
    const { samples, errorCount } = parseExposition(text, { format: 'openmetrics' });
    expect(errorCount).toBe(0);
    expect(samples.map((sample) => [sample.name, sample.labels, sample.value])).toEqual([
      ['http_requests_total', { code: '200' }, 17],
      ['rpc_seconds_bucket', { le: '0.1' }, 8],
      ['rpc_seconds_bucket', { le: '+Inf' }, 10],
      ['rpc_seconds_count', {}, 10],
      // A gauge that happens to end in _created is a measurement and is kept.
      ['build_created', {}, 1700000000],
    ]);
  });

  it('counts a missing # EOF in OpenMetrics as one error but keeps the samples', () => {
    const { samples, errors } = parseExposition('a_total 1\nb_total 2\n', { format: 'openmetrics' });
    expect(samples).toHaveLength(2);
    expect(errors).toEqual([{ line: 3, reason: 'no # EOF: the response may have been cut short' }]);
  });

  it('does not require # EOF in the text format', () => {
    expect(parseExposition('a 1\n', { format: 'text' }).errorCount).toBe(0);
  });
});

describe('parseExposition: malformed input costs only the bad lines', () => {
  const cases: [string, string[], number][] = [
    ['a line without a value', ['lonely_metric'], 1],
    ['a value that is not a number', ['m{a="b"} twelve'], 1],
    ['an unterminated label value', ['m{a="b} 1'], 1],
    ['an invalid escape', ['m{a="\\t"} 1'], 1],
    ['a label without quotes', ['m{a=b} 1'], 1],
    ['a duplicated label name', ['m{a="1",a="2"} 1'], 1],
    ['a name starting with a digit', ['9lives 1'], 1],
    ['a bad timestamp', ['m 1 yesterday'], 1],
    ['text after the timestamp', ['m 1 1000 extra'], 1],
    ['a malformed TYPE line', ['# TYPE m sideways'], 1],
    ['NaN, +Inf and -Inf values', ['nan_metric NaN', 'pos_inf +Inf', 'neg_inf -Inf'], 3],
    [
      'binary garbage',
      ['\u0000\u0001\u00ff\ufffd\u0007 PK\u0003\u0004', '<html><body>oops</body></html>'],
      2,
    ],
  ];

  it.each(cases)('%s', (_, bad, count) => {
    const text = around(...bad);
    expectGoodLinesKept(text);
    const { samples, errors, errorCount } = parseExposition(text);
    expect(samples).toHaveLength(2);
    expect(errorCount).toBe(count);
    expect(errors.map((error) => error.line)).toEqual(bad.map((_, index) => 3 + index));
  });

  it('keeps the first of duplicate series, whatever the label order', () => {
    const text = around('dup{a="1",b="2"} 5', 'dup{b="2",a="1"} 6', 'dup{a="1",b="2"} 7');
    const { samples, errors } = parseExposition(text);
    expectGoodLinesKept(text);
    expect(samples.filter((sample) => sample.name === 'dup')).toEqual([
      { name: 'dup', labels: { a: '1', b: '2' }, value: 5 },
    ]);
    expect(errors).toEqual([
      { line: 4, reason: 'dup: duplicate series (the first one is kept)' },
      { line: 5, reason: 'dup: duplicate series (the first one is kept)' },
    ]);
  });

  it('knows a series again however its labels are spelled, and never merges two series', () => {
    const spellings = [
      'm{a="x\\"y",b="1"} 1', // canonical: the key is read straight from the line
      'm{b="1",a="x\\"y"} 2', // unsorted
      'm{ a = "x\\"y" , b="1" } 3', // blanks
      'm{a="x\\"y",b="1",} 4', // trailing comma
      'm{a="x\\"y",b="1"}\t5 1700000000000',
    ];
    const others = ['m{a="x\\"y",b="1",c=""} 6', 'm{a="x\\"y"} 7', 'm{a="x\\\\y",b="1"} 8', 'm_{a="x"} 9'];
    const { samples, errors } = parseExposition([...spellings, ...others, 'n{} 1', 'n 2', ''].join('\n'));
    expect(samples.map((sample) => sample.value)).toEqual([1, 6, 7, 8, 9, 1]);
    expect(errors.map((error) => error.line)).toEqual([2, 3, 4, 5, 11]);
    expect(samples[0]!.labels).toEqual({ a: 'x"y', b: '1' });
  });

  it('skips a line over the length limit', () => {
    const huge = `big{v="${'x'.repeat(70 * 1024)}"} 1`;
    const text = around(huge);
    expectGoodLinesKept(text);
    expect(parseExposition(text).errors).toEqual([{ line: 3, reason: 'line longer than 65536 characters' }]);
    expect(parseExposition(text, { maxLineLength: 10 }).errorCount).toBe(4);
  });

  it('counts every line after # EOF as an error', () => {
    const { samples, errors } = parseExposition('a 1\n# EOF\nb 2\n', { format: 'openmetrics' });
    expect(samples).toEqual([{ name: 'a', labels: {}, value: 1 }]);
    expect(errors).toEqual([{ line: 3, reason: 'text after # EOF' }]);
  });

  it('reads CRLF line endings', () => {
    expect(parseExposition('a 1\r\nb{x="y"} 2\r\n')).toMatchObject({ errorCount: 0, samples: [{}, {}] });
  });

  it('keeps counting errors beyond those it keeps details for', () => {
    const text = `${'???\n'.repeat(500)}fine 1\n`;
    const { samples, errors, errorCount } = parseExposition(text, { maxReportedErrors: 10 });
    expect(samples).toEqual([{ name: 'fine', labels: {}, value: 1 }]);
    expect(errors).toHaveLength(10);
    expect(errorCount).toBe(500);
  });

  it('never throws, whatever the bytes', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 256;
    for (let round = 0; round < 50; round++) {
      const bytes = Array.from({ length: 400 }, () => String.fromCharCode(Math.floor(random())));
      const text = `${bytes.join('')}\nsurvivor 1\n`;
      expect(() => parseExposition(text)).not.toThrow();
      expect(parseExposition(text).samples).toContainEqual({ name: 'survivor', labels: {}, value: 1 });
    }
  });
});
