/**
 * Demo: the events the seeds report, with realistic participants and attendance, and a few upcoming
 * ones in the demo regions.
 * - Seed 001: Rakor Inovasi Daerah of Kota Pangkalpinang on Wednesday 23 April 2025 at Balai Besar
 *   Betason, held by Bapperida and opened by the Sekda (target: 100 innovations in 2025, 36 OPD with one
 *   each, schools invited too).
 * - Seed 002: Kota Banjarmasin's bimtek inovasi daerah by Bappeda Litbang in July 2024 (the article's
 *   "27-18 Juli" is read as 17–18 July).
 * - Seed 003: Bimtek penyusunan masterplan kota cerdas serta quick win tahap I, Pangkalpinang, Wednesday
 *   15 June 2022, Ruang OR Tudung Saji Kantor Walikota, 150 participants, civil servants and private.
 * Participants' names are fictitious; they are drawn from common Indonesian names with a fixed seed so
 * every demo install has the same list.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '#server/db/client.ts';
import { eventFollowUps, eventParticipants, events } from '#server/db/schema.ts';
import { newCheckinToken, newParticipantCode } from '#server/features/acara/participants.service.ts';

const FIRST = [
  'Agus',
  'Rina',
  'Budi',
  'Siti',
  'Dedi',
  'Dewi',
  'Hendra',
  'Lestari',
  'Irwan',
  'Yuliana',
  'Fajar',
  'Maya',
  'Rudi',
  'Nur',
  'Eko',
  'Fitri',
  'Joko',
  'Ratna',
  'Andi',
  'Wulan',
  'Hasan',
  'Indah',
  'Rahmat',
  'Sri',
  'Taufik',
  'Novi',
  'Arif',
  'Desi',
  'Yusuf',
  'Ayu',
  'Bambang',
  'Kartika',
  'Hadi',
  'Mega',
  'Iwan',
  'Putri',
  'Syahrul',
  'Dian',
  'Firman',
  'Rosita',
];
const LAST = [
  'Saputra',
  'Marlina',
  'Santoso',
  'Rahayu',
  'Hidayat',
  'Lestari',
  'Wijaya',
  'Susanti',
  'Pratama',
  'Handayani',
  'Kurniawan',
  'Sari',
  'Setiawan',
  'Anggraini',
  'Gunawan',
  'Permata',
  'Firmansyah',
  'Utami',
  'Nugroho',
  'Puspita',
  'Syahputra',
  'Wahyuni',
  'Ramadhan',
  'Oktaviani',
  'Halim',
  'Fauzi',
  'Amelia',
  'Rizky',
  'Yulianti',
  'Siregar',
];
const POSITIONS = [
  'Kepala Bidang',
  'Kepala Subbagian Perencanaan',
  'Analis Kebijakan',
  'Perencana Ahli Muda',
  'Pranata Komputer',
  'Sekretaris',
  'Kepala Seksi',
  'Staf',
];

/** A small deterministic generator: the same demo everywhere. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return { next, pick };
}

interface DemoPerson {
  name: string;
  position: string | null;
  unit?: string;
  organisation?: string;
}

function people(seed: number, sides: { unit?: string; organisation?: string }[], taken = new Set<string>()): DemoPerson[] {
  const g = generator(seed);
  return sides.map((side) => {
    let name = `${g.pick(FIRST)} ${g.pick(LAST)}`;
    while (taken.has(`${name}|${side.unit ?? side.organisation}`)) name = `${g.pick(FIRST)} ${g.pick(LAST)}`;
    taken.add(`${name}|${side.unit ?? side.organisation}`);
    return { name, position: side.organisation ? null : g.pick(POSITIONS), ...side };
  });
}

interface DemoEvent {
  region: string;
  organiser: string;
  title: string;
  kind: 'rakor' | 'bimtek' | 'sosialisasi' | 'fgd' | 'expo' | 'lainnya';
  topic: 'inovasi_daerah' | 'kota_cerdas' | 'spbe' | 'skm' | 'pelayanan_publik' | 'lainnya';
  startsAt: string;
  endsAt: string;
  place: string | null;
  onlineUrl?: string;
  description: string;
  invitedUnits: string[];
  invitedOrganisations: string[];
  capacity: number | null;
  isRegistrationOpen: boolean;
  notes?: string;
  participants: DemoPerson[];
  /** Share of participants checked in (0 for an event still to come). */
  attendance: number;
  followUps?: { action: string; owner: string; dueOn: string; status: 'open' | 'done'; evidence: string }[];
}

const PGK_OPD = [
  'Setda',
  'Setwan',
  'Inspektorat',
  'Bapperida',
  'BPKAD',
  'BKPSDM',
  'Disdikbud',
  'Dinkes',
  'DPUPR',
  'Dinsos',
  'Disdukcapil',
  'Diskominfo',
  'DPMPTSP',
  'DLH',
  'Dishub',
  'Bapenda',
  'BPBD',
  'Kesbangpol',
  'Satpol PP',
  'Disperkim',
  'Disnaker',
  'DP3APPKB',
  'DKPP',
  'Dinkop UKM',
  'Disporapar',
  'DPK',
  'Disdagin',
  'DKP',
  'RSUD DH',
  'Kec. Bukit Intan',
  'Kec. Gabek',
  'Kec. Gerunggang',
  'Kec. Girimaya',
  'Kec. Pangkalbalam',
  'Kec. Rangkui',
  'Kec. Tamansari',
];
const PGK_SCHOOLS = ['SDN 1 PGK', 'SDN 12 PGK', 'SMPN 2 PGK', 'SMPN 6 PGK'];
const CORE = [
  'Setda',
  'Setwan',
  'Inspektorat',
  'Bapperida',
  'BPKAD',
  'BKPSDM',
  'Disdikbud',
  'Dinkes',
  'DPUPR',
  'Dinsos',
  'Disdukcapil',
  'Diskominfo',
  'DPMPTSP',
  'DLH',
  'Dishub',
];

const SMART_CITY_PARTNERS: [string, number][] = [
  ['Universitas Bangka Belitung', 8],
  ['Politeknik Manufaktur Negeri Bangka Belitung', 5],
  ['PT Telkom Indonesia Witel Bangka Belitung', 4],
  ['PT PLN (Persero) UP3 Bangka', 3],
  ['Bank Sumsel Babel Cabang Pangkalpinang', 3],
  ['KADIN Kota Pangkalpinang', 3],
  ['PT Timah Tbk', 3],
  ['Komunitas Babel Digital', 4],
  ['Asosiasi UMKM Kota Pangkalpinang', 3],
  ['Radio Republik Indonesia Sungailiat', 2],
];

const repeat = (sides: { unit?: string; organisation?: string }[], times: number) => sides.flatMap((s) => Array.from({ length: times }, () => s));

function smartCityParticipants(): DemoPerson[] {
  // 150 as the article reports: 112 civil servants from every OPD and kecamatan, 38 from outside.
  const internal = [
    ...repeat(
      PGK_OPD.map((unit) => ({ unit })),
      3,
    ),
    ...['Diskominfo', 'Bapperida', 'Setda', 'DPMPTSP'].map((unit) => ({ unit })),
  ];
  const external = SMART_CITY_PARTNERS.flatMap(([organisation, n]) => Array.from({ length: n }, () => ({ organisation })));
  return people(2022_06_15, [...internal, ...external]);
}

function rakorParticipants(): DemoPerson[] {
  // Each OPD's head or planner and its innovation contact, plus the schools the Sekda invited.
  return people(2025_04_23, [
    ...repeat(
      PGK_OPD.map((unit) => ({ unit })),
      2,
    ),
    ...PGK_SCHOOLS.map((unit) => ({ unit })),
  ]);
}

function banjarmasinParticipants(): DemoPerson[] {
  return people(2024_07_17, [
    ...repeat(
      [...CORE, 'Kec. Banjarmasin Tengah', 'Kec. Banjarmasin Utara'].map((unit) => ({ unit })),
      3,
    ),
    ...Array.from({ length: 4 }, () => ({ organisation: 'Universitas Lambung Mangkurat' })),
  ]);
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    region: '19.71',
    organiser: 'Diskominfo',
    title: 'Bimtek Penyusunan Masterplan Kota Cerdas serta Quick Win Program Unggulan Tahap I',
    kind: 'bimtek',
    topic: 'kota_cerdas',
    startsAt: '2022-06-15T08:30:00+07:00',
    endsAt: '2022-06-15T15:30:00+07:00',
    place: 'Ruang OR Tudung Saji, Kantor Wali Kota Pangkalpinang',
    description:
      'Bimbingan teknis Gerakan Menuju Smart City untuk menyempurnakan masterplan kota cerdas agar terintegrasi dan kolaboratif, serta menyusun quick win program unggulan. Dibuka oleh Sekretaris Daerah. Pangkalpinang satu dari dua daerah di Bangka Belitung (bersama Bangka Selatan) dari 50 daerah terpilih se-Indonesia.',
    invitedUnits: PGK_OPD,
    invitedOrganisations: SMART_CITY_PARTNERS.map(([o]) => o),
    capacity: 160,
    isRegistrationOpen: false,
    notes:
      'Pembukaan oleh Sekda: masterplan sudah ada tetapi belum maksimal, terintegrasi dan kolaboratif.\n' +
      'Kota cerdas bukan hanya teknologi informasi: pemerintahan dan pelayanan publik yang efektif, efisien, penuh inovasi.\n' +
      'Setiap OPD dituntut memiliki inovasi berbasis TI yang aplikatif; kepala OPD wajib mendukung pegawai yang mengusulkan program kota cerdas.\n' +
      'Keluaran tahap I: rancangan quick win per dimensi (governance, branding, economy, living, society, environment).',
    participants: smartCityParticipants(),
    attendance: 0.93,
    followUps: [
      {
        action: 'Menyusun rancangan quick win per dimensi smart city',
        owner: 'Diskominfo',
        dueOn: '2022-07-29',
        status: 'done',
        evidence: 'Dokumen quick win tahap I diserahkan ke tim Kominfo, 28 Juli 2022',
      },
      {
        action: 'Menetapkan Dewan Smart City dan Tim Pelaksana dengan Keputusan Wali Kota',
        owner: 'Setda',
        dueOn: '2022-08-31',
        status: 'done',
        evidence: 'Keputusan Wali Kota tentang Dewan Smart City, Agustus 2022',
      },
    ],
  },
  {
    region: '63.71',
    organiser: 'Bapperida',
    title: 'Bimbingan Teknis Inovasi Daerah Kota Banjarmasin',
    kind: 'bimtek',
    topic: 'inovasi_daerah',
    startsAt: '2024-07-17T08:00:00+07:00',
    endsAt: '2024-07-18T16:00:00+07:00',
    place: 'Aula Kayuh Baimbai, Balai Kota Banjarmasin',
    description:
      'Bimtek untuk seluruh SKPD agar memperkaya pengetahuan dan wawasan pengembangan inovasi yang relevan bagi masyarakat, mendukung Banjarmasin Baiman. Kota Banjarmasin telah memiliki 33 inovasi terverifikasi.',
    invitedUnits: [...CORE, 'Kec. Banjarmasin Tengah', 'Kec. Banjarmasin Utara'],
    invitedOrganisations: ['Universitas Lambung Mangkurat'],
    capacity: 80,
    isRegistrationOpen: false,
    notes:
      'Wakil Wali Kota: inovasi harus bermanfaat bagi masyarakat dan mendukung Banjarmasin Baiman (Barasih wan Nyaman). Contoh: Parak Acil Online, Simonik, SIMPEG.',
    participants: banjarmasinParticipants(),
    attendance: 0.88,
    followUps: [
      {
        action: 'Setiap SKPD memperbarui profil inovasinya di aplikasi IID',
        owner: 'Bapperida',
        dueOn: '2024-08-30',
        status: 'done',
        evidence: 'Rekap pembaruan profil 33 inovasi, 29 Agustus 2024',
      },
    ],
  },
  {
    region: '19.71',
    organiser: 'Bapperida',
    title: 'Rapat Koordinasi Inovasi Daerah Kota Pangkalpinang 2025',
    kind: 'rakor',
    topic: 'inovasi_daerah',
    startsAt: '2025-04-23T08:30:00+07:00',
    endsAt: '2025-04-23T12:30:00+07:00',
    place: 'Balai Besar Betason, Pangkalpinang',
    description:
      'Rakor yang dibuka Sekretaris Daerah dengan target 100 inovasi daerah pada 2025: setiap OPD (36) minimal satu inovasi, ditambah usulan dari SD dan SMP. Dasar: PP 38/2017 tentang Inovasi Daerah.',
    invitedUnits: [...PGK_OPD, ...PGK_SCHOOLS],
    invitedOrganisations: [],
    capacity: null,
    isRegistrationOpen: false,
    notes:
      'Sekda: target 100 inovasi tahun 2025 sebagai barometer kepuasan pelayanan publik; inovasi tidak harus mahal.\n' +
      'Kepala Bapperida: 36 OPD berarti minimal 36 inovasi; SD dan SMP juga mengirim satu usulan inovasi.\n' +
      'Setiap instansi mengikutsertakan minimal satu inovasi dalam kompetisi inovasi pelayanan publik.',
    participants: rakorParticipants(),
    attendance: 0.9,
    followUps: [
      {
        action: 'Setiap OPD mengusulkan minimal satu inovasi di Sinergi',
        owner: 'Bapperida',
        dueOn: '2025-06-30',
        status: 'done',
        evidence: 'Rekap usulan inovasi 2025 per OPD (menu Capaian Target)',
      },
      { action: 'SD dan SMP mengirimkan satu usulan inovasi per sekolah', owner: 'Disdikbud', dueOn: '2025-07-31', status: 'open', evidence: '' },
      {
        action: 'Mengikutsertakan minimal satu inovasi per instansi dalam KIPP',
        owner: 'Bapperida',
        dueOn: '2025-09-30',
        status: 'open',
        evidence: '',
      },
    ],
  },
  {
    region: '19.71',
    organiser: 'Diskominfo',
    title: 'FGD Evaluasi Masterplan Smart City 2026',
    kind: 'fgd',
    topic: 'kota_cerdas',
    startsAt: '2026-12-16T09:00:00+07:00',
    endsAt: '2026-12-16T12:00:00+07:00',
    place: 'Ruang Rapat Diskominfo Kota Pangkalpinang',
    onlineUrl: 'https://zoom.us/j/8123456789',
    description: 'Membahas capaian quick win dan kesiapan evaluasi smart city tahun berjalan bersama perangkat daerah dan mitra.',
    invitedUnits: ['Bapperida', 'Setda', 'DPMPTSP', 'Disdukcapil', 'Dinkes'],
    invitedOrganisations: ['Universitas Bangka Belitung', 'Komunitas Babel Digital'],
    capacity: 40,
    isRegistrationOpen: true,
    participants: people(2026_12_16, [
      ...['Diskominfo', 'Bapperida', 'Setda', 'DPMPTSP', 'Disdukcapil', 'Dinkes'].map((unit) => ({ unit })),
      { organisation: 'Universitas Bangka Belitung' },
      { organisation: 'Komunitas Babel Digital' },
    ]),
    attendance: 0,
  },
  {
    region: '19.71',
    organiser: 'Bapperida',
    title: 'Sosialisasi Penilaian Indeks Inovasi Daerah 2027',
    kind: 'sosialisasi',
    topic: 'inovasi_daerah',
    startsAt: '2027-02-10T08:30:00+07:00',
    endsAt: '2027-02-10T12:00:00+07:00',
    place: 'Balai Besar Betason, Pangkalpinang',
    description: 'Perubahan indikator IID, jadwal pengisian data dan bukti dukung yang diminta, untuk operator inovasi setiap OPD.',
    invitedUnits: PGK_OPD,
    invitedOrganisations: [],
    capacity: 120,
    isRegistrationOpen: true,
    participants: people(
      2027_02_10,
      PGK_OPD.slice(0, 20).map((unit) => ({ unit })),
    ),
    attendance: 0,
  },
  {
    region: '19.71',
    organiser: 'Bapperida',
    title: 'Pangkalpinang Innovation Expo 2027',
    kind: 'expo',
    topic: 'inovasi_daerah',
    startsAt: '2027-08-20T09:00:00+07:00',
    endsAt: '2027-08-22T17:00:00+07:00',
    place: 'Alun-alun Taman Merdeka, Pangkalpinang',
    description: 'Pameran inovasi perangkat daerah, sekolah dan UMKM dalam rangkaian HUT Kemerdekaan.',
    invitedUnits: PGK_OPD,
    invitedOrganisations: ['Asosiasi UMKM Kota Pangkalpinang', 'Universitas Bangka Belitung'],
    capacity: null,
    isRegistrationOpen: true,
    participants: [],
    attendance: 0,
  },
  {
    region: '62.71',
    organiser: 'Diskominfo',
    title: 'Bimtek Penilaian Mandiri Indeks Pemerintahan Digital 2027',
    kind: 'bimtek',
    topic: 'spbe',
    startsAt: '2027-01-19T08:00:00+07:00',
    endsAt: '2027-01-20T15:00:00+07:00',
    place: 'Aula Bappedalitbang Kota Palangka Raya',
    description: 'Pengisian penilaian mandiri Indeks Pemdi dan penyiapan bukti dukung per indikator.',
    invitedUnits: CORE,
    invitedOrganisations: [],
    capacity: 60,
    isRegistrationOpen: true,
    participants: people(
      2027_01_19,
      CORE.map((unit) => ({ unit })),
    ),
    attendance: 0,
  },
  {
    region: '63.71',
    organiser: 'Bapperida',
    title: 'Rakor Inovasi Daerah Kota Banjarmasin 2027',
    kind: 'rakor',
    topic: 'inovasi_daerah',
    startsAt: '2027-03-03T09:00:00+07:00',
    endsAt: '2027-03-03T12:00:00+07:00',
    place: 'Aula Kayuh Baimbai, Balai Kota Banjarmasin',
    description: 'Penetapan target inovasi 2027 per SKPD.',
    invitedUnits: CORE,
    invitedOrganisations: [],
    capacity: null,
    isRegistrationOpen: true,
    participants: [],
    attendance: 0,
  },
];

/** Seeds the demo events once (skipped when the region already has events). */
export async function seedDemoAcara(tx: Tx, unitIds: Map<string, string>): Promise<number> {
  const [existing] = await tx.select({ id: events.id }).from(events).where(eq(events.regionCode, '19.71')).limit(1);
  if (existing) return 0;
  let count = 0;
  for (const e of DEMO_EVENTS) {
    const unitOf = (short: string) => unitIds.get(`${e.region}/${short}`);
    const organiserUnitId = unitOf(e.organiser);
    if (!organiserUnitId) continue;
    const startsAt = new Date(e.startsAt);
    const [created] = await tx
      .insert(events)
      .values({
        regionCode: e.region,
        organiserUnitId,
        title: e.title,
        kind: e.kind,
        topic: e.topic,
        startsAt,
        endsAt: new Date(e.endsAt),
        place: e.place,
        onlineUrl: e.onlineUrl ?? null,
        description: e.description,
        invitedUnitIds: e.invitedUnits.map(unitOf).filter((id): id is string => id !== undefined),
        invitedOrganisations: e.invitedOrganisations,
        capacity: e.capacity,
        isRegistrationOpen: e.isRegistrationOpen,
        notes: e.notes ?? '',
        createdAt: new Date(startsAt.getTime() - 14 * 24 * 60 * 60 * 1000),
        updatedAt: new Date(startsAt.getTime() - 14 * 24 * 60 * 60 * 1000),
      })
      .returning({ id: events.id });
    if (!created) continue;
    count++;
    const g = generator(startsAt.getTime() % 100_000);
    const rows = e.participants
      .map((p) => {
        const unitId = p.unit ? unitOf(p.unit) : undefined;
        if (p.unit && !unitId) return null;
        // Most arrive in the half hour around the opening; a few are ticked from the paper list later.
        const attended = g.next() < e.attendance;
        const minutes = Math.floor(g.next() * 45) - 20;
        const via = g.next() < 0.8 ? 'qr' : g.next() < 0.5 ? 'kode' : 'manual';
        return {
          regionCode: e.region,
          eventId: created.id,
          kind: p.unit ? 'internal' : 'external',
          unitId: unitId ?? null,
          organisation: p.organisation ?? null,
          name: p.name,
          position: p.position,
          checkinToken: newCheckinToken(),
          code: newParticipantCode(),
          checkedInAt: attended ? new Date(startsAt.getTime() + minutes * 60 * 1000) : null,
          checkedInVia: attended ? via : null,
          createdAt: new Date(startsAt.getTime() - 7 * 24 * 60 * 60 * 1000),
        };
      })
      .filter((r) => r !== null);
    for (let i = 0; i < rows.length; i += 200) await tx.insert(eventParticipants).values(rows.slice(i, i + 200));
    for (const f of e.followUps ?? []) {
      const ownerUnitId = unitOf(f.owner);
      if (!ownerUnitId) continue;
      await tx.insert(eventFollowUps).values({
        regionCode: e.region,
        eventId: created.id,
        action: f.action,
        ownerUnitId,
        dueOn: f.dueOn,
        status: f.status,
        evidence: f.evidence,
        completedAt: f.status === 'done' ? new Date(`${f.dueOn}T10:00:00+07:00`) : null,
      });
    }
  }
  return count;
}
