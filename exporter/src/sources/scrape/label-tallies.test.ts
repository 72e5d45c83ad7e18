import { describe, expect, it } from 'vitest';
import { contrastLabels } from '../../models/rca/label-contrast.js';
import { errorRatioSignal } from '../contrast-signal.test-support.js';
import { LabelTallies, OTHER_VALUES } from './label-tallies.js';
import { createScrapeSource } from './scrape-source.js';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1, 12);
const ratioOf = errorRatioSignal;
const ratio = ratioOf(['pod']);

/** Cumulative counters of one service's three pods: requests, and 5xx of them. */
class Counters {
  readonly requests = new Map<string, number>();
  readonly errors = new Map<string, number>();
  add(pod: string, requests: number, errors: number) {
    this.requests.set(pod, (this.requests.get(pod) ?? 0) + requests);
    this.errors.set(pod, (this.errors.get(pod) ?? 0) + errors);
  }
  samples() {
    return [...this.requests].flatMap(([pod, ok]) => [
      { name: 'http_requests_total', labels: { service: 'api', pod, code: '200' }, value: ok },
      {
        name: 'http_requests_total',
        labels: { service: 'api', pod, code: '500' },
        value: this.errors.get(pod)!,
      },
    ]);
  }
}

const request = {
  signal: 'error_ratio',
  service: 'api',
  incident: { fromMs: T0, toMs: T0 + 10 * MINUTE },
  baseline: { fromMs: T0 - 60 * MINUTE, toMs: T0 },
  abort: new AbortController().signal,
};

describe('the scrape source’s label tallies', () => {
  it('adds each scrape’s counter increases per label value, and the pod that took the errors stands out', async () => {
    const tallies = new LabelTallies('demo', [ratio]);
    const counters = new Counters();
    for (let minute = -61; minute < 10; minute += 1) {
      const incident = minute >= 0;
      for (const pod of ['a', 'b', 'c']) counters.add(pod, 100, incident && pod === 'a' ? 30 : 1);
      tallies.observe(counters.samples(), T0 + minute * MINUTE);
    }
    const [pods] = await tallies.read(request);
    // The first scrape (minute −61) has no increase; each later one adds 100 requests per
    // pod and its errors (all requests count both): 60 baseline minutes, 10 incident ones.
    expect(pods).toEqual({
      label: 'pod',
      values: [
        { value: 'a', incident: 300, baseline: 60, prior: 6060, incidentTraffic: 1300 },
        { value: 'b', incident: 10, baseline: 60, prior: 6060, incidentTraffic: 1010 },
        { value: 'c', incident: 10, baseline: 60, prior: 6060, incidentTraffic: 1010 },
      ],
    });
    expect(contrastLabels([pods!]).map((f) => f.value)).toEqual(['a']);
    expect(await tallies.read({ ...request, service: 'web' })).toEqual([{ label: 'pod', values: [] }]);
    expect(await tallies.read({ ...request, signal: 'latency' })).toEqual([]);
  });

  it('contrasts the status code by its errors alone: a 503 rare before and most errors now stands out', async () => {
    const tallies = new LabelTallies('demo', [errorRatioSignal(['code'])]);
    let served = 0;
    const errors = { 500: 0, 503: 0 };
    for (let minute = -61; minute < 10; minute += 1) {
      served += 1000;
      errors[500] += 10;
      errors[503] += minute >= 0 ? 60 : 1;
      tallies.observe(
        [
          { name: 'http_requests_total', labels: { service: 'api', code: '200' }, value: served },
          { name: 'http_requests_total', labels: { service: 'api', code: '500' }, value: errors[500] },
          { name: 'http_requests_total', labels: { service: 'api', code: '503' }, value: errors[503] },
        ],
        T0 + minute * MINUTE,
      );
    }
    const [codes] = await tallies.read(request);
    // A 503's traffic is its errors: the traffic cannot say where errors were expected.
    expect(codes!.values).toEqual([
      { value: '500', incident: 100, baseline: 600 },
      { value: '503', incident: 600, baseline: 60 },
    ]);
    expect(contrastLabels([codes!]).map((f) => f.value)).toEqual(['503']);
  });

  it('counts a counter reset as a restart from zero and forgets what is older than it keeps', async () => {
    const tallies = new LabelTallies('demo', [ratio], {
      bucketMs: MINUTE,
      keepMs: 30 * MINUTE,
      maxValues: 50,
    });
    const errors = (pod: string, value: number) => ({
      name: 'http_requests_total',
      labels: { service: 'api', pod, code: '503' },
      value,
    });
    tallies.observe([errors('a', 100)], T0 - 40 * MINUTE);
    tallies.observe([errors('a', 150)], T0 - 39 * MINUTE);
    tallies.observe([errors('a', 7)], T0 + MINUTE); // restarted: 7 since
    const [pods] = await tallies.read({ ...request, baseline: { fromMs: T0 - 60 * MINUTE, toMs: T0 } });
    expect(pods!.values).toEqual([{ value: 'a', incident: 7, baseline: 0, prior: 0, incidentTraffic: 7 }]);
    // A baseline that ended before the oldest tally kept: nothing to tell, rather than "no errors".
    expect(
      await tallies.read({ ...request, baseline: { fromMs: T0 - 90 * MINUTE, toMs: T0 - 31 * MINUTE } }),
    ).toEqual([]);
  });

  it('folds the values past its limit into one', async () => {
    const tallies = new LabelTallies('demo', [ratio], {
      bucketMs: MINUTE,
      keepMs: 60 * MINUTE,
      maxValues: 2,
    });
    const errors = (pod: string, value: number) => ({
      name: 'http_requests_total',
      labels: { service: 'api', pod, code: '503' },
      value,
    });
    const pods = ['a', 'b', 'c', 'd'];
    tallies.observe(
      pods.map((pod) => errors(pod, 0)),
      T0 - MINUTE,
    );
    tallies.observe(
      pods.map((pod) => errors(pod, 5)),
      T0 + MINUTE,
    );
    const [read] = await tallies.read(request);
    expect(read!.values.map((v) => [v.value, v.incident])).toEqual([
      [OTHER_VALUES, 10],
      ['a', 5],
      ['b', 5],
    ]);
  });

  it('is offered by a scrape source only for signals it breaks down', () => {
    const url = 'http://127.0.0.1:1/metrics';
    const config = {
      name: 'demo',
      type: 'scrape' as const,
      url,
      timeout: '5s',
      rateWindow: '1m',
      maxBodyBytes: 1e6,
    };
    expect(createScrapeSource(config, [ratio]).breakdown?.source).toBe('demo');
    expect(createScrapeSource(config, [ratioOf([])]).breakdown).toBeUndefined();
  });
});
