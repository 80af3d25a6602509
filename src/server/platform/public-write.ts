/**
 * The guard on every endpoint citizens write to without logging in (a satisfaction survey answer, a
 * complaint, an Open311 report): such an endpoint is open to every site and device, so it is also open
 * to bots, floods and a phone on a bad connection sending the same form twice. The guard gives each
 * one the same three defences:
 *
 * - **Rate limit** per client address (`SINERGI_PUBLIC_WRITES_PER_MINUTE`, per instance, like the login limit).
 * - **Idempotency key**: a client may send `Idempotency-Key`; a retry with the same key on the same
 *   route gets the first answer again (with `Idempotent-Replayed: true`) and writes nothing, on every
 *   instance (the receipt is in the database). A retry while the first is still running is 409 (a
 *   route that writes its receipt with its data, `receiptInWrite`, makes the retry wait for that
 *   commit and answers it with the first answer instead).
 *   A refused first attempt keeps no receipt, so the corrected form can be sent with the same key.
 * - **Honeypot**: a form field people never see (`website` by default). A filled one means a bot:
 *   it is answered 202 as if accepted, and nothing is written, so the bot learns nothing.
 *
 * Usage, in a feature's routes: `app.post(url, publicWrite(app, { ...routeOptions }), handler)`.
 */
import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { publicWriteReceipts } from '#server/db/schema.ts';
import { PUBLIC } from '#server/http/access.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';

/** How long a receipt answers retries. */
export const RECEIPT_HOURS = 24;
/** A first attempt that never finished (its instance stopped) is given up after this long. */
export const ABANDONED_MINUTES = 5;
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const DEFAULT_HONEYPOT = 'website';

declare module 'fastify' {
  interface FastifyRequest {
    /** The receipt this request claimed with its idempotency key, finished when the answer is sent. */
    publicWriteReceipt?: string | undefined;
  }
}

export interface PublicWriteOptions {
  /** The honeypot field of the JSON body; false when the body is not a form (a device's report). */
  honeypot?: string | false;
  /** Writes per client address per minute; default `SINERGI_PUBLIC_WRITES_PER_MINUTE`. */
  perMinute?: number;
  /**
   * The route writes its receipt itself, in the same statement as its data (a busy endpoint saves two
   * round trips and two commits per request): it reads the key with `idempotencyKeyOf`, claims the
   * receipt only when it stores the write, and answers a retry from an earlier receipt with
   * `Idempotent-Replayed: true`, as the guard would.
   */
  receiptInWrite?: boolean;
}

const hashOf = (scope: string, key: string) => createHash('sha256').update(`${scope}\n${key}`).digest('hex');
const scopeOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url ?? request.url}`;

/** A filled honeypot: answered as accepted, nothing written. An empty one is removed before validation. */
function checkHoneypot(field: string) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !(field in body)) return;
    const record = body as Record<string, unknown>;
    const value = record[field];
    delete record[field];
    if (typeof value === 'string' && value.trim() === '') return;
    request.log.info({ honeypot: field }, 'public write refused quietly: honeypot filled');
    return reply.status(202).send({ ok: true });
  };
}

/** The request's idempotency key as receipts store it (scope and hash), null without one; a malformed key is refused. */
export function idempotencyKeyOf(request: FastifyRequest): { scope: string; keyHash: string } | null {
  const header = request.headers[IDEMPOTENCY_HEADER];
  if (header === undefined) return null;
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || !KEY_PATTERN.test(key)) {
    throw fieldError(`header.${IDEMPOTENCY_HEADER}`, 'Kunci idempotensi berisi 8 sampai 200 karakter ASCII tanpa spasi');
  }
  const scope = scopeOf(request);
  return { scope, keyHash: hashOf(scope, key) };
}

function claimReceipt(app: FastifyInstance) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const idempotency = idempotencyKeyOf(request);
    if (idempotency === null) return;
    const { scope, keyHash } = idempotency;
    const expired = sql`now() - make_interval(hours => ${RECEIPT_HOURS})`;
    // A first attempt that never finished (its instance stopped) is given up after a few minutes.
    const abandoned = sql`now() - make_interval(mins => ${ABANDONED_MINUTES})`;
    // One statement claims the key, or takes over a receipt old enough to be forgotten.
    const [claimed] = await app.db
      .insert(publicWriteReceipts)
      .values({ scope, keyHash })
      .onConflictDoUpdate({
        target: [publicWriteReceipts.scope, publicWriteReceipts.keyHash],
        set: { status: null, body: null, createdAt: sql`now()` },
        setWhere: or(
          lt(publicWriteReceipts.createdAt, expired),
          and(isNull(publicWriteReceipts.status), lt(publicWriteReceipts.createdAt, abandoned)),
        ),
      })
      .returning({ id: publicWriteReceipts.id });
    if (claimed) {
      request.publicWriteReceipt = claimed.id;
      return;
    }
    const [earlier] = await app.db
      .select({ status: publicWriteReceipts.status, body: publicWriteReceipts.body })
      .from(publicWriteReceipts)
      .where(and(eq(publicWriteReceipts.scope, scope), eq(publicWriteReceipts.keyHash, keyHash)));
    if (!earlier || earlier.status === null) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
    return reply.status(earlier.status).header('idempotent-replayed', 'true').send(earlier.body);
  };
}

/** Keeps the answer of a successful first attempt for its retries; forgets a refused one. */
function finishReceipt(app: FastifyInstance) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const id = request.publicWriteReceipt;
    if (id === undefined) return payload;
    request.publicWriteReceipt = undefined;
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string') {
      let body: unknown = null;
      try {
        body = JSON.parse(payload);
      } catch {
        body = payload;
      }
      await app.db.update(publicWriteReceipts).set({ status: reply.statusCode, body }).where(eq(publicWriteReceipts.id, id));
    } else {
      await app.db.delete(publicWriteReceipts).where(eq(publicWriteReceipts.id, id));
    }
    return payload;
  };
}

/**
 * Route options for a citizens' write endpoint: public, open to other sites (never with a session),
 * rate-limited, honeypot-checked and idempotent. Spread the route's own options (schema, bodyLimit) in.
 */
export function publicWrite<T extends RouteShorthandOptions>(app: FastifyInstance, route: T, options: PublicWriteOptions = {}): T {
  const honeypot = options.honeypot === undefined ? DEFAULT_HONEYPOT : options.honeypot;
  return {
    ...route,
    config: {
      ...route.config,
      access: PUBLIC,
      crossSite: true,
      rateLimit: { max: options.perMinute ?? app.config.publicWritePerMinute, timeWindow: 60_000 },
    },
    ...(honeypot ? { preValidation: checkHoneypot(honeypot) } : {}),
    ...(options.receiptInWrite ? {} : { preHandler: claimReceipt(app), onSend: finishReceipt(app) }),
  };
}
