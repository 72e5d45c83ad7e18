/**
 * The call-graph part of a cause's evidence in words: the path of calls from the symptom's
 * service down to the cause (and where each edge is known from), else whether the symptom
 * depends on it at all.
 */
import type { RcaResponse } from '../../api/contract';

type Evidence = RcaResponse['causes'][number]['evidence'];

export interface GraphEvidence {
  text: string;
  /** Where each edge of the path is known from, for the hover text. */
  title?: string;
}

export function graphEvidence(evidence: Pick<Evidence, 'downstream' | 'path'>): GraphEvidence {
  const path = evidence.path;
  if (path && path.length > 0) {
    return {
      text: [path[0]!.client, ...path.map((edge) => edge.server)].join(' → '),
      title: path.map((edge) => `${edge.client} → ${edge.server}: ${edge.source}`).join('\n'),
    };
  }
  if (path && path.length === 0) {
    return { text: 'the symptom’s own service' };
  }
  if (evidence.downstream === null) {
    return { text: '–', title: 'No call graph is configured or learned' };
  }
  return { text: evidence.downstream ? 'downstream' : 'not called by the symptom' };
}

/** A label value as shown: `label=value`, the missing label written as such. */
export const labelValue = ({ label, value }: { label: string; value: string }) =>
  `${label}=${value === '' ? '(none)' : value}`;
