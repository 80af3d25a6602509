/**
 * What the benchmark's child processes (dataset seeder, app server, ceiling server, scoring) share: which
 * database to use, how to tell the parent they are ready, and how to stop cleanly.
 *
 * The parent (scripts/bench.mjs) passes the database in the environment:
 * - BENCH_DB=postgres and BENCH_DATABASE_URL: a Postgres server, shared by every child;
 * - BENCH_DB=pglite and BENCH_PGLITE_DUMP: a dump of the seeded PGlite data directory; each child loads
 *   its own in-memory copy (PGlite lives inside one process).
 */
import { readFileSync } from 'node:fs';

export type BenchDatabase = { kind: 'postgres'; url: string } | { kind: 'pglite'; dumpFile: string };

export function benchDatabaseFromEnv(env: NodeJS.ProcessEnv = process.env): BenchDatabase {
  if (env.BENCH_DB === 'postgres' && env.BENCH_DATABASE_URL) return { kind: 'postgres', url: env.BENCH_DATABASE_URL };
  if (env.BENCH_DB === 'pglite' && env.BENCH_PGLITE_DUMP) return { kind: 'pglite', dumpFile: env.BENCH_PGLITE_DUMP };
  throw new Error('Set BENCH_DB=postgres with BENCH_DATABASE_URL, or BENCH_DB=pglite with BENCH_PGLITE_DUMP');
}

export function readDump(file: string): Blob {
  return new Blob([readFileSync(file)]);
}

export type ChildMessage = { type: 'ready'; port: number } | { type: 'seeded'; summary: unknown } | { type: 'scored'; summary: unknown };

/** Sends a message on the IPC channel (or prints it when run by hand); resolves once it is written. */
export function tellParent(message: ChildMessage): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      console.log(JSON.stringify(message));
      resolve();
      return;
    }
    process.send(message, undefined, undefined, (err: Error | null) => (err ? reject(err) : resolve()));
  });
}

/**
 * Runs `stop` once on SIGTERM/SIGINT, or when the parent goes away (IPC channel closed), then exits:
 * a crashed parent never leaves a server running.
 */
export function stopOn(stop: () => Promise<void>): void {
  let stopping = false;
  const run = () => {
    if (stopping) return;
    stopping = true;
    const timer = setTimeout(() => process.exit(1), 5_000);
    timer.unref();
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', run);
  process.once('SIGINT', run);
  process.once('disconnect', run);
}

/** Prints the error (stderr is the parent's) and exits non-zero; the parent reports the exit. */
export function failAndExit(err: unknown): never {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
}
