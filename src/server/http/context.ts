/**
 * What a service needs to know about the request it serves: the database, who acts, and where the
 * request came from (for the audit log). Services never see Fastify.
 */
import type { FastifyRequest } from 'fastify';
import type { Actor } from '#domain/access/roles.ts';
import type { Db } from '#server/db/client.ts';
import { AppError } from './app-error.ts';

export interface SessionActor extends Actor {
  username: string;
  displayName: string;
  sessionId: string;
}

export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface ServiceContext {
  db: Db;
  actor: SessionActor;
  origin: RequestOrigin;
  now: Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: SessionActor | null;
  }
}

export function originOf(request: FastifyRequest): RequestOrigin {
  const ua = request.headers['user-agent'];
  return { ip: request.ip ?? null, userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null, requestId: request.id };
}

/** The context of an authenticated request; the access check has already refused anonymous callers. */
export function serviceContext(request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return { db: request.server.db, actor: request.actor, origin: originOf(request), now: new Date() };
}
