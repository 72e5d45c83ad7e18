import React from 'react';
import { render, screen } from '@testing-library/react';
import { PluginType } from '@grafana/data';
import AppConfig, { type AppConfigProps } from './AppConfig';
import { testIds } from '../testIds';

function renderConfig(meta: Partial<AppConfigProps['plugin']['meta']>) {
  const plugin = {
    meta: { id: 'omen-predict-app', name: 'Omen', type: PluginType.app, enabled: true, jsonData: {}, ...meta },
  } as unknown as AppConfigProps['plugin'];
  render(<AppConfig plugin={plugin} query={{}} />);
}

describe('AppConfig', () => {
  test('asks for the exporter URL and both tokens, and cannot save without a URL', () => {
    renderConfig({});
    expect(screen.getByRole('group', { name: /omen exporter/i })).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.exporterUrl)).toHaveValue('');
    expect(screen.getByTestId(testIds.appConfig.viewerToken)).toBeInTheDocument();
    expect(screen.getByTestId(testIds.appConfig.operatorToken)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /save settings/i })).toBeDisabled();
  });

  test('shows the saved URL, and a configured token as set without revealing it', () => {
    renderConfig({ jsonData: { exporterUrl: 'http://omen:10420' }, secureJsonFields: { viewerToken: true } });
    expect(screen.getByTestId(testIds.appConfig.exporterUrl)).toHaveValue('http://omen:10420');
    expect(screen.getByRole('button', { name: /save settings/i })).toBeEnabled();
    expect(screen.getAllByRole('button', { name: /reset/i })).toHaveLength(1);
  });
});
