/**
 * On-demand analysis (POST /api/v1/analysis): run a cycle now — or join the one running —
 * and report what it found, for one service or all. A cycle always collects every source
 * (one scrape serves every service), so the service only narrows the report.
 */
import type { SeriesScore } from '../scores/series-score.js';

export interface AnalysisReport {
  service: string | null;
  series: number;
  anomalous: number;
  warming: number;
  stale: number;
}

export class OnDemandAnalysis {
  constructor(
    private readonly runCycle: () => Promise<void>,
    private readonly latest: { scores: SeriesScore[] },
  ) {}

  knows(service: string): boolean {
    return this.latest.scores.some((score) => score.service === service);
  }

  async run(service: string | undefined): Promise<AnalysisReport> {
    await this.runCycle();
    const scores = this.latest.scores.filter((score) => service === undefined || score.service === service);
    return {
      service: service ?? null,
      series: scores.length,
      anomalous: scores.filter((score) => score.anomaly?.active === true).length,
      warming: scores.filter((score) => score.warming).length,
      stale: scores.filter((score) => score.stale).length,
    };
  }
}
