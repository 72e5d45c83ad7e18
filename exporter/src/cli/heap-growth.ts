/**
 * The exporter lets V8's old generation grow to 1.5 times what a full collection left live,
 * not to the up to 4 times V8 allows a process on a machine with gigabytes to spare. A cycle
 * leaves tens of MiB in the old generation that die soon after (its reads, scores and saved
 * states outlive two scavenges), and with V8's own factor 10 000 series ran with 200–370 MiB
 * of heap committed for ~120 MiB live (test/bench/pipeline.ts). What it costs is a
 * mark-compact (~5–15 ms, marked concurrently) every cycle or two instead of every few.
 *
 * Set from inside because NODE_OPTIONS refuses this V8 flag, and `omen serve` is started by
 * the image, the compose file, a unit file or by hand. V8 reads the flag each time it sets
 * the heap's next limit, so setting it before the first cycle is enough.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
