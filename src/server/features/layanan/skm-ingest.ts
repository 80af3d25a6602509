/**
 * Group commit of citizens' survey answers. A busy counter's kiosks and the phones scanning its QR
 * poster send answers by the hundreds a second; written one by one, each answer would pay for its own
 * round trips, plan and commit. Here the answers that arrive while the previous write is running wait
 * a few milliseconds and are then written together: one statement, one commit, and each answer is
 * acknowledged only after that commit.
 *
 * The statement does everything one answer needs, for every answer of the batch at once: checks that
 * the service still takes answers in the period the caller found for it (the caller may have
 * remembered it for a few seconds), that the device has not answered the service within the period's
 * interval (earlier answers and earlier ones in the same batch), claims the idempotency receipt with
 * the answer's id already in it, stores the answer, and adds the batch's sums to one tally shard per
 * service. A refused answer writes nothing, not even its receipt.
 *
 * No imports beyond Node: the benchmark's bare ceiling server runs this very statement and queue.
 */

/** One answer as the statement takes it (one element of the JSON array `$1`). */
export interface IngestRow {
  /** Position in the batch: the earlier of two answers from one device wins. */
  i: number;
  /** Chosen by the caller, so the receipt can hold it before the answer row exists. */
  id: string;
  /** The idempotency receipt's route and key hash; null without a key. */
  scope: string | null;
  key_hash: string | null;
  service_id: string;
  period_id: string;
  region_code: string;
  device_hash: string | null;
  /** The tally row the answer adds to; the same for every answer of one service in a batch. */
  shard: number;
  u1: number | null;
  u2: number | null;
  u3: number | null;
  u4: number | null;
  u5: number | null;
  u6: number | null;
  u7: number | null;
  u8: number | null;
  u9: number | null;
  gender: string | null;
  age_group: string | null;
  education: string | null;
  occupation: string | null;
  vulnerable: string | null;
  service_date: string | null;
  suggestion: string | null;
  channel: string;
}

/** What the statement says of each answer (`i` as sent). */
export interface IngestResultRow {
  i: number;
  stored: boolean;
  /** The service is active and the period still open for it today. */
  on_target: boolean;
  /** The device answered this service within the interval (or earlier in the batch). */
  too_soon: boolean;
  interval_hours: number | null;
}

/**
 * Parameters: `$1` the batch (JSON array of IngestRow), `$2` today in WIB, `$3` hours a receipt answers
 * retries, `$4` minutes after which an unfinished receipt is given up.
 * Tally rows and receipts are written in key order, so two batches running at once never wait on
 * each other in a cycle.
 */
export const INGEST_SQL = `
with input as (
  select * from jsonb_to_recordset($1::jsonb) as x(i int, id uuid, scope text, key_hash text, service_id uuid, period_id uuid, region_code text,
    device_hash text, shard int, u1 int, u2 int, u3 int, u4 int, u5 int, u6 int, u7 int, u8 int, u9 int, gender text, age_group text,
    education text, occupation text, vulnerable text, service_date date, suggestion text, channel text)
), allowed as (
  select x.i, p.device_interval_hours as interval_hours,
    (p.device_interval_hours > 0 and x.device_hash is not null and (
      row_number() over (partition by x.service_id, x.device_hash order by x.i) > 1
      or exists (select 1 from skm_responses r where r.service_id = x.service_id and r.device_hash = x.device_hash
        and r.created_at > now() - make_interval(hours => p.device_interval_hours)))) as too_soon
  from input x
  join services s on s.id = x.service_id and s.region_code = x.region_code and s.is_active
  join skm_periods p on p.id = x.period_id and p.region_code = x.region_code and p.status = 'dibuka'
    and p.starts_on <= $2::date and p.ends_on >= $2::date
  where p.all_services or exists (select 1 from skm_period_services ps where ps.period_id = p.id and ps.service_id = x.service_id)
), claimed as (
  insert into public_write_receipts (scope, key_hash, status, body)
  select x.scope, x.key_hash, 201, jsonb_build_object('id', x.id)
  from input x join allowed a on a.i = x.i and not a.too_soon
  where x.key_hash is not null
  order by x.scope, x.key_hash
  on conflict (scope, key_hash) do update set status = excluded.status, body = excluded.body, created_at = now()
  where public_write_receipts.created_at < now() - make_interval(hours => $3::int)
    or (public_write_receipts.status is null and public_write_receipts.created_at < now() - make_interval(mins => $4::int))
  returning scope, key_hash
), answer as (
  insert into skm_responses (id, region_code, period_id, service_id, u1, u2, u3, u4, u5, u6, u7, u8, u9,
    gender, age_group, education, occupation, vulnerable, service_date, suggestion, channel, device_hash)
  select x.id, x.region_code, x.period_id, x.service_id, x.u1, x.u2, x.u3, x.u4, x.u5, x.u6, x.u7, x.u8, x.u9,
    x.gender, x.age_group, x.education, x.occupation, x.vulnerable, x.service_date, x.suggestion, x.channel, x.device_hash
  from input x join allowed a on a.i = x.i and not a.too_soon
  where x.key_hash is null or (x.scope, x.key_hash) in (select scope, key_hash from claimed)
  returning id
), tally as (
  insert into skm_tallies (period_id, service_id, shard, responses, s1, s2, s3, s4, s5, s6, s7, s8, s9, c1, c2, c3, c4, c5, c6, c7, c8, c9)
  select x.period_id, x.service_id, x.shard, count(*),
    coalesce(sum(x.u1), 0), coalesce(sum(x.u2), 0), coalesce(sum(x.u3), 0), coalesce(sum(x.u4), 0), coalesce(sum(x.u5), 0),
    coalesce(sum(x.u6), 0), coalesce(sum(x.u7), 0), coalesce(sum(x.u8), 0), coalesce(sum(x.u9), 0),
    count(x.u1), count(x.u2), count(x.u3), count(x.u4), count(x.u5), count(x.u6), count(x.u7), count(x.u8), count(x.u9)
  from input x where x.id in (select id from answer)
  group by x.period_id, x.service_id, x.shard
  order by x.period_id, x.service_id, x.shard
  on conflict (period_id, service_id, shard) do update set
    responses = skm_tallies.responses + excluded.responses,
    s1 = skm_tallies.s1 + excluded.s1, s2 = skm_tallies.s2 + excluded.s2, s3 = skm_tallies.s3 + excluded.s3,
    s4 = skm_tallies.s4 + excluded.s4, s5 = skm_tallies.s5 + excluded.s5, s6 = skm_tallies.s6 + excluded.s6,
    s7 = skm_tallies.s7 + excluded.s7, s8 = skm_tallies.s8 + excluded.s8, s9 = skm_tallies.s9 + excluded.s9,
    c1 = skm_tallies.c1 + excluded.c1, c2 = skm_tallies.c2 + excluded.c2, c3 = skm_tallies.c3 + excluded.c3,
    c4 = skm_tallies.c4 + excluded.c4, c5 = skm_tallies.c5 + excluded.c5, c6 = skm_tallies.c6 + excluded.c6,
    c7 = skm_tallies.c7 + excluded.c7, c8 = skm_tallies.c8 + excluded.c8, c9 = skm_tallies.c9 + excluded.c9
)
select x.i, x.id in (select id from answer) as stored, a.i is not null as on_target,
  coalesce(a.too_soon, false) as too_soon, a.interval_hours
from input x left join allowed a on a.i = x.i`;

/** The receipt of a key whose answer was not stored: a retry of an earlier answer gets that answer again. `$1` scope, `$2` key hash. */
export const RECEIPT_LOOKUP_SQL = 'select status, body from public_write_receipts where scope = $1 and key_hash = $2';

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

export interface GroupCommitOptions {
  /** Answers per statement at most; more wait for the next one. */
  maxBatch: number;
  /** Statements running at once (each on its own connection). */
  maxInFlight: number;
}

/**
 * One statement at a time: the answers arriving meanwhile make the next batch bigger (measured: about
 * half the connections' answers per batch, and less database time per answer than two smaller batches
 * at once), and batches of one process never wait for each other's tally rows.
 */
export const INGEST_OPTIONS: GroupCommitOptions = { maxBatch: 256, maxInFlight: 1 };

interface Waiting<T, R> {
  item: T;
  resolve: (value: R) => void;
  reject: (error: unknown) => void;
}

/**
 * A queue that hands its items to `write` in batches: whatever waited while earlier batches were being
 * written goes out in the next one. No timer: an item alone on an idle server is written at once (after
 * the current turn of the event loop, so items that arrived together travel together). `write` settles
 * each item of its batch; when it throws, the batch is written again one item at a time, so one bad item
 * fails alone and the others are not lost.
 */
export class GroupCommit<T, R> {
  private readonly waiting: Array<Waiting<T, R>> = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly write: (items: readonly T[]) => Promise<Array<Settled<R>>>,
    private readonly options: GroupCommitOptions = INGEST_OPTIONS,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.options.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.waiting.length > 0 && this.inFlight < this.options.maxInFlight) {
        const batch = this.waiting.splice(0, this.options.maxBatch);
        this.inFlight++;
        void this.run(batch).finally(() => {
          this.inFlight--;
          this.schedule();
        });
      }
    });
  }

  private async run(batch: Array<Waiting<T, R>>): Promise<void> {
    try {
      settle(batch, await this.write(batch.map((w) => w.item)));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      for (const one of batch) {
        try {
          settle([one], await this.write([one.item]));
        } catch (alone) {
          one.reject(alone);
        }
      }
    }
  }
}

function settle<T, R>(batch: Array<Waiting<T, R>>, results: Array<Settled<R>>): void {
  batch.forEach((w, n) => {
    const result = results[n];
    if (result === undefined) w.reject(new Error('the batch write gave no result for an item'));
    else if (result.ok) w.resolve(result.value);
    else w.reject(result.error);
  });
}
