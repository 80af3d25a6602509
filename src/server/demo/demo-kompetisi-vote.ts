/**
 * Demo: the public vote of Pangkalpinang's "Lomba Inovasi Daerah 2025", closed before the penetapan,
 * 20 % of the final score, counts shown at close. Each finalist has a stable number of votes spread over
 * October 2025; one burst from a single network was flagged and voided by the committee, so the admin's
 * panel shows what a void looks like. Addresses are demo hashes: no real address is behind them.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '#server/db/client.ts';
import { competitionVoteSettings, competitionVotes } from '#server/db/schema.ts';

const REGION = '19.71';
const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const stable = (text: string) => hash(text).slice(0, 8);

export async function seedDemoLombaVote(tx: Tx, competitionId: string, entryIds: string[]): Promise<void> {
  await tx.insert(competitionVoteSettings).values({
    competitionId,
    regionCode: REGION,
    opensAt: new Date('2025-10-01T08:00:00+07:00'),
    closesAt: new Date('2025-10-31T23:59:00+07:00'),
    sharePercent: '20',
    showLive: false,
    finalistMode: 'remaining',
  });
  const start = Date.parse('2025-10-01T08:00:00+07:00');
  const month = 30 * 86_400_000;
  const rows: (typeof competitionVotes.$inferInsert)[] = [];
  entryIds.forEach((entryId, e) => {
    const n = 8 + (Number.parseInt(stable(`votes-${e}`), 16) % 55);
    for (let k = 0; k < n; k++) {
      const seed = Number.parseInt(stable(`vote-${e}-${k}`), 16);
      rows.push({
        regionCode: REGION,
        competitionId,
        entryId,
        emailHash: hash(`demo-voter-${e}-${k}`),
        addressPrefix: `36.${80 + (seed % 12)}.${seed % 250}.0/24`,
        confirmedAt: new Date(start + (seed % month)),
      });
    }
  });
  // Seven votes within five minutes from one network for the first finalist: flagged, then voided.
  const burstAt = Date.parse('2025-10-14T21:10:00+07:00');
  for (let k = 0; k < 7; k++) {
    rows.push({
      regionCode: REGION,
      competitionId,
      entryId: entryIds[0] ?? '',
      emailHash: hash(`demo-burst-${k}`),
      addressPrefix: '114.125.7.0/24',
      confirmedAt: new Date(burstAt + k * 40_000),
      voidedAt: new Date('2025-11-01T09:00:00+07:00'),
      voidReason: 'Lonjakan tujuh suara dalam lima menit dari satu jaringan (demo).',
    });
  }
  await tx.insert(competitionVotes).values(rows);
}
