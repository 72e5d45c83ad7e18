import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';

/** The plain, dense table every Omen view uses (for useStyles2), so the panels read alike. */
export const getTableStyles = (theme: GrafanaTheme2) => ({
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    'th, td': {
      padding: theme.spacing(0.5, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      textAlign: 'left',
    },
    th: { color: theme.colors.text.secondary, fontWeight: theme.typography.fontWeightMedium },
  }),
  number: css({ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }),
});
