/**
 * Demo: Kota Pangkalpinang's smart-city councils: the Dewan Smart City (chaired by the mayor, with the
 * regional secretary, the planning agency and outside members from the university and business) and
 * the Tim Pelaksana of the OPD, each formed by an SK and renewed once, with a meeting in 2025 whose
 * follow-ups show the tracking: one done on time, one overdue, one still open. Decree numbers and
 * names are illustrative. Seeded once.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { councilDecrees, councilFollowUps, councilMeetings, councilMembers, councils, users } from '#server/db/schema.ts';

const REGION = '19.71';

type Role = 'ketua' | 'wakil_ketua' | 'sekretaris' | 'anggota' | 'narasumber';

interface DemoMember {
  /** A demo account, or an outside person (name, organisation, position). */
  username?: string;
  name?: string;
  organisation?: string;
  position: string;
  role: Role;
}

interface DemoFollowUp {
  action: string;
  /** The short name of the responsible unit, or the name of a member. */
  unit?: string;
  member?: string;
  dueDate: string;
  doneOn?: string;
}

interface DemoCouncil {
  kind: 'dewan_smart_city' | 'tim_pelaksana';
  name: string;
  description: string;
  decrees: { number: string; decreeDate: string; note: string }[];
  members: DemoMember[];
  meeting: { meetingDate: string; place: string; agenda: string; minutes: string; decisions: string; followUps: DemoFollowUp[] };
}

export const DEMO_COUNCILS: DemoCouncil[] = [
  {
    kind: 'dewan_smart_city',
    name: 'Dewan Smart City Kota Pangkalpinang',
    description: 'Mengarahkan pelaksanaan Masterplan Kota Cerdas 2022–2026 dan menilai capaian quick win.',
    decrees: [
      { number: '188.45/312/KEP/DISKOMINFO/2022', decreeDate: '2022-07-04', note: 'Pembentukan Dewan Smart City' },
      { number: '188.45/145/KEP/DISKOMINFO/2024', decreeDate: '2024-03-18', note: 'Pembaruan susunan keanggotaan' },
    ],
    members: [
      { name: 'Wali Kota Pangkalpinang', organisation: 'Pemerintah Kota Pangkalpinang', position: 'Wali Kota', role: 'ketua' },
      { username: 'pimpinan.demo', position: 'Sekretaris Daerah', role: 'wakil_ketua' },
      { username: 'admin.demo', position: 'Kepala Bapperida', role: 'sekretaris' },
      { name: 'Dr. Rina Kartika', organisation: 'Universitas Bangka Belitung', position: 'Dosen Sistem Informasi', role: 'anggota' },
      { name: 'Hendra Saputra', organisation: 'KADIN Kota Pangkalpinang', position: 'Wakil Ketua Bidang Ekonomi Digital', role: 'anggota' },
    ],
    meeting: {
      meetingDate: '2025-03-12',
      place: 'Ruang Rapat Wali Kota, Kantor Wali Kota Pangkalpinang',
      agenda: 'Evaluasi quick win tahap I dan persiapan evaluasi kota cerdas 2025',
      minutes: 'Rapat dipimpin Sekretaris Daerah. Bapperida memaparkan capaian lima quick win tahap I; dua program perlu percepatan anggaran.',
      decisions: 'Diskominfo menyiapkan bukti dukung evaluasi; Bapperida mengusulkan tambahan anggaran pusat data pada APBD Perubahan 2025.',
      followUps: [
        { action: 'Kumpulkan bukti dukung evaluasi kota cerdas dari seluruh OPD', unit: 'Diskominfo', dueDate: '2025-04-30', doneOn: '2025-04-25' },
        { action: 'Usulkan tambahan anggaran pusat data pada APBD Perubahan 2025', unit: 'Bapperida', dueDate: '2025-07-31' },
      ],
    },
  },
  {
    kind: 'tim_pelaksana',
    name: 'Tim Pelaksana Smart City Kota Pangkalpinang',
    description: 'Melaksanakan program kota cerdas di OPD dan melaporkan kemajuannya kepada Dewan Smart City.',
    decrees: [{ number: '188.45/313/KEP/DISKOMINFO/2022', decreeDate: '2022-07-04', note: 'Pembentukan Tim Pelaksana' }],
    members: [
      { username: 'operator.demo', position: 'Kepala Bidang Aplikasi Informatika', role: 'sekretaris' },
      { name: 'Kepala Dinas Komunikasi dan Informatika', organisation: 'Diskominfo Kota Pangkalpinang', position: 'Kepala Dinas', role: 'ketua' },
      { name: 'Kepala DPMPTSP', organisation: 'DPMPTSP Kota Pangkalpinang', position: 'Kepala Dinas', role: 'anggota' },
      { name: 'Ahmad Fauzi', organisation: 'PT Telkom Indonesia Witel Bangka Belitung', position: 'Manajer Layanan Pemerintah', role: 'narasumber' },
    ],
    meeting: {
      meetingDate: '2025-09-23',
      place: 'Command Center Diskominfo Kota Pangkalpinang',
      agenda: 'Kemajuan program triwulan III dan integrasi layanan Mal Pelayanan Publik',
      minutes: 'Setiap OPD pengampu melaporkan kemajuan triwulan III. Integrasi antrean daring MPP tinggal dua gerai.',
      decisions: 'Integrasi dua gerai MPP diselesaikan; laporan kemajuan triwulan IV disampaikan ke Dewan pada Januari 2026.',
      followUps: [
        { action: 'Selesaikan integrasi antrean daring dua gerai MPP yang tersisa', unit: 'DPMPTSP', dueDate: '2025-11-30', doneOn: '2025-11-14' },
        {
          action: 'Susun laporan kemajuan program tahun 2025 untuk Dewan Smart City',
          member: 'Kepala Dinas Komunikasi dan Informatika',
          dueDate: '2027-01-31',
        },
      ],
    },
  },
];

/** Seeds the councils of Pangkalpinang once; returns how many were created (0 when they exist). */
export async function seedDemoDewan(tx: Tx, unitIds: Map<string, string>): Promise<number> {
  const existing = await tx.select({ id: councils.id }).from(councils).where(eq(councils.regionCode, REGION)).limit(1);
  if (existing.length > 0) return 0;
  const accounts = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.regionCode, REGION));
  const userIdOf = new Map(accounts.map((a) => [a.username, a.id]));
  let created = 0;
  for (const c of DEMO_COUNCILS) {
    const [council] = await tx
      .insert(councils)
      .values({ regionCode: REGION, kind: c.kind, name: c.name, description: c.description })
      .returning({ id: councils.id });
    if (!council) continue;
    created++;
    await tx.insert(councilDecrees).values(c.decrees.map((d) => ({ regionCode: REGION, councilId: council.id, ...d })));
    const memberIds = new Map<string, string>();
    for (const m of c.members) {
      const userId = m.username ? userIdOf.get(m.username) : undefined;
      // Without the demo account (a partial seed), the member is still shown, as an outside person.
      const name = userId ? null : (m.name ?? m.position);
      const [row] = await tx
        .insert(councilMembers)
        .values({
          regionCode: REGION,
          councilId: council.id,
          userId: userId ?? null,
          name,
          organisation: m.organisation ?? (userId ? null : 'Pemerintah Kota Pangkalpinang'),
          position: m.position,
          role: m.role,
        })
        .returning({ id: councilMembers.id });
      if (row && m.name) memberIds.set(m.name, row.id);
    }
    const { followUps, ...meetingFields } = c.meeting;
    const [meeting] = await tx
      .insert(councilMeetings)
      .values({ regionCode: REGION, councilId: council.id, ...meetingFields })
      .returning({ id: councilMeetings.id });
    if (!meeting) continue;
    for (const f of followUps) {
      const responsibleUnitId = f.unit ? (unitIds.get(`${REGION}/${f.unit}`) ?? null) : null;
      const responsibleMemberId = f.member ? (memberIds.get(f.member) ?? null) : null;
      if (!responsibleUnitId && !responsibleMemberId) continue;
      await tx.insert(councilFollowUps).values({
        regionCode: REGION,
        councilId: council.id,
        meetingId: meeting.id,
        action: f.action,
        responsibleUnitId,
        responsibleMemberId,
        dueDate: f.dueDate,
        status: f.doneOn ? 'selesai' : 'terbuka',
        doneOn: f.doneOn ?? null,
      });
    }
  }
  return created;
}
