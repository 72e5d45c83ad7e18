import { graphEvidence, labelValue } from './rcaEvidence';

describe('graphEvidence', () => {
  test('spells out the calls from the symptom down to the cause, each edge’s source on hover', () => {
    const path = [
      { client: 'frontend', server: 'checkout', source: 'config' as const },
      { client: 'checkout', server: 'payments', source: 'tempo' as const },
    ];
    expect(graphEvidence({ downstream: true, path })).toEqual({
      text: 'frontend → checkout → payments',
      title: 'frontend → checkout: config\ncheckout → payments: tempo',
    });
  });

  test('tells the symptom’s own service, a cause off the graph, and no graph at all apart', () => {
    expect(graphEvidence({ downstream: true, path: [] }).text).toBe('the symptom’s own service');
    expect(graphEvidence({ downstream: false, path: null }).text).toBe('not called by the symptom');
    expect(graphEvidence({ downstream: true }).text).toBe('downstream');
    expect(graphEvidence({ downstream: null, path: null })).toEqual({
      text: '–',
      title: 'No call graph is configured or learned',
    });
  });
});

test('labelValue writes a missing label as such', () => {
  expect(labelValue({ label: 'pod', value: 'api-7' })).toBe('pod=api-7');
  expect(labelValue({ label: 'version', value: '' })).toBe('version=(none)');
});
