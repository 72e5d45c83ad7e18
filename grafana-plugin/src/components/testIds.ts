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
  anomalies: {
    table: 'data-testid omen-anomalies-table',
    row: 'data-testid omen-anomalies-row',
    state: 'data-testid omen-anomalies-state',
    ack: 'data-testid omen-anomalies-ack',
    falsePositive: 'data-testid omen-anomalies-false-positive',
    actionError: 'data-testid omen-anomalies-action-error',
    readOnly: 'data-testid omen-anomalies-read-only',
  },
  incidents: {
    table: 'data-testid omen-incidents-table',
    row: 'data-testid omen-incidents-row',
    causes: 'data-testid omen-rca-causes',
  },
  actions: {
    table: 'data-testid omen-actions-table',
    audit: 'data-testid omen-audit-table',
  },
  models: {
    table: 'data-testid omen-models-table',
  },
  summary: {
    view: 'data-testid omen-summary',
    health: 'data-testid omen-summary-health',
    breaches: 'data-testid omen-summary-breaches',
  },
  forecast: {
    chart: 'data-testid omen-forecast-chart',
    band80: 'data-testid omen-forecast-band-80',
    band95: 'data-testid omen-forecast-band-95',
    point: 'data-testid omen-forecast-point',
    history: 'data-testid omen-forecast-history',
    historyInfo: 'data-testid omen-forecast-history-info',
    threshold: 'data-testid omen-forecast-threshold',
    now: 'data-testid omen-forecast-now',
    summary: 'data-testid omen-forecast-summary',
    breachTable: 'data-testid omen-forecast-breach-table',
    breachRow: 'data-testid omen-forecast-breach-row',
    choose: 'data-testid omen-forecast-choose',
  },
};
