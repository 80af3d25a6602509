/** Loads the demo regions' units and the demo accounts, once (recorded in app_meta). */
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '#server/db/client.ts';
import { createHash } from 'node:crypto';
import {
  appMeta,
  assessmentItems,
  assessments,
  attachments,
  frameworkVersions,
  iidAnswers,
  innovationEvents,
  innovations,
  periods,
  units,
  users,
} from '#server/db/schema.ts';
import type { BlobStorage } from '#server/lib/storage.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { storageKeyOf } from '#server/platform/attachments/stored-file.ts';
import { hashPassword } from '#server/platform/passwords.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_REGIONS } from './demo-data.ts';
import { listIndicators } from '#domain/assessments/indicators.ts';
import { iidStructure } from '#domain/iid/structure.ts';
import { parseFramework } from '#domain/scoring/framework-registry.ts';
import { DEMO_INNOVATIONS, demoPdf, demoRancangBangun } from './demo-innovations.ts';
import { DEMO_INNOVATIONS_2026 } from './demo-innovations-2026.ts';
import { seedDemoKalimantan } from './demo-kalimantan.ts';
import { demoStageDates, demoTimeline, seedDemoProposals } from './demo-proposals.ts';
import { seedDemoAcara } from './demo-acara.ts';
import { seedDemoApiTokens } from './demo-api-tokens.ts';
import { seedDemoComplaints } from './demo-complaints.ts';
import { seedDemoEvaluasi } from './demo-evaluasi.ts';
import { seedDemoIidNasional } from './demo-iid-nasional.ts';
import { seedDemoLhe } from './demo-lhe.ts';
import { seedDemoDewan } from './demo-dewan.ts';
import { seedDemoNasional } from './demo-nasional.ts';
import { seedDemoKompetisi } from './demo-kompetisi.ts';
import { seedDemoKompetisiNasional } from './demo-kompetisi-nasional.ts';
import { seedDemoKotaCerdas } from './demo-kota-cerdas.ts';
import { seedDemoRpjmd } from './demo-rpjmd.ts';
import { seedDemoServices } from './demo-services.ts';
import { seedDemoSkm } from './demo-skm.ts';

const DEMO_KEY = 'demo_seeded';
const SYSTEM = { actor: null, origin: { ip: null, userAgent: 'sinergi-demo-seed', requestId: null } };

export async function seedDemo(
  db: Db,
  options: { onlyIfNew: boolean; storage?: BlobStorage },
): Promise<{ units: number; users: number; innovations: number } | null> {
  const [seeded] = await db.select().from(appMeta).where(eq(appMeta.key, DEMO_KEY));
  if (seeded && options.onlyIfNew) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const existingUnits = await tx.select({ id: units.id, regionCode: units.regionCode, shortName: units.shortName }).from(units);
    const idOf = new Map(existingUnits.map((u) => [`${u.regionCode}/${u.shortName}`, u.id]));
    let unitCount = 0;
    for (const region of DEMO_REGIONS) {
      // Parents first: the data lists them before their children.
      for (const u of region.units) {
        const key = `${region.code}/${u.shortName}`;
        if (idOf.has(key)) continue;
        const parentId = u.parent ? idOf.get(`${region.code}/${u.parent}`) : undefined;
        const [created] = await tx
          .insert(units)
          .values({
            regionCode: region.code,
            kind: u.kind,
            name: u.name,
            shortName: u.shortName,
            headName: u.headName ?? null,
            parentId: parentId ?? null,
          })
          .returning({ id: units.id });
        if (created) idOf.set(key, created.id);
        unitCount++;
      }
      await recordAudit(tx, SYSTEM, {
        action: 'demo.seeded',
        entityType: 'region',
        entityId: region.code,
        regionCode: region.code,
        after: { units: region.units.length },
      });
    }
    const existingUsers = new Set((await tx.select({ username: users.username }).from(users)).map((u) => u.username));
    let userCount = 0;
    for (const a of DEMO_ACCOUNTS) {
      if (existingUsers.has(a.username)) continue;
      await tx.insert(users).values({
        username: a.username,
        displayName: a.displayName,
        role: a.role,
        regionCode: a.regionCode,
        unitId: a.unit && a.regionCode ? (idOf.get(`${a.regionCode}/${a.unit}`) ?? null) : null,
        passwordHash,
      });
      userCount++;
    }
    const innovationCount = (await seedDemoInnovations(tx, idOf, options.storage)) + (await seedDemoKalimantan(tx, idOf, options.storage));
    await seedDemoAssessments(tx, idOf);
    await seedDemoIid(tx);
    // Services first: surveys and complaints refer to them.
    await seedDemoServices(tx, idOf);
    await seedDemoSkm(tx);
    await seedDemoComplaints(tx, options.storage);
    await seedDemoAcara(tx, idOf);
    await seedDemoKompetisi(tx, passwordHash);
    // After the innovations: programmes link to them.
    await seedDemoKotaCerdas(tx, idOf);
    await seedDemoEvaluasi(tx, options.storage);
    // After the accounts and units: members and follow-ups refer to them.
    await seedDemoDewan(tx, idOf);
    // After the programmes and innovations: the RPJMD's programme codes are linked from both.
    await seedDemoRpjmd(tx);
    // After the assessments and accounts: the national result of SPBE 2025 and its action plan.
    await seedDemoLhe(tx, idOf);
    // After every change to the 2025 innovations' statuses and answers: the national IID validation of that period.
    await seedDemoIidNasional(tx);
    await seedDemoApiTokens(tx);
    // After the accounts, innovations and assessments: other cities report, a province admin, publications.
    await seedDemoNasional(tx, passwordHash);
    // After every region's units and periods: the national competition's entries come from several regions.
    await seedDemoKompetisiNasional(tx, passwordHash);
    await tx
      .insert(appMeta)
      .values({ key: DEMO_KEY, value: { at: new Date().toISOString() } })
      .onConflictDoNothing();
    return { units: unitCount, users: userCount, innovations: innovationCount };
  });
}

const REGION = '19.71';
/** The windows of the two periods: 2025 from the rakor of 23 April (seed 001), 2026 as the region set it. */
const P2025 = { opensOn: '2025-04-23', closesOn: '2025-08-23' };
const P2026 = { opensOn: '2026-04-01', closesOn: '2026-08-31' };

/** Kota Pangkalpinang's 2025 period (seed 001: 100 innovations, at least one per OPD) and 2026's. */
async function seedDemoInnovations(tx: Tx, unitIds: Map<string, string>, storage: BlobStorage | undefined): Promise<number> {
  const existing = await tx.select({ id: periods.id }).from(periods).where(eq(periods.regionCode, REGION));
  if (existing.length > 0) return 0;
  const [p2025, p2026] = await tx
    .insert(periods)
    .values([
      { regionCode: REGION, year: 2025, ...P2025, targetTotal: 100, minPerUnit: 1 },
      { regionCode: REGION, year: 2026, ...P2026, targetTotal: 100, minPerUnit: 1 },
    ])
    .returning({ id: periods.id });
  if (!p2025 || !p2026) return 0;
  const accounts = await tx.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users);
  const operator = accounts.find((a) => a.username === 'operator.demo');
  const verifier = accounts.find((a) => a.username === 'verifikator.demo');
  const unitNames = new Map(
    (await tx.select({ id: units.id, name: units.name }).from(units).where(eq(units.regionCode, REGION))).map((u) => [u.id, u.name]),
  );
  let count = 0;
  for (const d of DEMO_INNOVATIONS) {
    const unitId = unitIds.get(`${REGION}/${d.unit}`);
    if (!unitId) continue;
    // Proposals arrive across the window, not on a fixed rhythm: each on its own days.
    const { created, submitted, reviewed } = demoTimeline(d.name, P2025.opensOn, P2025.closesOn);
    const stage = demoStageDates(d, 2025);
    const unitName = unitNames.get(unitId) ?? d.unit;
    const isSubmitted = d.status !== 'draft';
    const [row] = await tx
      .insert(innovations)
      .values({
        regionCode: REGION,
        periodId: p2025.id,
        unitId,
        status: d.status,
        name: d.name,
        tahapan: d.tahapan,
        inisiator: d.inisiator,
        jenis: d.jenis,
        bentuk: d.bentuk,
        urusanUtama: d.urusan,
        urusanIrisan: d.irisan ?? [],
        tematik: d.tematik,
        waktuUjiCoba: stage.waktuUjiCoba,
        waktuPenerapan: stage.waktuPenerapan,
        rancangBangun: demoRancangBangun(d, { unitName, isSchool: d.unit.startsWith('SDN') || d.unit.startsWith('SMPN') }),
        tujuan: `Mengatasi keadaan bahwa ${d.problem}.`,
        manfaat: 'Layanan lebih cepat, murah dan mudah dipantau oleh masyarakat dan pimpinan.',
        hasil: 'Waktu layanan berkurang dan jumlah penerima manfaat meningkat dibanding sebelum inovasi.',
        contactName: 'Narahubung Demo',
        contactPhone: '0717-000000',
        contactEmail: 'inovasi@pangkalpinang.example',
        reviewNotes: d.status === 'dikembalikan' ? { hasil: 'Lengkapi data capaian sebelum dan sesudah inovasi.' } : {},
        rejectionReason: d.status === 'ditolak' ? 'Sudah dilaporkan sebagai inovasi tahun lalu tanpa perkembangan.' : null,
        submittedAt: isSubmitted ? submitted : null,
        verifiedAt: d.status === 'terverifikasi' ? reviewed : null,
        createdBy: operator?.id ?? null,
        createdAt: created,
        updatedAt: isSubmitted ? reviewed : created,
      })
      .returning({ id: innovations.id });
    if (!row) continue;
    count++;
    const event = (
      at: Date,
      who: typeof operator,
      action: string,
      from: string | null,
      to: string,
      extra: { note?: string; fieldNotes?: Record<string, string>; innovationId?: string } = {},
    ) => ({
      innovationId: extra.innovationId ?? row.id,
      regionCode: REGION,
      at,
      actorId: who?.id ?? null,
      actorName: who?.displayName ?? null,
      action,
      fromStatus: from,
      toStatus: to,
      note: extra.note ?? null,
      fieldNotes: extra.fieldNotes ?? null,
    });
    const events = [event(created, operator, 'created', null, 'draft')];
    if (isSubmitted) events.push(event(submitted, operator, 'submit', 'draft', 'diajukan'));
    if (d.status === 'dikembalikan') {
      events.push(
        event(reviewed, verifier, 'return', 'diajukan', 'dikembalikan', {
          fieldNotes: { hasil: 'Lengkapi data capaian sebelum dan sesudah inovasi.' },
        }),
      );
    }
    if (d.status === 'terverifikasi') events.push(event(reviewed, verifier, 'verify', 'diajukan', 'terverifikasi'));
    if (d.status === 'ditolak') {
      events.push(
        event(reviewed, verifier, 'reject', 'diajukan', 'ditolak', { note: 'Sudah dilaporkan sebagai inovasi tahun lalu tanpa perkembangan.' }),
      );
    }
    await tx.insert(innovationEvents).values(events);
    if (storage && isSubmitted) {
      const pdf = demoPdf(`SK Penetapan Inovasi: ${d.name}`);
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      const storageKey = storageKeyOf(sha256);
      await storage.put(storageKey, pdf);
      await tx.insert(attachments).values([
        {
          ownerType: 'innovation',
          ownerId: row.id,
          regionCode: REGION,
          slot: 'umum',
          kind: 'file',
          title: 'SK penetapan inovasi',
          fileName: 'sk-penetapan.pdf',
          mimeType: 'application/pdf',
          sizeBytes: pdf.length,
          sha256,
          storageKey,
          createdBy: operator?.id ?? null,
          createdAt: submitted,
        },
        {
          ownerType: 'innovation',
          ownerId: row.id,
          regionCode: REGION,
          slot: 'sid.35',
          kind: 'link',
          title: 'Video inovasi (maks. 5 menit)',
          url: 'https://www.youtube.com/watch?v=demo-sinergi',
          createdBy: operator?.id ?? null,
          createdAt: submitted,
        },
      ]);
    }
    if (d.carry) {
      // Carried over as applied: an innovation still in trial in 2025 gets its first application dates.
      const stage2026 = demoStageDates({ ...d, tahapan: 'penerapan' }, 2025);
      const [next] = await tx
        .insert(innovations)
        .values({
          regionCode: REGION,
          periodId: p2026.id,
          unitId,
          name: d.name,
          tahapan: 'penerapan',
          inisiator: d.inisiator,
          jenis: d.jenis,
          bentuk: d.bentuk,
          urusanUtama: d.urusan,
          urusanIrisan: d.irisan ?? [],
          tematik: d.tematik,
          waktuUjiCoba: stage.waktuUjiCoba ?? stage2026.waktuUjiCoba,
          waktuPenerapan: stage.waktuPenerapan ?? stage2026.waktuPenerapan,
          rancangBangun: demoRancangBangun(d, { unitName }),
          tujuan: `Mengatasi keadaan bahwa ${d.problem}.`,
          manfaat: 'Layanan lebih cepat, murah dan mudah dipantau oleh masyarakat dan pimpinan.',
          hasil: 'Waktu layanan berkurang dan jumlah penerima manfaat meningkat dibanding sebelum inovasi.',
          previousId: row.id,
          developmentNote: 'Diperluas ke seluruh kecamatan dan dilengkapi pemantauan daring pada 2026.',
          createdBy: operator?.id ?? null,
        })
        .returning({ id: innovations.id });
      if (next) {
        count++;
        await tx.insert(innovationEvents).values(
          event(new Date(Date.UTC(2026, 3, 10)), operator, 'carried_over', null, 'draft', {
            innovationId: next.id,
            note: 'Diperluas ke seluruh kecamatan dan dilengkapi pemantauan daring pada 2026.',
          }),
        );
      }
    }
  }
  // 2026: one proposal from every OPD and kecamatan and one from every state SD and SMP (seed 001).
  count += await seedDemoProposals(tx, {
    regionCode: REGION,
    periodId: p2026.id,
    ...P2026,
    city: 'Kota Pangkalpinang',
    items: DEMO_INNOVATIONS_2026,
    unitIds,
    unitNames,
    operator,
    verifier,
    contactEmail: 'inovasi@pangkalpinang.example',
    contactPhone: '0717-000000',
    storage,
  });
  return count;
}

/** A deterministic level in 1..5 (or 0..max) from a string, so the demo looks varied but never changes. */
function demoLevel(key: string, min: number, max: number): number {
  let h = 0;
  for (const c of key) h = (h * 31 + c.charCodeAt(0)) % 9973;
  return min + (h % (max - min + 1));
}

async function shippedFramework(tx: Tx, frameworkId: string) {
  const [row] = await tx
    .select({ id: frameworkVersions.id, body: frameworkVersions.body })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.frameworkId, frameworkId));
  if (!row) return undefined;
  const parsed = parseFramework(row.body);
  return parsed.ok ? { id: row.id, framework: parsed.framework } : undefined;
}

/**
 * SPBE of Kota Pangkalpinang: 2025 final (every indicator claimed and verified, some corrected by the
 * assessors) and 2026 in penilaian mandiri, assigned to units, about half filled; Indeks Pemdi 2026 open.
 */
async function seedDemoAssessments(tx: Tx, unitIds: Map<string, string>): Promise<void> {
  const spbe = await shippedFramework(tx, 'spbe-2020');
  const pemdi = await shippedFramework(tx, 'pemdi-2026');
  if (!spbe || !pemdi) return;
  const [done, open, pemdiOpen] = await tx
    .insert(assessments)
    .values([
      {
        regionCode: REGION,
        frameworkVersionId: spbe.id,
        frameworkId: 'spbe-2020',
        year: 2025,
        stage: 'final',
        finalizedAt: new Date(Date.UTC(2025, 9, 30)),
      },
      { regionCode: REGION, frameworkVersionId: spbe.id, frameworkId: 'spbe-2020', year: 2026, stage: 'mandiri', deadline: '2026-12-15' },
      { regionCode: REGION, frameworkVersionId: pemdi.id, frameworkId: 'pemdi-2026', year: 2026, stage: 'mandiri', deadline: '2026-12-15' },
    ])
    .returning({ id: assessments.id });
  if (!done || !open || !pemdiOpen) return;
  const owner = (n: number) => {
    const unit = n <= 10 ? 'Setda' : n <= 20 ? 'Bapperida' : n <= 31 ? 'Diskominfo' : n <= 35 ? 'BPKAD' : n <= 41 ? 'BKPSDM' : 'Diskominfo';
    return unitIds.get(`${REGION}/${unit}`) ?? null;
  };
  const indicators = listIndicators(spbe.framework);
  await tx.insert(assessmentItems).values(
    indicators.map((ind) => {
      const claimed = demoLevel(`2025-${ind.id}`, 2, 4);
      const corrected = Number(ind.id) % 9 === 0;
      return {
        assessmentId: done.id,
        regionCode: REGION,
        indicatorId: ind.id,
        unitId: owner(Number(ind.id)),
        claimedValue: String(claimed),
        explanation: 'Contoh data demo: dokumen kebijakan dan laporan pelaksanaan terlampir.',
        claimedAt: new Date(Date.UTC(2025, 6, 1)),
        verification: corrected ? 'corrected' : 'accepted',
        verifiedValue: corrected ? String(claimed - 1) : null,
        verifierNote: corrected ? 'Bukti dukung belum menunjukkan penerapan di seluruh perangkat daerah.' : null,
        verifiedAt: new Date(Date.UTC(2025, 8, 15)),
      };
    }),
  );
  await tx.insert(assessmentItems).values(
    indicators.map((ind) => {
      const n = Number(ind.id);
      const isFilled = n % 2 === 1;
      return {
        assessmentId: open.id,
        regionCode: REGION,
        indicatorId: ind.id,
        unitId: owner(n),
        deadline: '2026-11-30',
        claimedValue: isFilled ? String(demoLevel(`2026-${ind.id}`, 2, 5)) : null,
        explanation: isFilled ? 'Contoh data demo: kebijakan telah ditetapkan dan diterapkan.' : '',
        claimedAt: isFilled ? new Date(Date.UTC(2026, 9, 1)) : null,
      };
    }),
  );
  await tx.insert(assessmentItems).values(
    listIndicators(pemdi.framework).map((ind) => ({
      assessmentId: pemdiOpen.id,
      regionCode: REGION,
      indicatorId: ind.id,
      unitId: unitIds.get(`${REGION}/Diskominfo`) ?? null,
    })),
  );
}

/** IID answers of the 2025 innovations (levels with a link as evidence) and the region's SPD answers. */
async function seedDemoIid(tx: Tx): Promise<void> {
  const iid = await shippedFramework(tx, 'iid-2026');
  if (!iid) return;
  const structure = iidStructure(iid.framework);
  const [period] = await tx.select({ id: periods.id }).from(periods).where(eq(periods.regionCode, REGION)).orderBy(periods.year).limit(1);
  if (!period) return;
  // The answers below are made for the 2026 framework (its indicators, indicator 33's bases), so the
  // period is scored with it, chosen as a region chooses on the period form; left to the year, 2025
  // would be scored with the 2023 rules and marked "assumed".
  await tx.update(periods).set({ iidFrameworkVersionId: iid.id }).where(eq(periods.id, period.id));
  const rows = await tx.select({ id: innovations.id, status: innovations.status }).from(innovations).where(eq(innovations.periodId, period.id));
  const answers: (typeof iidAnswers.$inferInsert)[] = [];
  const links: (typeof attachments.$inferInsert)[] = [];
  for (const inn of rows) {
    if (inn.status === 'draft') continue;
    for (const ind of structure.sid) {
      const level = demoLevel(`${inn.id}-${ind.id}`, 1, ind.maxLevel);
      // An indicator measured on one of several bases (2026: indicator 33, a–f) is answered on one of
      // them, as the national form requires: one that offers the level (the level itself is unchanged,
      // so the demo's index stays what it was).
      const offering = ind.bases.filter((b) => b.levels.some((l) => l.level === level));
      const basis = offering.length > 0 ? offering[demoLevel(`${inn.id}-${ind.id}-basis`, 0, offering.length - 1)] : undefined;
      const isVerified = inn.status === 'terverifikasi';
      answers.push({
        regionCode: REGION,
        periodId: period.id,
        innovationId: inn.id,
        indicatorId: ind.id,
        claimedLevel: level,
        basisUkur: basis?.key ?? null,
        verification: isVerified ? 'accepted' : 'pending',
      });
      links.push({
        ownerType: 'innovation',
        ownerId: inn.id,
        regionCode: REGION,
        slot: `sid.${ind.id}`,
        kind: 'link',
        title: `Bukti indikator ${ind.name}`,
        url: `https://data.pangkalpinang.example/inovasi/${inn.id}/${ind.id}`,
      });
    }
  }
  for (const ind of structure.spd) {
    answers.push({
      regionCode: REGION,
      periodId: period.id,
      innovationId: null,
      indicatorId: ind.id,
      claimedLevel: demoLevel(`spd-${ind.id}`, 1, ind.maxLevel),
      verification: 'accepted',
    });
  }
  for (let i = 0; i < answers.length; i += 500) await tx.insert(iidAnswers).values(answers.slice(i, i + 500));
  for (let i = 0; i < links.length; i += 500) await tx.insert(attachments).values(links.slice(i, i + 500));
}
