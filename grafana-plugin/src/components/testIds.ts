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
};
