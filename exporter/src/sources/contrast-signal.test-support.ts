/** The error-ratio signal the label-breakdown tests share, broken down by `contrastBy`. */
import { signalSchema } from '../config/schema.js';

export const errorRatioSignal = (contrastBy: string[]) =>
  signalSchema.parse({
    name: 'error_ratio',
    type: 'ratio',
    numerator: 'http_requests_total{code=~"5.."}',
    denominator: 'http_requests_total',
    contrastBy,
  });
