import { describe, expect, it } from 'vitest';
import { matchesSelector, parseSelector, SelectorError } from './selector.js';

const series = (name: string, labels: Record<string, string> = {}) => ({ name, labels });

describe('parseSelector', () => {
  it('turns a metric name and matchers into label matchers', () => {
    expect(parseSelector('http_requests_total{code=~"5..",method!="GET"}').matchers).toEqual([
      { label: '__name__', op: '=', value: 'http_requests_total' },
      { label: 'code', op: '=~', value: '5..' },
      { label: 'method', op: '!=', value: 'GET' },
    ]);
  });

  it('accepts __name__ matchers, all four operators, blanks, a trailing comma and three quote styles', () => {
    const selector = parseSelector(' { __name__ = "x" , a!~\'b\' , c=`\\d+`, d="\\u00e9\\"", } ');
    expect(selector.matchers).toEqual([
      { label: '__name__', op: '=', value: 'x' },
      { label: 'a', op: '!~', value: 'b' },
      { label: 'c', op: '=', value: '\\d+' },
      { label: 'd', op: '=', value: 'é"' },
    ]);
  });

  const invalid: [string, string][] = [
    [
      'http_requests_total{code=~"5..}',
      'invalid selector http_requests_total{code=~"5..}: unterminated string (at character 27)',
    ],
    [
      'rate(http_requests_total[5m])',
      'invalid selector rate(http_requests_total[5m]): unexpected "("; only a vector selector is allowed (no functions, ranges or operators: Omen computes rates itself) (at character 5)',
    ],
    ['x{code~"5"}', 'invalid selector x{code~"5"}: expected one of = != =~ !~, found "~" (at character 7)'],
    ['x{code="5"', 'invalid selector x{code="5": expected "," or "}", found the end (at character 11)'],
    ['x{code=5}', 'invalid selector x{code=5}: expected a quoted value, found "5" (at character 8)'],
    ['x{="5"}', 'invalid selector x{="5"}: expected a label name, found "=" (at character 3)'],
    ['', 'invalid selector (empty): expected a metric name or "{", found the end (at character 1)'],
    [
      '{code=~".*"}',
      'invalid selector {code=~".*"}: a selector needs a metric name or a matcher that does not match the empty value (at character 1)',
    ],
    ['x{__name__="y"}', 'invalid selector x{__name__="y"}: the metric name is set twice (at character 16)'],
    [
      'x{code=~"5(("}',
      'invalid selector x{code=~"5(("}: invalid regular expression "5((": unterminated group (at character 3)',
    ],
    [
      'x{code=~"5\\d"}',
      'invalid selector x{code=~"5\\d"}: unknown escape sequence \\d (write \\\\d for a backslash in a regex) (at character 11)',
    ],
  ];

  it.each(invalid)('rejects %j with a clear message', (text, message) => {
    expect(() => parseSelector(text)).toThrow(SelectorError);
    expect(() => parseSelector(text)).toThrow(message);
    try {
      parseSelector(text);
    } catch (error) {
      expect((error as Error).message).toBe(message);
    }
  });
});

describe('matchesSelector', () => {
  it('matches equality and inequality, with a missing label read as ""', () => {
    const selector = parseSelector('requests_total{method!="GET",zone=""}');
    expect(matchesSelector(selector, series('requests_total', { method: 'POST' }))).toBe(true);
    expect(matchesSelector(selector, series('requests_total', {}))).toBe(true);
    expect(matchesSelector(selector, series('requests_total', { method: 'GET' }))).toBe(false);
    expect(matchesSelector(selector, series('requests_total', { zone: 'eu' }))).toBe(false);
    expect(matchesSelector(selector, series('other_total', { method: 'POST' }))).toBe(false);
  });

  it('anchors regular expressions at both ends, like PromQL', () => {
    const selector = parseSelector('requests_total{code=~"5.."}');
    expect(matchesSelector(selector, series('requests_total', { code: '503' }))).toBe(true);
    expect(matchesSelector(selector, series('requests_total', { code: '1503' }))).toBe(false);
    expect(matchesSelector(selector, series('requests_total', { code: '5030' }))).toBe(false);
    const negative = parseSelector('requests_total{code!~"2..|3.."}');
    expect(matchesSelector(negative, series('requests_total', { code: '302' }))).toBe(false);
    expect(matchesSelector(negative, series('requests_total', { code: '404' }))).toBe(true);
    expect(matchesSelector(negative, series('requests_total', {}))).toBe(true);
  });

  it('matches the metric name through __name__, including by regex and case-insensitively', () => {
    const selector = parseSelector('{__name__=~"(?i)HTTP_.*_total",code="500"}');
    expect(matchesSelector(selector, series('http_requests_total', { code: '500' }))).toBe(true);
    expect(matchesSelector(selector, series('http_requests_total', { code: '200' }))).toBe(false);
    expect(matchesSelector(selector, series('grpc_requests_total', { code: '500' }))).toBe(false);
  });

  it('lets . match a newline in a label value, as Prometheus does', () => {
    const selector = parseSelector('log_lines{text=~"a.b"}');
    expect(matchesSelector(selector, series('log_lines', { text: 'a\nb' }))).toBe(true);
  });
});
