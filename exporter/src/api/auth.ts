/**
 * Bearer tokens and roles (DESIGN Decision 9). With tokens configured every /api/v1 call
 * needs one: `viewer` reads, `operator` also acts (ack, feedback, actions), `admin` also
 * retrains and triggers analysis (and may push), `ingest` may only push. Without tokens the
 * API is open. Tokens are read once at start-up from files or the environment, kept only
 * as SHA-256 digests, compared in constant time, and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RequestHandler, Response } from 'express';
import type { AuthConfig, Role } from '../config/schema.js';
import { ApiError } from './errors.js';

export type Permission = 'read' | 'operate' | 'administer' | 'ingest';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  operator: ['read', 'operate'],
  admin: ['read', 'operate', 'administer', 'ingest'],
  ingest: ['ingest'],
};

/** Who made a request, kept for the audit trail of state-changing calls. */
export interface Actor {
  /** `anonymous` when no tokens are configured (the API is open). */
  role: Role | 'anonymous';
  /** Which configured token (`auth.tokens[2]`), never the token itself; for rate limits and audit. */
  tokenId: string | undefined;
  /** The Grafana user the plugin's proxy names (X-Grafana-User): recorded, not trusted for access. */
  user: string | undefined;
}

const MIN_TOKEN_LENGTH = 16;

interface TokenEntry {
  id: string;
  role: Role;
  digest: Buffer;
}

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

export class ApiTokens {
  private constructor(
    private readonly entries: readonly TokenEntry[],
    private readonly equal: (a: Buffer, b: Buffer) => boolean = timingSafeEqual,
  ) {}

  static none(): ApiTokens {
    return new ApiTokens([]);
  }

  /**
   * Reads every configured token; a missing, empty, short or repeated one stops start-up.
   * `equal` is only for a test that checks the comparison is the constant-time one.
   */
  static load(
    auth: AuthConfig,
    env: NodeJS.ProcessEnv,
    equal: (a: Buffer, b: Buffer) => boolean = timingSafeEqual,
  ): ApiTokens {
    const entries = auth.tokens.map((token, index): TokenEntry => {
      const id = `auth.tokens[${index}]`;
      const value = readToken(token, id, env);
      if (value.length < MIN_TOKEN_LENGTH) {
        throw new Error(`${id}: the token is shorter than ${MIN_TOKEN_LENGTH} characters`);
      }
      return { id, role: token.role, digest: digestOf(value) };
    });
    entries.forEach((entry, index) => {
      const twin = entries.findIndex((other) => other.digest.equals(entry.digest));
      if (twin !== index) throw new Error(`${entry.id}: the same token as ${entries[twin]!.id}`);
    });
    return new ApiTokens(entries, equal);
  }

  get enabled(): boolean {
    return this.entries.length > 0;
  }

  /**
   * The entry whose token was presented. Digests are equal-length, so timingSafeEqual never
   * leaks the token's length, and every entry is compared so the time does not say which matched.
   */
  match(presented: string): { id: string; role: Role } | undefined {
    const digest = digestOf(presented);
    let found: TokenEntry | undefined;
    for (const entry of this.entries) {
      if (this.equal(entry.digest, digest) && !found) found = entry;
    }
    return found && { id: found.id, role: found.role };
  }
}

function readToken(token: AuthConfig['tokens'][number], id: string, env: NodeJS.ProcessEnv): string {
  if (token.env !== undefined) {
    const value = env[token.env]?.trim();
    if (!value) throw new Error(`${id}.env: the environment variable ${token.env} is not set or empty`);
    return value;
  }
  let text: string;
  try {
    text = readFileSync(token.file!, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Error(`${id}.file: cannot read "${token.file}" (${code})`);
  }
  const value = text.trim();
  if (!value) throw new Error(`${id}.file: "${token.file}" is empty`);
  return value;
}

/** Establishes the actor of every /api/v1 request, or answers 401. */
export function authenticate(tokens: ApiTokens): RequestHandler {
  return (request, response, next) => {
    const user = grafanaUser(request.get('x-grafana-user'));
    if (!tokens.enabled) {
      setActor(response, { role: 'anonymous', tokenId: undefined, user });
      next();
      return;
    }
    const presented = bearerToken(request.get('authorization'));
    const match = presented === undefined ? undefined : tokens.match(presented);
    if (!match) {
      response.set(
        'WWW-Authenticate',
        presented === undefined ? 'Bearer realm="omen"' : 'Bearer realm="omen", error="invalid_token"',
      );
      throw new ApiError(
        401,
        'unauthorized',
        presented === undefined ? 'a bearer token is required' : 'the bearer token is not valid',
      );
    }
    setActor(response, { role: match.role, tokenId: match.id, user });
    next();
  };
}

/** Answers 403 unless the actor's role grants `permission` (everything is granted when the API is open). */
export function requireRole(permission: Permission): RequestHandler {
  return (_request, response, next) => {
    const actor = actorOf(response);
    if (!mayDo(actor, permission)) {
      const roles = Object.entries(GRANTS)
        .filter(([, grants]) => grants.includes(permission))
        .map(([role]) => role);
      throw new ApiError(
        403,
        'forbidden',
        `the ${actor.role} role may not do this; it needs ${roles.join(' or ')}`,
      );
    }
    next();
  };
}

/** Whether the actor's role grants `permission` (everything is granted when the API is open). */
export function mayDo(actor: Actor, permission: Permission): boolean {
  return actor.role === 'anonymous' || GRANTS[actor.role].includes(permission);
}

export function actorOf(response: Response): Actor {
  const actor = response.locals.actor as Actor | undefined;
  // A route mounted without authenticate() must fail closed, never run unauthenticated.
  if (!actor) throw new Error('no actor on the request: authenticate() is not mounted before this route');
  return actor;
}

function setActor(response: Response, actor: Actor): void {
  response.locals.actor = actor;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return match?.[1];
}

/** At most 200 printable characters: it ends up in audit rows. */
function grafanaUser(header: string | undefined): string | undefined {
  const user = header
    ?.trim()
    .replace(/\p{Cc}/gu, '')
    .slice(0, 200);
  return user ? user : undefined;
}
