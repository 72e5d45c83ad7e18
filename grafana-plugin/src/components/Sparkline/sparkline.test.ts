import type { RcaResponse } from '../../api/contract';
import { SPARKLINE_LEAD_MS, sparklineFrom, sparklinePath } from './sparkline';

const evidence = (onsetAt: string | null): RcaResponse['causes'][number]['evidence'] => ({
  change: 5,
  onsetAt,
  leadSeconds: null,
  correlation: 0.5,
  downstream: null,
  explainedBy: null,
});
const cause = (onsetAt: string | null) => ({
  rank: 1,
  signal: 's',
  service: 'a',
  score: 1,
  evidence: evidence(onsetAt),
});

describe('sparklineFrom', () => {
  test('starts before the earliest onset the ranker saw, or before the analysis', () => {
    const rca = {
      analysedAt: '2026-01-01T00:05:00.000Z',
      causes: [cause('2026-01-01T00:02:00.000Z'), cause(null), cause('2026-01-01T00:01:00.000Z')],
    };
    expect(sparklineFrom(rca)).toBe(Date.parse('2026-01-01T00:01:00.000Z') - SPARKLINE_LEAD_MS);
    expect(sparklineFrom({ analysedAt: '2026-01-01T00:05:00.000Z', causes: [cause(null)] })).toBe(
      Date.parse('2026-01-01T00:05:00.000Z') - SPARKLINE_LEAD_MS
    );
  });

  test('is null for an incident not analysed yet', () => {
    expect(sparklineFrom({ analysedAt: null, causes: [] })).toBeNull();
  });
});

describe('sparklinePath', () => {
  test('spans the box, highest value at the top, and breaks at a gap', () => {
    const d = sparklinePath(
      [
        { t: 0, v: 0 },
        { t: 10, v: 1 },
        { t: 20, v: null },
        { t: 30, v: 0.5 },
        { t: 40, v: 0 },
      ],
      81,
      21
    );
    // x from 1 to 80, y from 20 up to 1 over [0, 1] widened by 5%: 0 → 19.14, 1 → 1.86, 0.5 → the middle.
    expect(d).toBe('M1,19.14L20.75,1.86M60.25,10.5L80,19.14');
  });

  test('is null when there is nothing to draw a line through', () => {
    expect(sparklinePath([], 80, 20)).toBeNull();
    expect(sparklinePath([{ t: 0, v: 1 }], 80, 20)).toBeNull();
    expect(
      sparklinePath(
        [
          { t: 0, v: 1 },
          { t: 1, v: null },
        ],
        80,
        20
      )
    ).toBeNull();
  });
});
