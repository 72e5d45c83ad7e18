import React from 'react';
import { createRoot } from 'react-dom/client';
import { config } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { HARNESS_PANELS } from './panels';

const PANEL_SIZE = { width: 900, height: 420 };
const name = new URLSearchParams(window.location.search).get('panel') ?? '';
const renderPanel = HARNESS_PANELS[name];

createRoot(document.getElementById('root')!).render(
  <ThemeContext.Provider value={config.theme2}>
    <GlobalStyles />
    <main style={{ padding: 16 }}>
      {renderPanel ? (
        <section
          data-testid="harness-panel"
          style={{ ...PANEL_SIZE, boxSizing: 'content-box', border: '1px solid #444', padding: 8 }}
        >
          {renderPanel(PANEL_SIZE)}
        </section>
      ) : (
        <p>
          Unknown panel “{name}”: expected one of {Object.keys(HARNESS_PANELS).join(', ')}.
        </p>
      )}
    </main>
  </ThemeContext.Provider>
);
