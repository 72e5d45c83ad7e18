/**
 * Incidents from anomalies: anomalies that occur together, across series and services,
 * are one incident. Pure: the pipeline passes the open incidents, the anomalies recorded
 * this cycle and the time, and stores what comes back.
 *
 * - An anomaly on a series already in an open incident, or within `windowMs` of its last
 *   anomaly, joins it (and, when a call graph is known, only if its service is related to
 *   one of the incident's: the same service, or one calling or called by it).
 * - Anomalies that join no incident wait in a pool; the pool opens an incident once it
 *   holds `minAnomalies` anomalies within `windowMs`, or one of severity `openAt` or worse.
 *   A lone mild anomaly is the detector's false-positive rate, not an incident.
 * - An incident resolves after `quietMs` without a new anomaly.
 */
import { SEVERITIES, type AnomalyRef, type Severity } from '../../store/store.js';
import { downstreamOf } from '../rca/graph.js';

export interface GroupingParams {
  windowMs: number;
  quietMs: number;
  minAnomalies: number;
  openAt: Severity;
  /** Whether two services may share an incident; absent: any two may. */
  related?: (a: string, b: string) => boolean;
  /** Caller → callees, when known: an incident is then about its most upstream series. */
  calls?: ReadonlyMap<string, readonly string[]>;
}

export interface GroupedAnomaly extends AnomalyRef {
  score: number;
  severity: Severity;
}

/** One member series of an incident, summed over its anomalies. */
export interface MemberSeries {
  signal: string;
  service: string;
  anomalies: number;
  firstAnomalyMs: number;
  maxScore: number;
  severity: Severity;
}

export interface GroupedIncident {
  /** The store's id; null until the incident is first stored. */
  id: string | null;
  openedAtMs: number;
  lastAnomalyMs: number;
  resolvedAtMs: number | null;
  members: MemberSeries[];
  /** Its services that none of its other services calls (with a call graph only). */
  roots?: readonly string[];
}

export interface GroupingState {
  open: GroupedIncident[];
  /** Anomalies in no incident yet, newest last. */
  pool: GroupedAnomaly[];
}

export interface GroupingOutcome {
  state: GroupingState;
  /** Incidents opened, joined or resolved by this step, each with the anomalies it gained. */
  changed: { incident: GroupedIncident; added: GroupedAnomaly[] }[];
}

const level = (severity: Severity) => SEVERITIES.indexOf(severity);

export function worstSeverity(members: readonly { severity: Severity }[]): Severity {
  return members.reduce<Severity>(
    (worst, m) => (level(m.severity) > level(worst) ? m.severity : worst),
    'low',
  );
}

/** The services of `services` that no other of them calls, directly or not. */
export function rootsOf(services: Iterable<string>, calls: ReadonlyMap<string, readonly string[]>): string[] {
  const all = [...new Set(services)];
  const below = new Set(all.flatMap((s) => [...downstreamOf(calls, s)].filter((d) => d !== s)));
  return all.filter((s) => !below.has(s)).sort();
}

/**
 * The series the incident is about: with a call graph, one of its most upstream services
 * (where users feel it; the cause is then found below); then its worst, its most anomalous,
 * the one that moved first (ties by name, so the choice is reproducible).
 */
export function symptomOf(incident: GroupedIncident): MemberSeries {
  const roots = incident.roots;
  const upstream = roots && incident.members.filter((m) => roots.includes(m.service));
  return [...(upstream && upstream.length > 0 ? upstream : incident.members)].sort(
    (a, b) =>
      level(b.severity) - level(a.severity) ||
      b.anomalies - a.anomalies ||
      b.maxScore - a.maxScore ||
      a.firstAnomalyMs - b.firstAnomalyMs ||
      a.signal.localeCompare(b.signal) ||
      a.service.localeCompare(b.service),
  )[0]!;
}

function addMember(incident: GroupedIncident, anomaly: GroupedAnomaly): GroupedIncident {
  const members = incident.members.map((m) => ({ ...m }));
  const member = members.find((m) => m.signal === anomaly.signal && m.service === anomaly.service);
  if (member) {
    member.anomalies += 1;
    member.firstAnomalyMs = Math.min(member.firstAnomalyMs, anomaly.timestampMs);
    member.maxScore = Math.max(member.maxScore, anomaly.score);
    if (level(anomaly.severity) > level(member.severity)) member.severity = anomaly.severity;
  } else {
    members.push({
      signal: anomaly.signal,
      service: anomaly.service,
      anomalies: 1,
      firstAnomalyMs: anomaly.timestampMs,
      maxScore: anomaly.score,
      severity: anomaly.severity,
    });
  }
  return { ...incident, members, lastAnomalyMs: Math.max(incident.lastAnomalyMs, anomaly.timestampMs) };
}

function joins(incident: GroupedIncident, anomaly: GroupedAnomaly, params: GroupingParams): boolean {
  const { signal, service } = anomaly;
  if (incident.members.some((m) => m.signal === signal && m.service === service)) return true;
  if (anomaly.timestampMs > incident.lastAnomalyMs + params.windowMs) return false;
  const related = params.related;
  return !related || incident.members.some((m) => m.service === service || related(m.service, service));
}

function opensIncident(pool: readonly GroupedAnomaly[], params: GroupingParams): boolean {
  return pool.length >= params.minAnomalies || pool.some((a) => level(a.severity) >= level(params.openAt));
}

/** The pool's anomalies that belong with `seed`: within the window of it, and related. */
function poolGroup(pool: readonly GroupedAnomaly[], seed: GroupedAnomaly, params: GroupingParams) {
  const related = params.related;
  return pool.filter(
    (a) =>
      Math.abs(a.timestampMs - seed.timestampMs) <= params.windowMs &&
      (!related || a.service === seed.service || related(a.service, seed.service)),
  );
}

export function groupAnomalies(
  state: GroupingState,
  anomalies: readonly GroupedAnomaly[],
  nowMs: number,
  params: GroupingParams,
): GroupingOutcome {
  const open = [...state.open];
  const added = new Map<GroupedIncident, GroupedAnomaly[]>();
  const track = (before: GroupedIncident, after: GroupedIncident, gained: GroupedAnomaly[]) => {
    open[open.indexOf(before)] = after;
    added.set(after, [...(added.get(before) ?? []), ...gained]);
    added.delete(before);
  };
  // Anomalies older than the quiet period (a catch-up after an outage) would open an
  // incident that is already over: they stay anomalies.
  let pool = [...state.pool, ...anomalies]
    .filter((a) => a.timestampMs > nowMs - params.quietMs)
    .sort((a, b) => a.timestampMs - b.timestampMs);

  const waiting: GroupedAnomaly[] = [];
  for (const anomaly of pool) {
    const incident = open.filter((i) => joins(i, anomaly, params)).at(-1);
    if (incident) track(incident, addMember(incident, anomaly), [anomaly]);
    else waiting.push(anomaly);
  }
  pool = waiting;
  for (const seed of [...pool]) {
    if (!pool.includes(seed)) continue;
    const group = poolGroup(pool, seed, params);
    if (!opensIncident(group, params)) continue;
    const start = Math.min(...group.map((a) => a.timestampMs));
    const empty: GroupedIncident = {
      id: null,
      openedAtMs: start,
      lastAnomalyMs: start,
      resolvedAtMs: null,
      members: [],
    };
    const incident = group.reduce(addMember, empty);
    open.push(incident);
    added.set(incident, group);
    pool = pool.filter((a) => !group.includes(a));
  }

  const stillOpen: GroupedIncident[] = [];
  for (const incident of open) {
    if (nowMs - incident.lastAnomalyMs < params.quietMs) {
      stillOpen.push(incident);
      continue;
    }
    const resolved = { ...incident, resolvedAtMs: nowMs };
    added.set(resolved, added.get(incident) ?? []);
    added.delete(incident);
  }
  // Incidents touched this step are fresh copies: setting their roots changes no input.
  const calls = params.calls;
  if (calls)
    for (const incident of added.keys())
      incident.roots = rootsOf(
        incident.members.map((m) => m.service),
        calls,
      );
  return {
    state: { open: stillOpen, pool: pool.filter((a) => a.timestampMs > nowMs - params.windowMs) },
    changed: [...added].map(([incident, gained]) => ({ incident, added: gained })),
  };
}
