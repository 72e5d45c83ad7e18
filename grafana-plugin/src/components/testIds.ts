export const testIds = {
  appConfig: {
    exporterUrl: 'data-testid ac-exporter-url',
    viewerToken: 'data-testid ac-viewer-token',
    operatorToken: 'data-testid ac-operator-token',
    submit: 'data-testid ac-submit-form',
    testConnection: 'data-testid ac-test-connection',
  },
  query: {
    loading: 'data-testid omen-loading',
    error: 'data-testid omen-error',
    empty: 'data-testid omen-empty',
  },
  signals: {
    table: 'data-testid omen-signals-table',
    row: 'data-testid omen-signals-row',
  },
  forecast: {
    chart: 'data-testid omen-forecast-chart',
    band80: 'data-testid omen-forecast-band-80',
    band95: 'data-testid omen-forecast-band-95',
    point: 'data-testid omen-forecast-point',
    history: 'data-testid omen-forecast-history',
    threshold: 'data-testid omen-forecast-threshold',
    now: 'data-testid omen-forecast-now',
    summary: 'data-testid omen-forecast-summary',
    breachTable: 'data-testid omen-forecast-breach-table',
    breachRow: 'data-testid omen-forecast-breach-row',
    choose: 'data-testid omen-forecast-choose',
  },
};
