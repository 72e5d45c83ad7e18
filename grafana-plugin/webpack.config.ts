/**
 * Extends the scaffold's webpack config (.config/ is never edited): each nested panel's
 * plugin.json names img/logo.svg beside it, so the app's logo is copied into every panel.
 */
import fs from 'fs';
import path from 'path';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import type { Configuration } from 'webpack';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

const panels = fs.readdirSync(path.resolve(__dirname, 'src/panels'));

const config = async (env: Env): Promise<Configuration> =>
  merge(await grafanaConfig(env), {
    plugins: [
      new CopyWebpackPlugin({
        patterns: panels.map((panel) => ({ from: 'img/logo.svg', to: `panels/${panel}/img/logo.svg` })),
      }),
    ],
  });

export default config;
