import { FieldType, toDataFrame } from '@grafana/data';
import { chosenSeries, historyFromFrames } from './history';

describe('historyFromFrames', () => {
  test('takes the time and value fields of the first frame that has both, with the value’s labels', () => {
    const frames = [
      toDataFrame({ fields: [{ name: 'text', type: FieldType.string, values: ['a'] }] }),
      toDataFrame({
        fields: [
          { name: 'Time', type: FieldType.time, values: [1000, 2000, 3000] },
          {
            name: 'Value',
            type: FieldType.number,
            values: [0.01, Number.NaN, 0.03],
            labels: { signal: 'error_ratio', service: 'checkout' },
          },
        ],
      }),
    ];
    expect(historyFromFrames(frames)).toEqual({
      points: [
        { t: 1000, v: 0.01 },
        { t: 2000, v: null },
        { t: 3000, v: 0.03 },
      ],
      labels: { signal: 'error_ratio', service: 'checkout' },
    });
  });

  test('is null when the panel has no time series', () => {
    expect(historyFromFrames([])).toBeNull();
  });
});

describe('chosenSeries', () => {
  const same = (value: string) => value;

  test('the options win, with dashboard variables applied', () => {
    const vars = (value: string) => value.replace('$service', 'payments');
    expect(chosenSeries({ signal: 'latency', service: '$service' }, { signal: 'x', service: 'y' }, vars)).toEqual({
      signal: 'latency',
      service: 'payments',
    });
  });

  test('empty options fall back to the query’s labels, and nothing is guessed beyond them', () => {
    expect(chosenSeries({ signal: '', service: ' ' }, { signal: 'error_ratio', service: 'checkout' }, same)).toEqual({
      signal: 'error_ratio',
      service: 'checkout',
    });
    expect(chosenSeries({ signal: 'error_ratio' }, {}, same)).toBeNull();
  });
});
