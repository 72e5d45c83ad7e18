/**
 * Text kept gzipped as it is written, for the per-series part of /metrics. 10 000 series
 * make tens of megabytes of exposition text; held as UTF-8 until a scrape, that text was
 * the largest single thing in the process, and each cycle's replaced copy stayed resident
 * until a full collection (two of them at a time, measured by test/bench/pipeline.ts).
 *
 * Lines are encoded into one buffer of MEMBER_TEXT_BYTES; when it fills, it is compressed
 * into a gzip member of its own and reused. RFC 1952 lets members follow one another, and
 * every gzip reader (Go's, curl's, Node's) decodes them as one body. A member of 256 KiB of
 * text compresses as well as the whole would: deflate only looks 32 KiB back.
 */
import { constants, gunzipSync, gzipSync, type ZlibOptions } from 'node:zlib';

// Level 1: the text is so repetitive that higher levels buy a few percent of size for
// several times the CPU (measured by test/bench/pipeline.ts).
const GZIP_OPTIONS: ZlibOptions = { level: constants.Z_BEST_SPEED };

export const MEMBER_TEXT_BYTES = 256 * 1024;

/** Exposition text as consecutive gzip members, and how many bytes it has uncompressed. */
export interface GzippedText {
  members: readonly Buffer[];
  /** Bytes of the text itself (a scraper that does not take gzip is sent this many). */
  length: number;
}

export class GzipMembers {
  private readonly members: Buffer[] = [];
  private text: Buffer | undefined;
  private used = 0;
  private length = 0;

  write(text: string): void {
    // A UTF-16 unit is at most 3 bytes of UTF-8: then the text surely fits.
    const room = text.length * 3;
    if (this.text !== undefined && this.text.length - this.used < room) this.seal();
    if (this.text === undefined || this.text.length < room) {
      this.text = Buffer.allocUnsafeSlow(Math.max(MEMBER_TEXT_BYTES, room));
    }
    this.used += this.text.write(text, this.used, 'utf8');
  }

  /** Compresses what is buffered and hands back every member; nothing is written after. */
  finish(): GzippedText {
    this.seal();
    this.text = undefined;
    return { members: this.members, length: this.length };
  }

  private seal(): void {
    if (this.used === 0) return;
    this.members.push(gzipSync((this.text as Buffer).subarray(0, this.used), GZIP_OPTIONS));
    this.length += this.used;
    this.used = 0;
  }
}

/** `text` as one member (for tests and small bodies). */
export function gzipText(text: string): GzippedText {
  const members = new GzipMembers();
  members.write(text);
  return members.finish();
}

/** Joins gzipped texts, in order, into one. */
export function concatGzipped(parts: readonly GzippedText[]): GzippedText {
  return {
    members: parts.flatMap((part) => part.members),
    length: parts.reduce((sum, part) => sum + part.length, 0),
  };
}

/** The whole text (for tests and tools, not for scrapes: they stream it). */
export function gunzipText({ members }: GzippedText): string {
  return members.length === 0 ? '' : gunzipSync(Buffer.concat(members)).toString('utf8');
}
