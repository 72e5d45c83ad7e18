/**
 * `omen eval rca`: load the labelled cases (a PetShop-layout folder, the generated
 * varied-cause set, the demo application's cascades, or several), rank each with one
 * registered ranker, score top-k recall.
 */
import { rca, type RcaRankerName } from '../../models/registry.js';
import { demoCases } from './demo-cases.js';
import { RcaInputError } from './errors.js';
import type { LabelledCase } from './labelled-case.js';
import { readPetShop } from './petshop.js';
import { scoreRanker, type RcaScores } from './score.js';
import { generateCases } from './synthetic-cases.js';

export interface EvalRcaOptions {
  /** A folder in PetShop's layout. */
  dir?: string;
  /** The generated varied-cause set: its seed and size. */
  generated?: { seed: number; count: number };
  /** The demo application's cascades: every incident kind on every service it can target. */
  demo?: { seed: number };
  ranker: string;
  onProgress?: (line: string) => void;
}

export interface EvalRcaReport extends RcaScores {
  sources: string[];
  seconds: number;
  /** Set when every case has the same root cause: recall then cannot tell methods apart. */
  sameRootCause: string | null;
}

export function isRankerName(name: string): name is RcaRankerName {
  return Object.hasOwn(rca, name);
}

function loadCases(options: EvalRcaOptions): { cases: LabelledCase[]; sources: string[] } {
  const cases: LabelledCase[] = [];
  const sources: string[] = [];
  if (options.dir !== undefined) {
    const petshop = readPetShop(options.dir);
    cases.push(...petshop);
    sources.push(`${options.dir} (${petshop.length} cases)`);
  }
  if (options.generated) {
    const { seed, count } = options.generated;
    options.onProgress?.(`generating ${count} cases (seed ${seed})`);
    cases.push(...generateCases({ seed, count }));
    sources.push(`generated call graphs, seed ${seed} (${count} cases)`);
  }
  if (options.demo) {
    const { seed } = options.demo;
    options.onProgress?.(`running the demo's incidents (seed ${seed})`);
    const demo = demoCases({ seed });
    cases.push(...demo.cases);
    const silent = demo.silent.length > 0 ? `; no alert, left out: ${demo.silent.join(', ')}` : '';
    sources.push(`demo application's cascades, seed ${seed} (${demo.cases.length} cases${silent})`);
  }
  if (cases.length === 0)
    throw new RcaInputError('nothing to evaluate: give a PetShop folder, --generated, --demo, or several');
  return { cases, sources };
}

export function runEvalRca(options: EvalRcaOptions): EvalRcaReport {
  if (!isRankerName(options.ranker))
    throw new RcaInputError(`unknown ranker "${options.ranker}" (known: ${Object.keys(rca).join(', ')})`);
  const started = performance.now();
  const { cases, sources } = loadCases(options);
  options.onProgress?.(`ranking ${cases.length} cases with ${options.ranker}`);
  const scores = scoreRanker(rca[options.ranker], cases);
  const roots = new Set(cases.map((c) => c.rootCause));
  return {
    ...scores,
    sources,
    seconds: (performance.now() - started) / 1000,
    sameRootCause: roots.size === 1 && cases.length > 1 ? [...roots][0]! : null,
  };
}
