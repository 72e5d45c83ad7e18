import React, { type ChangeEvent, type FormEvent, useState } from 'react';
import { lastValueFrom } from 'rxjs';
import type { AppPluginMeta, PluginConfigPageProps, PluginMeta } from '@grafana/data';
import { getBackendSrv } from '@grafana/runtime';
import { Alert, Button, Field, FieldSet, Input, SecretInput, Stack } from '@grafana/ui';
import { getJson, type ProxyRoute } from '../../api/client';
import type { SignalsResponse } from '../../api/contract';
import { testIds } from '../testIds';

/** Non-secret settings (jsonData); the route URLs of plugin.json read `exporterUrl`. */
export type OmenAppSettings = { exporterUrl?: string };
type TokenName = 'viewerToken' | 'operatorToken';

export interface AppConfigProps extends PluginConfigPageProps<AppPluginMeta<OmenAppSettings>> {}

type Check = { status: 'idle' | 'running' } | { status: 'ok' | 'failed'; message: string };

const AppConfig = ({ plugin }: AppConfigProps) => {
  const { enabled, pinned, jsonData, secureJsonFields } = plugin.meta;
  const [exporterUrl, setExporterUrl] = useState(jsonData?.exporterUrl ?? '');
  // A secret is write-only: Grafana says only whether it is set.
  const [tokens, setTokens] = useState<Record<TokenName, string>>({ viewerToken: '', operatorToken: '' });
  const [tokenSet, setTokenSet] = useState<Record<TokenName, boolean>>({
    viewerToken: Boolean(secureJsonFields?.viewerToken),
    operatorToken: Boolean(secureJsonFields?.operatorToken),
  });
  const [check, setCheck] = useState<Check>({ status: 'idle' });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const secureJsonData = Object.fromEntries(Object.entries(tokens).filter(([name]) => !tokenSet[name as TokenName]));
    updatePluginAndReload(plugin.meta.id, {
      enabled,
      pinned,
      // Without a trailing slash: the operate routes' URLs append /api/v1/… to it.
      jsonData: { exporterUrl: exporterUrl.trim().replace(/\/+$/, '') },
      secureJsonData: Object.keys(secureJsonData).length > 0 ? secureJsonData : undefined,
    });
  };

  const onTestConnection = async () => {
    setCheck({ status: 'running' });
    setCheck(await testConnection());
  };

  const tokenField = (name: TokenName, label: string, description: string) => (
    <Field label={label} description={description}>
      <SecretInput
        width={60}
        id={`config-${name}`}
        data-testid={testIds.appConfig[name]}
        value={tokens[name]}
        isConfigured={tokenSet[name]}
        onChange={(event: ChangeEvent<HTMLInputElement>) => setTokens({ ...tokens, [name]: event.target.value.trim() })}
        onReset={() => {
          setTokens({ ...tokens, [name]: '' });
          setTokenSet({ ...tokenSet, [name]: false });
        }}
      />
    </Field>
  );

  return (
    <form onSubmit={onSubmit}>
      <FieldSet label="Omen exporter">
        <Field label="Exporter URL" description="Where Grafana's server reaches the Omen exporter">
          <Input
            width={60}
            id="config-exporter-url"
            data-testid={testIds.appConfig.exporterUrl}
            value={exporterUrl}
            placeholder="http://omen:10420"
            onChange={(event: ChangeEvent<HTMLInputElement>) => setExporterUrl(event.target.value)}
          />
        </Field>
        {tokenField('viewerToken', 'Viewer token', 'Sent by Grafana for every read (Viewer role and above)')}
        {tokenField(
          'operatorToken',
          'Operator token',
          'Sent by Grafana for acknowledge, feedback and actions (Editor role and above)'
        )}
        <Stack gap={2}>
          <Button type="submit" data-testid={testIds.appConfig.submit} disabled={!exporterUrl.trim()}>
            Save settings
          </Button>
          <Button
            type="button"
            variant="secondary"
            data-testid={testIds.appConfig.testConnection}
            disabled={check.status === 'running'}
            onClick={onTestConnection}
          >
            Test connection
          </Button>
        </Stack>
        {check.status === 'ok' && <Alert severity="success" title={check.message} />}
        {check.status === 'failed' && <Alert severity="error" title={check.message} />}
      </FieldSet>
    </form>
  );
};

export default AppConfig;

/** Reads through both routes with the saved settings, so each token is checked as the proxy sends it. */
async function testConnection(): Promise<Check> {
  const routes: ProxyRoute[] = ['read', 'operate'];
  try {
    const answers = await Promise.all(
      routes.map((route) => getJson<SignalsResponse>('api/v1/signals', undefined, route))
    );
    return { status: 'ok', message: `Connected: the exporter models ${answers[0].signals.length} signal(s).` };
  } catch (error) {
    return { status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

const updatePluginAndReload = async (pluginId: string, data: Partial<PluginMeta<OmenAppSettings>>) => {
  try {
    await lastValueFrom(getBackendSrv().fetch({ url: `/api/plugins/${pluginId}/settings`, method: 'POST', data }));
    // The plugin's settings are read once per page load, so a reload applies them.
    window.location.reload();
  } catch (e) {
    console.error('Error while updating the plugin', e);
  }
};
