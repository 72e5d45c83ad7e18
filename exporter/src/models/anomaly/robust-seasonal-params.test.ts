import { describe, expect, it } from 'vitest';
import { createRobustSeasonalDetector } from './robust-seasonal.js';
import { resolveRobustSeasonalParams, ROBUST_SEASONAL_DEFAULTS } from './robust-seasonal-params.js';

describe('robust seasonal parameters', () => {
  it('defaults to window 60, minPoints 20, seasonsBack 3', () => {
    expect(resolveRobustSeasonalParams()).toEqual(ROBUST_SEASONAL_DEFAULTS);
    expect(ROBUST_SEASONAL_DEFAULTS).toMatchObject({ window: 60, minPoints: 20, seasonsBack: 3 });
  });

  it('ignores undefined values, so optional config keys keep their defaults', () => {
    expect(resolveRobustSeasonalParams({ window: undefined, minPoints: 10 })).toMatchObject({
      window: 60,
      minPoints: 10,
    });
  });

  it.each([
    [{ window: 4 }, 'robust_seasonal: window must be an integer ≥ 5 (got 4)'],
    [{ window: 12.5 }, 'robust_seasonal: window must be an integer ≥ 5 (got 12.5)'],
    [{ minPoints: 2 }, 'robust_seasonal: minPoints must be an integer between 3 and window (60) (got 2)'],
    [{ window: 10, minPoints: 20 }, 'minPoints must be an integer between 3 and window (10) (got 20)'],
    [{ seasonsBack: 0 }, 'robust_seasonal: seasonsBack must be an integer between 1 and 52 (got 0)'],
    [
      { minSeasons: 4 },
      'robust_seasonal: minSeasons must be an integer between 1 and seasonsBack (3) (got 4)',
    ],
    [
      { phaseTolerance: 0 },
      'robust_seasonal: phaseTolerance must be a number in (0, 10] (sampling intervals) (got 0)',
    ],
    [{ calibrationPoints: -1 }, 'robust_seasonal: calibrationPoints must be an integer ≥ 0 (got -1)'],
    [{ relativeScaleFloor: 1 }, 'robust_seasonal: relativeScaleFloor must be a number in [0, 1) (got 1)'],
    [{ absoluteScaleFloor: 0 }, 'robust_seasonal: absoluteScaleFloor must be a finite number > 0 (got 0)'],
    [{ window: Number.NaN }, 'robust_seasonal: window must be a number (got NaN)'],
    [{ window: '60' as unknown as number }, 'robust_seasonal: window must be a number (got 60)'],
  ])('rejects %o at construction', (params, message) => {
    expect(() => createRobustSeasonalDetector(params)).toThrow(message);
  });

  it('rejects unknown keys, naming the known ones', () => {
    expect(() => createRobustSeasonalDetector({ windw: 60 } as never)).toThrow(
      /unknown parameter "windw" \(known: window, minPoints, seasonsBack/,
    );
  });
});
