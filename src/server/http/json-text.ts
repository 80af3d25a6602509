/**
 * JSON answers written once and sent many times (a kept page): the text is made exactly as Fastify makes
 * a route's answer (encoded through the response schema, so it is checked against the contract, then
 * `JSON.stringify`), and sent as it is.
 */
import type { FastifyReply } from 'fastify';
import { z } from 'zod';

export function jsonOf<S extends z.ZodType>(schema: S, value: z.output<S>): string {
  return JSON.stringify(z.encode(schema, value));
}

/** Fastify passes a string with a JSON content type through without serializing it again. */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
