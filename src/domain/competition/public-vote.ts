/**
 * The public vote's pure rules: what counts as one e-mail address (one vote per person), the network
 * prefix a vote is grouped by, which votes look like a burst, and how the vote's share turns the
 * stages' weights into the engine's combination (final = (1 − share) × stages + share × vote).
 */
import { Ratio } from '#domain/scoring/decimal.ts';

/** Providers that ignore dots in the local part and everything after a plus. */
const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

/**
 * One address per person: lowercase and trimmed; at Gmail the dots and a `+tag` of the local part are
 * dropped (they reach the same inbox), and googlemail.com is gmail.com.
 */
export function normaliseEmail(email: string): string {
  const lower = email.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return lower;
  let local = lower.slice(0, at);
  let domain = lower.slice(at + 1);
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    local = (local.split('+')[0] ?? '').replaceAll('.', '');
  }
  return `${local}@${domain}`;
}

/** The network a client address belongs to: an IPv4 /24 (a.b.c.*) or the first three IPv6 groups (/48). */
export function addressPrefix(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    const groups = ip.toLowerCase().split('::')[0]?.split(':') ?? [];
    return `${groups.slice(0, 3).join(':')}::/48`;
  }
  return 'unknown';
}

/** The burst rule's settings: a window, and how many confirmed votes for one entry in it are too many. */
export const BURST_RULE = {
  windowMinutes: 10,
  /** More than this many votes for one entry from one network prefix within the window. */
  perPrefix: 5,
  /** More than this many votes for one entry from anywhere within the window (a spike). */
  spike: 30,
} as const;

export type VoteForBurst = { id: string; entryId: string; addressPrefix: string; confirmedAt: Date };
export type BurstReason = 'prefix' | 'spike';

/**
 * Flags every vote that falls in a window of `windowMinutes` holding more than `perPrefix` votes for
 * the same entry from the same prefix, or more than `spike` votes for the same entry from anywhere.
 * Returns vote id → reasons. Voided votes should be left out by the caller.
 */
export function flagBursts(votes: readonly VoteForBurst[], rule: typeof BURST_RULE = BURST_RULE): Map<string, BurstReason[]> {
  const windowMs = rule.windowMinutes * 60_000;
  const flags = new Map<string, BurstReason[]>();
  const mark = (group: VoteForBurst[], limit: number, reason: BurstReason) => {
    const sorted = [...group].sort((a, b) => a.confirmedAt.getTime() - b.confirmedAt.getTime());
    let start = 0;
    for (let end = 0; end < sorted.length; end++) {
      const endAt = sorted[end]?.confirmedAt.getTime() ?? 0;
      while ((sorted[start]?.confirmedAt.getTime() ?? 0) <= endAt - windowMs) start++;
      if (end - start + 1 > limit) {
        for (let i = start; i <= end; i++) {
          const vote = sorted[i];
          if (!vote) continue;
          const reasons = flags.get(vote.id) ?? [];
          if (!reasons.includes(reason)) flags.set(vote.id, [...reasons, reason]);
        }
      }
    }
  };
  const byEntry = new Map<string, VoteForBurst[]>();
  const byPrefix = new Map<string, VoteForBurst[]>();
  for (const v of votes) {
    byEntry.set(v.entryId, [...(byEntry.get(v.entryId) ?? []), v]);
    const key = `${v.entryId}\n${v.addressPrefix}`;
    byPrefix.set(key, [...(byPrefix.get(key) ?? []), v]);
  }
  for (const group of byPrefix.values()) mark(group, rule.perPrefix, 'prefix');
  for (const group of byEntry.values()) mark(group, rule.spike, 'spike');
  return flags;
}

/**
 * The stages' weights (adding up to 100) scaled to leave the vote its share, so the engine's
 * Σ weight × score / 100 + share × voteScore / 100 is (1 − share) × the stages' score + share × the vote score.
 */
export function weightsWithVoteShare(weights: readonly string[], sharePercent: string): string[] {
  const hundred = Ratio.int(100);
  const rest = hundred.sub(Ratio.from(sharePercent)).div(hundred);
  return weights.map((w) => Ratio.from(w).mul(rest).toPlain(12));
}

/** Each entry's vote score as the final ranking uses it: votes ÷ the most votes × 100, half-up to 2 places (0 when nobody voted). */
export function voteScores(counts: Readonly<Record<string, number>>, entryIds: readonly string[]): Record<string, string> {
  const most = Math.max(0, ...entryIds.map((id) => counts[id] ?? 0));
  return Object.fromEntries(
    entryIds.map((id) => [
      id,
      most === 0
        ? '0.00'
        : Ratio.int(counts[id] ?? 0)
            .mul(Ratio.int(100))
            .div(Ratio.int(most))
            .roundHalfUp(2)
            .toFixed(2),
    ]),
  );
}

/** A stored percent ("20.00") as people read it ("20", "12.5"). */
export function plainPercent(text: string): string {
  return Ratio.from(text).toPlain(2);
}
