import React from 'react';
import { createRoot } from 'react-dom/client';
import { config } from '@grafana/runtime';
import { GlobalStyles, ThemeContext } from '@grafana/ui';
import { HARNESS_PAGES } from './pages';
import { HARNESS_PANELS } from './panels';

const PANEL_SIZE = { width: 900, height: 420 };
const query = new URLSearchParams(window.location.search);
const panel = HARNESS_PANELS[query.get('panel') ?? ''];
const page = HARNESS_PAGES[query.get('page') ?? ''];

function Harness() {
  if (panel) {
    return (
      <section
        data-testid="harness-panel"
        style={{ ...PANEL_SIZE, boxSizing: 'content-box', border: '1px solid #444', padding: 8 }}
      >
        {panel(PANEL_SIZE)}
      </section>
    );
  }
  if (page) {
    // A page takes the width Grafana's page body would give it, and its own height.
    return (
      <section data-testid="harness-page" style={{ width: 920 }}>
        {page()}
      </section>
    );
  }
  return (
    <p>
      Unknown panel or page: expected ?panel= one of {Object.keys(HARNESS_PANELS).join(', ')}, or ?page= one of{' '}
      {Object.keys(HARNESS_PAGES).join(', ')}.
    </p>
  );
}

createRoot(document.getElementById('root')!).render(
  <ThemeContext.Provider value={config.theme2}>
    <GlobalStyles />
    <main style={{ padding: 16 }}>
      <Harness />
    </main>
  </ThemeContext.Provider>
);
