/**
 * Which incident a panel shows or acts on: the one its options name, or the newest open one
 * (what an on-call dashboard wants most of the time). Parsed once from the panel's options,
 * dashboard variables applied, so the views below get a checked choice.
 */
export interface IncidentOptions {
  /** `latest`: the newest open incident; `id`: the one `incidentId` names. */
  incident: 'latest' | 'id';
  /** Dashboard variables allowed (`$incident`). */
  incidentId: string;
}

export type IncidentChoice = { kind: 'latest' } | { kind: 'id'; id: string } | { kind: 'invalid'; reason: string };

/** The exporter's limit for an incident id in a request (its contract's `incidentId`). */
const MAX_ID_LENGTH = 40;

export function incidentChoice(
  options: Partial<IncidentOptions>,
  replaceVariables: (value: string) => string = (value) => value
): IncidentChoice {
  if (options.incident !== 'id') {
    return { kind: 'latest' };
  }
  const id = replaceVariables(options.incidentId ?? '').trim();
  if (id === '') {
    return { kind: 'invalid', reason: 'Name an incident id in the panel options, or choose the latest open incident.' };
  }
  if (id.length > MAX_ID_LENGTH || /[\p{Cc}\s]/u.test(id)) {
    return { kind: 'invalid', reason: `"${id}" is not an incident id: 1–${MAX_ID_LENGTH} characters, no spaces.` };
  }
  return { kind: 'id', id };
}
