// ml-isolation-forest ships no types; this is the part Omen uses (STACK.md: a named export).
declare module 'ml-isolation-forest' {
  export class IsolationForest {
    constructor(options?: { nEstimators?: number });
    train(trainingSet: number[][]): void;
    /** Anomaly scores in (0, 1): near 1 isolated fast (anomalous), about 0.5 or less normal. */
    predict(data: number[][]): number[];
  }
}
