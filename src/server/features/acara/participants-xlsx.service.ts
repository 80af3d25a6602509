/**
 * A participant list from XLSX (the registration sheet a unit collected, a partner's list of guests),
 * checked row by row first, as the unit and service imports are: with `dryRun` nothing is written; a
 * real run with any row in error writes nothing either, otherwise every new row lands in one
 * transaction. A row naming someone already registered (same name and unit/organisation) is skipped.
 */
import type { z } from 'zod';
import { participantInput, type participantImportReport } from '#shared/api/events.ts';
import { eventParticipants } from '#server/db/schema.ts';
import { AppError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet, writeSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { allUnitsOf } from '#server/platform/records.ts';
import { allParticipants } from './events.queries.ts';
import { manageableEvent } from './events.service.ts';
import { newCheckinToken, newParticipantCode } from './participants.service.ts';

type ImportReport = z.infer<typeof participantImportReport>;

const HEADERS: Record<string, string> = {
  nama: 'name',
  'nama peserta': 'name',
  'nama lengkap': 'name',
  jenis: 'kind',
  'jenis peserta': 'kind',
  unit: 'unit',
  'perangkat daerah': 'unit',
  opd: 'unit',
  instansi: 'organisation',
  organisasi: 'organisation',
  'instansi/organisasi': 'organisation',
  jabatan: 'position',
  surel: 'email',
  email: 'email',
  'e-mail': 'email',
  telepon: 'phone',
  'nomor telepon': 'phone',
  hp: 'phone',
  'no. hp': 'phone',
};
const LABEL: Record<string, string> = {
  name: 'Nama',
  kind: 'Jenis',
  unit: 'Unit',
  organisation: 'Instansi/organisasi',
  position: 'Jabatan',
  email: 'Surel',
  phone: 'Telepon',
};

const KIND_WORDS: Record<string, 'internal' | 'external'> = {
  internal: 'internal',
  asn: 'internal',
  pegawai: 'internal',
  pns: 'internal',
  external: 'external',
  eksternal: 'external',
  luar: 'external',
  swasta: 'external',
  umum: 'external',
};

export async function participantTemplate(): Promise<Buffer> {
  const columns = ['Nama', 'Jenis', 'Unit', 'Instansi/organisasi', 'Jabatan', 'Surel', 'Telepon'];
  const examples = [
    ['Rina Marlina', 'Internal', 'Bapperida', '', 'Analis Kebijakan', '', ''],
    ['Budi Santoso', 'Eksternal', '', 'Universitas Bangka Belitung', 'Dosen', 'budi@example.ac.id', '0812-0000-0000'],
  ];
  return writeSheet(
    'Peserta',
    columns.map((header, i) => ({ header, width: i === 0 || i === 3 ? 32 : 18, value: (row: string[]) => row[i] || null })),
    examples,
  );
}

export async function importParticipants(
  ctx: ServiceContext,
  regionCode: string,
  eventId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<ImportReport> {
  const sheetRows = await readSheet(file, HEADERS, ['name'], 3000);
  return ctx.db.transaction(async (tx) => {
    const event = await manageableEvent(ctx, tx, regionCode, eventId);
    const units = new Map<string, { id: string }>();
    const regionUnits = await allUnitsOf(tx, regionCode);
    for (const u of regionUnits) units.set(u.name.toLowerCase(), u);
    for (const u of regionUnits) if (u.shortName) units.set(u.shortName.toLowerCase(), u);
    const keyOf = (name: string, side: string) => `${name.toLowerCase()}|${side.toLowerCase()}`;
    const registered = new Set((await allParticipants(tx, regionCode, eventId)).map((p) => keyOf(p.name, p.unitId ?? p.organisation ?? '')));

    const errors: ImportReport['errors'] = [];
    const err = (row: number, key: string, reason: string) => errors.push({ row, field: LABEL[key] ?? key, reason });
    const seen = new Map<string, number>();
    const plan: { row: number; values: typeof eventParticipants.$inferInsert }[] = [];
    let skipped = 0;

    for (const { rowNumber, cells } of sheetRows) {
      const before = errors.length;
      const unitText = (cells.unit ?? '').trim();
      const organisation = (cells.organisation ?? '').trim();
      const kindText = (cells.kind ?? '').trim().toLowerCase();
      let kind: 'internal' | 'external' | undefined = kindText ? KIND_WORDS[kindText] : unitText ? 'internal' : organisation ? 'external' : undefined;
      if (kindText && !kind) err(rowNumber, 'kind', `Jenis "${cells.kind}" tidak dikenal; isi Internal atau Eksternal`);
      else if (!kind) err(rowNumber, 'unit', 'Isi Unit (peserta internal) atau Instansi/organisasi (peserta eksternal)');
      const unit = unitText ? units.get(unitText.toLowerCase()) : undefined;
      if (kind === 'internal' && !unitText) err(rowNumber, 'unit', 'Peserta internal wajib mencantumkan unitnya');
      else if (kind === 'internal' && !unit) err(rowNumber, 'unit', `Unit "${unitText}" tidak ditemukan di daerah ini`);
      if (kind === undefined) kind = 'external';
      const parsed = participantInput.safeParse(
        kind === 'internal'
          ? {
              kind,
              unitId: unit?.id ?? '00000000-0000-4000-8000-000000000000',
              name: cells.name ?? '',
              position: cells.position || null,
              email: cells.email || null,
              phone: cells.phone || null,
            }
          : { kind, name: cells.name ?? '', organisation, position: cells.position || null, email: cells.email || null, phone: cells.phone || null },
      );
      if (!parsed.success) for (const issue of parsed.error.issues) err(rowNumber, String(issue.path[0] ?? 'name'), issue.message);
      if (kind === 'internal' && !(cells.name ?? '').trim()) err(rowNumber, 'name', 'Nama peserta wajib diisi');
      if (errors.length > before || !parsed.success) continue;
      const data = parsed.data;
      const name = (data.name ?? '').trim();
      const side = data.kind === 'internal' ? (unit?.id ?? '') : data.organisation;
      const key = keyOf(name, side);
      const twin = seen.get(key);
      if (twin !== undefined) {
        err(rowNumber, 'name', `Peserta yang sama sudah ada di baris ${twin}`);
        continue;
      }
      seen.set(key, rowNumber);
      if (registered.has(key)) {
        skipped++;
        continue;
      }
      plan.push({
        row: rowNumber,
        values: {
          regionCode,
          eventId,
          kind: data.kind,
          userId: null,
          unitId: data.kind === 'internal' ? (unit?.id ?? null) : null,
          organisation: data.kind === 'external' ? data.organisation : null,
          name,
          position: data.position,
          email: data.email ?? null,
          phone: data.phone,
          checkinToken: newCheckinToken(),
          code: newParticipantCode(),
          createdAt: ctx.now,
        },
      });
    }

    if (!event.isRegistrationOpen && plan.length > 0) {
      errors.push({ row: 0, field: 'Pendaftaran', reason: 'Pendaftaran acara ini ditutup; buka kembali untuk mengimpor peserta' });
    }
    if (event.capacity !== null) {
      const room = event.capacity - registered.size;
      const over = plan[room];
      if (over && room >= 0) {
        err(over.row, 'name', `Kapasitas acara ${event.capacity} orang terlampaui mulai baris ini (${plan.length - room} peserta lebih)`);
      }
    }
    errors.sort((a, b) => a.row - b.row);
    const report: ImportReport = { dryRun, created: plan.length, skipped, errors };
    if (dryRun) return report;
    if (errors.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
      });
    }
    for (let i = 0; i < plan.length; i += 500) {
      await tx.insert(eventParticipants).values(plan.slice(i, i + 500).map((p) => p.values));
    }
    await recordAudit(tx, ctx, {
      action: 'event.participants.imported',
      entityType: 'event',
      entityId: eventId,
      regionCode,
      after: { created: plan.length, skipped, rows: sheetRows.length },
    });
    return report;
  });
}
