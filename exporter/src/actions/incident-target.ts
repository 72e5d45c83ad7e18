/**
 * Incidents as action targets: the symptom series first (what the incident is named
 * after), then its other member series; an acknowledgement covers its member anomalies;
 * its latest root-cause analysis ranks the actions recommended for it.
 */
import type { IncidentStore } from '../store/store.js';
import type { TargetResolver } from './target.js';

export function incidentTargets(
  store: Pick<IncidentStore, 'getIncident' | 'incidentAnomalies' | 'readIncidentAnalyses'>,
): TargetResolver {
  return {
    async resolve(ref) {
      if (!/^\d{1,18}$/.test(ref.id)) return undefined;
      const incident = await store.getIncident(ref.id);
      if (!incident) return undefined;
      const { symptom } = incident;
      const others = incident.series.filter(
        (series) => series.signal !== symptom.signal || series.service !== symptom.service,
      );
      const anomalies = await store.incidentAnomalies(ref.id);
      const [analysis] = await store.readIncidentAnalyses([ref.id]);
      return {
        ...ref,
        series: [symptom, ...others].map(({ signal, service }) => ({ signal, service })),
        anomalyIds: anomalies.map((anomaly) => anomaly.id),
        causes: (analysis?.causes ?? []).map(({ signal, service, score }) => ({ signal, service, score })),
      };
    },
  };
}
