/**
 * The counter kiosk's outbox. Every answer gets its own idempotency key when the citizen sends it and
 * waits in localStorage (one queue per service) until the server has it, so a tablet that loses its
 * connection keeps taking answers and sends them when it is back, each counted once: a retry of an
 * answer the server already stored (the reply was lost) is answered with the stored result.
 */
import { publicServiceDetail } from '#shared/api/services.ts';
import { type ApiError, isApiError } from '../../api/http.ts';
import { type PublicServiceDetail, type PublicWriteResult, randomId, type SkmAnswerInput } from '../../api/portal.api.ts';

export interface QueuedAnswer {
  key: string;
  body: SkmAnswerInput;
  createdAt: string;
}

const queueKey = (serviceId: string) => `sinergi.kiosk.queue.${serviceId}`;
const questionnaireKey = (serviceId: string) => `sinergi.kiosk.service.${serviceId}`;

export function readQueue(serviceId: string): QueuedAnswer[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(queueKey(serviceId)) ?? '[]');
    return Array.isArray(parsed) ? (parsed as QueuedAnswer[]).filter((a) => typeof a?.key === 'string' && typeof a.body === 'object') : [];
  } catch {
    return [];
  }
}

function writeQueue(serviceId: string, items: QueuedAnswer[]): void {
  if (items.length === 0) window.localStorage.removeItem(queueKey(serviceId));
  else window.localStorage.setItem(queueKey(serviceId), JSON.stringify(items));
}

/** Puts an answer in the outbox with a fresh idempotency key; it stays there until the server has it. */
export function enqueue(serviceId: string, body: SkmAnswerInput): QueuedAnswer {
  const item = { key: randomId(), body, createdAt: new Date().toISOString() };
  writeQueue(serviceId, [...readQueue(serviceId), item]);
  return item;
}

function remove(serviceId: string, key: string): void {
  writeQueue(
    serviceId,
    readQueue(serviceId).filter((a) => a.key !== key),
  );
}

/**
 * Whether a failed send is worth trying again: no connection, a server or proxy failure, the same
 * answer still being processed (409) or the address's rate limit (429). Any other refusal (the
 * answer itself is wrong, the service is gone) will not change by retrying.
 */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 409 || error.status === 429;
}

export interface FlushResult {
  sent: number;
  dropped: { count: number; error: ApiError | null };
  remaining: number;
}

const inFlight = new Map<string, Promise<FlushResult>>();

/**
 * Sends the waiting answers oldest first and stops at the first one that should be retried later (no
 * connection: the rest would fail the same way). Only one flush per service runs at a time.
 */
export function flushQueue(serviceId: string, send: (item: QueuedAnswer) => Promise<PublicWriteResult<unknown>>): Promise<FlushResult> {
  const running = inFlight.get(serviceId);
  if (running) return running;
  const run = (async () => {
    let sent = 0;
    let droppedCount = 0;
    let droppedError: ApiError | null = null;
    for (const item of readQueue(serviceId)) {
      try {
        await send(item);
        // A replayed answer was stored by an earlier attempt: it is sent all the same.
        remove(serviceId, item.key);
        sent += 1;
      } catch (error) {
        if (isApiError(error) && error.code === 'UNEXPECTED_RESPONSE' && error.status >= 200 && error.status < 300) {
          remove(serviceId, item.key);
          sent += 1;
          continue;
        }
        if (isRetryable(error)) break;
        remove(serviceId, item.key);
        droppedCount += 1;
        droppedError = isApiError(error) ? error : null;
      }
    }
    return { sent, dropped: { count: droppedCount, error: droppedError }, remaining: readQueue(serviceId).length };
  })();
  inFlight.set(serviceId, run);
  void run.finally(() => inFlight.delete(serviceId));
  return run;
}

/** The questionnaire as last loaded, so a kiosk that reloads without a connection still shows it. */
export function cacheQuestionnaire(service: PublicServiceDetail): void {
  try {
    window.localStorage.setItem(questionnaireKey(service.id), JSON.stringify(service));
  } catch {
    // Storage full: the kiosk still works until it reloads.
  }
}

export function cachedQuestionnaire(serviceId: string): PublicServiceDetail | null {
  try {
    const text = window.localStorage.getItem(questionnaireKey(serviceId));
    if (!text) return null;
    const parsed = publicServiceDetail.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
