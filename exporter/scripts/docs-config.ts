// Rewrites README's configuration reference from the schema (the config test checks it).
import { readFileSync, writeFileSync } from 'node:fs';
import { configReferenceMarkdown } from '../src/config/reference.js';
import { README_MARKERS, replaceBetweenMarkers } from '../src/config/readme-block.js';

const path = new URL('../../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
writeFileSync(path, replaceBetweenMarkers(readme, README_MARKERS, configReferenceMarkdown()));
console.log('README.md configuration reference updated');
