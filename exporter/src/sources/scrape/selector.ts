/**
 * PromQL vector selectors — `http_requests_total{code=~"5..",method!="GET"}` — the one
 * piece of PromQL a scrape signal is written in. Parsed once (the config loader calls
 * `parseSelector` to reject a bad one at start-up) and then matched against samples.
 *
 * Semantics follow Prometheus: a missing label equals "", regular expressions are fully
 * anchored and `.` matches a newline, and a selector needs at least one matcher that
 * does not match the empty string (otherwise it would select every series).
 */
import { readStringLiteral, SelectorError } from './selector-string.js';

export { SelectorError };

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export interface LabelMatcher {
  /** `__name__` for the metric name. */
  label: string;
  op: MatchOperator;
  value: string;
}

export interface Selector {
  readonly text: string;
  readonly matchers: readonly LabelMatcher[];
}

interface CompiledMatcher extends LabelMatcher {
  test(value: string): boolean;
}

const METRIC_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/y;
const LABEL_NAME = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const OPERATOR = /=~|!~|!=|=/y;

function compileMatcher(matcher: LabelMatcher, at: number, text: string): CompiledMatcher {
  const { op, value } = matcher;
  if (op === '=') return { ...matcher, test: (actual) => actual === value };
  if (op === '!=') return { ...matcher, test: (actual) => actual !== value };
  const regex = compileRegex(value, at, text);
  return op === '=~'
    ? { ...matcher, test: (actual) => regex.test(actual) }
    : { ...matcher, test: (actual) => !regex.test(actual) };
}

// RE2 (Prometheus) and JavaScript regexes agree on what selectors use; the one RE2 habit
// JavaScript lacks in Node 20, a leading `(?i)`, is turned into the `i` flag.
function compileRegex(source: string, at: number, text: string): RegExp {
  const insensitive = source.startsWith('(?i)');
  const body = insensitive ? source.slice(4) : source;
  try {
    return new RegExp(`^(?:${body})$`, insensitive ? 'si' : 's');
  } catch (error) {
    // V8 says "Invalid regular expression: /^(?:…)$/s: Unterminated group"; keep the last part.
    const problem = (error as Error).message.split(': ').pop()!.toLowerCase();
    throw new SelectorError(`invalid regular expression "${source}": ${problem}`, at, text);
  }
}

class SelectorReader {
  position = 0;
  constructor(readonly text: string) {}

  skipBlanks(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }
  peek(): string {
    return this.text[this.position] ?? '';
  }
  match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.position;
    const found = pattern.exec(this.text);
    if (found) this.position += found[0].length;
    return found?.[0];
  }
  fail(reason: string): never {
    throw new SelectorError(reason, this.position, this.text);
  }
  unexpected(expected: string): never {
    const found = this.position >= this.text.length ? 'the end' : `"${this.peek()}"`;
    this.fail(`expected ${expected}, found ${found}`);
  }
}

function readMatcher(reader: SelectorReader): CompiledMatcher {
  const at = reader.position;
  const label = reader.match(LABEL_NAME) ?? reader.unexpected('a label name');
  reader.skipBlanks();
  const op = (reader.match(OPERATOR) ?? reader.unexpected('one of = != =~ !~')) as MatchOperator;
  reader.skipBlanks();
  const quote = reader.peek();
  if (quote !== '"' && quote !== "'" && quote !== '`') reader.unexpected('a quoted value');
  const literal = readStringLiteral(reader.text, reader.position);
  reader.position = literal.end;
  return compileMatcher({ label, op, value: literal.value }, at, reader.text);
}

function readMatchers(reader: SelectorReader): CompiledMatcher[] {
  const matchers: CompiledMatcher[] = [];
  reader.position++; // the opening brace
  for (;;) {
    reader.skipBlanks();
    if (reader.peek() === '}') break;
    matchers.push(readMatcher(reader));
    reader.skipBlanks();
    if (reader.peek() === ',') reader.position++;
    else if (reader.peek() !== '}') reader.unexpected('"," or "}"');
  }
  reader.position++; // the closing brace
  return matchers;
}

function readSelector(reader: SelectorReader): CompiledMatcher[] {
  reader.skipBlanks();
  const name = reader.match(METRIC_NAME);
  reader.skipBlanks();
  if (name === undefined && reader.peek() !== '{') reader.unexpected('a metric name or "{"');
  const matchers = reader.peek() === '{' ? readMatchers(reader) : [];
  reader.skipBlanks();
  if (reader.position < reader.text.length) {
    reader.fail(
      `unexpected "${reader.peek()}"; only a vector selector is allowed (no functions, ranges or operators: Omen computes rates itself)`,
    );
  }
  if (name === undefined) return matchers;
  if (matchers.some((matcher) => matcher.label === '__name__')) reader.fail('the metric name is set twice');
  return [compileMatcher({ label: '__name__', op: '=', value: name }, 0, reader.text), ...matchers];
}

const compiled = new WeakMap<Selector, CompiledMatcher[]>();

/** Selectors built by hand (e.g. a histogram's `_bucket` twin) are compiled on first use. */
function compiledOf(selector: Selector): CompiledMatcher[] {
  let matchers = compiled.get(selector);
  if (!matchers) {
    matchers = selector.matchers.map((matcher) => compileMatcher(matcher, 0, selector.text));
    compiled.set(selector, matchers);
  }
  return matchers;
}

/** Parses a PromQL vector selector; throws a `SelectorError` saying what is wrong and where. */
export function parseSelector(text: string): Selector {
  const matchers = readSelector(new SelectorReader(text));
  if (matchers.every((matcher) => matcher.test(''))) {
    throw new SelectorError(
      'a selector needs a metric name or a matcher that does not match the empty value',
      0,
      text,
    );
  }
  const selector: Selector = {
    text,
    matchers: matchers.map(({ label, op, value }) => ({ label, op, value })),
  };
  compiled.set(selector, matchers);
  return selector;
}

/** True when the series `name{labels}` is selected; a missing label reads as "". */
export function matchesSelector(
  selector: Selector,
  sample: { name: string; labels: Readonly<Record<string, string>> },
): boolean {
  // A loop, not every(): this runs for every sample of every scrape.
  for (const matcher of compiledOf(selector)) {
    const value = matcher.label === '__name__' ? sample.name : (sample.labels[matcher.label] ?? '');
    if (!matcher.test(value)) return false;
  }
  return true;
}
