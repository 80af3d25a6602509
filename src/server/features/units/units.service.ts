/** Use cases on units (perangkat daerah): create, edit, delete, import and export. */
import { and, count, eq, sql } from 'drizzle-orm';
import { checkUnitParent, PARENT_RULE_MESSAGES, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '#domain/units/unit-kinds.ts';
import type { UnitImportReport } from '#shared/api/units.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { assessmentItems, innovations, units } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { ServiceContext } from '#server/http/context.ts';
import { readSheet, writeSheet } from '#server/lib/xlsx.ts';
import { recordAudit } from '#server/platform/audit.ts';
import { allUnitsOf } from '#server/platform/records.ts';
import { childKindsOf, findUnit } from './units.queries.ts';

export interface UnitFields {
  kind: UnitKind;
  name: string;
  shortName: string | null;
  headName: string | null;
  parentId: string | null;
}

function snapshot(u: { kind: string; name: string; shortName: string | null; headName: string | null; parentId: string | null }) {
  return { kind: u.kind, name: u.name, shortName: u.shortName, headName: u.headName, parentId: u.parentId };
}

async function checkParent(db: DbOrTx, regionCode: string, selfId: string | null, input: UnitFields): Promise<void> {
  let parentKind: UnitKind | null = null;
  if (input.parentId) {
    if (input.parentId === selfId) throw fieldError('body.parentId', 'Unit tidak boleh menjadi induk bagi dirinya sendiri');
    const parent = await findUnit(db, regionCode, input.parentId);
    if (!parent) throw fieldError('body.parentId', 'Induk tidak ditemukan di daerah ini');
    if (selfId && parent.parentId === selfId) throw fieldError('body.parentId', 'Induk tidak boleh berada di bawah unit ini');
    parentKind = parent.kind as UnitKind;
  }
  const violation = checkUnitParent(input.kind, parentKind);
  if (violation) throw fieldError('body.parentId', PARENT_RULE_MESSAGES[violation].id);
}

function rethrowUnique(err: unknown): never {
  const constraint = uniqueConstraintOf(err);
  if (constraint === 'units_region_name_uq') throw fieldError('body.name', 'Nama unit sudah dipakai di daerah ini');
  if (constraint === 'units_region_short_name_uq') throw fieldError('body.shortName', 'Singkatan sudah dipakai di daerah ini');
  throw err;
}

export async function createUnit(ctx: ServiceContext, regionCode: string, input: UnitFields) {
  return ctx.db
    .transaction(async (tx) => {
      await checkParent(tx, regionCode, null, input);
      const [created] = await tx
        .insert(units)
        .values({ ...input, regionCode })
        .returning({ id: units.id });
      if (!created) throw new AppError('INTERNAL');
      await recordAudit(tx, ctx, {
        action: 'unit.created',
        entityType: 'unit',
        entityId: created.id,
        regionCode,
        after: snapshot(input),
      });
      return created.id;
    })
    .catch(rethrowUnique);
}

export async function updateUnit(ctx: ServiceContext, regionCode: string, id: string, input: UnitFields & { version: number }) {
  return ctx.db
    .transaction(async (tx) => {
      const current = await findUnit(tx, regionCode, id);
      if (!current) throw new AppError('NOT_FOUND');
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await checkParent(tx, regionCode, id, input);
      for (const childKind of await childKindsOf(tx, regionCode, id)) {
        if (checkUnitParent(childKind as UnitKind, input.kind)) {
          throw fieldError('body.kind', 'Jenis baru tidak cocok dengan unit-unit di bawahnya; pindahkan unit bawahan terlebih dahulu');
        }
      }
      const { version, ...fields } = input;
      const [updated] = await tx
        .update(units)
        .set({ ...fields, version: version + 1, updatedAt: ctx.now })
        .where(and(eq(units.id, id), eq(units.regionCode, regionCode), eq(units.version, version)))
        .returning({ id: units.id });
      if (!updated) throw new AppError('STALE_VERSION');
      await recordAudit(tx, ctx, {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        regionCode,
        before: snapshot(current),
        after: snapshot(fields),
      });
    })
    .catch(rethrowUnique);
}

/** Whether Postgres refused a write because another row still refers to this one. */
function isForeignKeyViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    if ((e as { code?: unknown }).code === '23503') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Deletes a unit nothing refers to any more. Each kind of record that still names the unit has its own
 * refusal, which tells the admin what to move first. The unit's row is locked first, so a user or an
 * innovation added at the same moment waits for the delete instead of slipping past the counts.
 */
export async function deleteUnit(ctx: ServiceContext, regionCode: string, id: string) {
  await ctx.db
    .transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, id), eq(units.regionCode, regionCode)))
        .for('update');
      const current = locked ? await findUnit(tx, regionCode, id) : undefined;
      if (!current) throw new AppError('NOT_FOUND');
      if (current.childCount > 0) throw new AppError('UNIT_HAS_CHILDREN', { detail: `unit has ${current.childCount} child units` });
      if (current.userCount > 0) throw new AppError('UNIT_HAS_USERS', { detail: `unit has ${current.userCount} users` });
      const [proposed] = await tx.select({ n: count() }).from(innovations).where(eq(innovations.unitId, id));
      if (proposed && proposed.n > 0) throw new AppError('UNIT_HAS_INNOVATIONS', { detail: `unit has ${proposed.n} innovations` });
      const [assigned] = await tx.select({ n: count() }).from(assessmentItems).where(eq(assessmentItems.unitId, id));
      if (assigned && assigned.n > 0) throw new AppError('UNIT_HAS_ASSESSMENT_ITEMS', { detail: `unit has ${assigned.n} assessment items` });
      await tx.delete(units).where(and(eq(units.id, id), eq(units.regionCode, regionCode)));
      await recordAudit(tx, ctx, {
        action: 'unit.deleted',
        entityType: 'unit',
        entityId: id,
        regionCode,
        before: snapshot(current),
      });
    })
    .catch((err: unknown) => {
      // A table added later that refers to units, and is not counted above yet, still gets a 409.
      if (isForeignKeyViolation(err)) throw new AppError('IN_USE', { detail: 'unit is referenced by a table deleteUnit does not count' });
      throw err;
    });
}

// ---- XLSX -------------------------------------------------------------------------------------

/** Column order of the sheet; the export writes it and the import reads it back. */
const COLUMNS = [
  { key: 'name', header: 'Nama', aliases: ['nama', 'nama unit', 'name'] },
  { key: 'shortName', header: 'Singkatan', aliases: ['singkatan', 'nama singkat', 'short name'] },
  { key: 'kind', header: 'Jenis', aliases: ['jenis', 'jenis unit', 'kind'] },
  { key: 'parent', header: 'Induk', aliases: ['induk', 'unit induk', 'parent'] },
  { key: 'headName', header: 'Kepala', aliases: ['kepala', 'nama kepala', 'head'] },
] as const;

const HEADER_MAP: Record<string, string> = Object.fromEntries(COLUMNS.flatMap((c) => c.aliases.map((a) => [a, c.key])));
const HEADER_LABEL: Record<string, string> = Object.fromEntries(COLUMNS.map((c) => [c.key, c.header]));

function parseKind(text: string): UnitKind | null {
  const t = text.trim().toLowerCase();
  for (const kind of UNIT_KINDS) {
    if (kind === t || UNIT_KIND_LABELS[kind].id.toLowerCase() === t) return kind;
  }
  if (t === 'uptd' || t === 'upt/uptd') return 'upt';
  return null;
}

export async function exportUnits(db: DbOrTx, regionCode: string): Promise<Buffer> {
  const rows = await allUnitsOf(db, regionCode);
  return writeSheet(
    'Perangkat Daerah',
    [
      { header: 'Nama', width: 48, value: (u) => u.name },
      { header: 'Singkatan', width: 16, value: (u) => u.shortName },
      { header: 'Jenis', width: 14, value: (u) => UNIT_KIND_LABELS[u.kind as UnitKind]?.id ?? u.kind },
      { header: 'Induk', width: 40, value: (u) => u.parentName },
      { header: 'Kepala', width: 32, value: (u) => u.headName },
    ],
    rows,
  );
}

interface PlannedRow {
  row: number;
  action: 'create' | 'update';
  existingId: string | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  headName: string | null;
  parent: string | null;
}

/**
 * Imports units from a sheet. Every row is checked first (kind, name, parent found in the region or
 * in the sheet, hierarchy rules, duplicates); with `dryRun` nothing is written, and a real run with any
 * error writes nothing either. A row whose name matches an existing unit updates it.
 */
export async function importUnits(ctx: ServiceContext, regionCode: string, file: Buffer, dryRun: boolean): Promise<UnitImportReport> {
  const sheetRows = await readSheet(file, HEADER_MAP, ['name', 'kind']);
  return ctx.db.transaction(async (tx) => {
    const existing = await allUnitsOf(tx, regionCode);
    // A row updates the unit of the same name; short names only identify parents and clashes.
    const byName = new Map(existing.map((u) => [u.name.toLowerCase(), u]));
    const byShort = new Map(existing.filter((u) => u.shortName).map((u) => [(u.shortName ?? '').toLowerCase(), u]));
    const existingByKey = (key: string) => byName.get(key) ?? byShort.get(key);
    const errors: UnitImportReport['errors'] = [];
    const plan: PlannedRow[] = [];
    const sheetKinds = new Map<string, UnitKind>();
    const seenNames = new Map<string, number>();
    const seenShort = new Map<string, number>();
    const err = (row: number, key: string, reason: string) => errors.push({ row, field: HEADER_LABEL[key] ?? key, reason });

    for (const { rowNumber, cells } of sheetRows) {
      const name = (cells.name ?? '').trim();
      const shortName = (cells.shortName ?? '').trim() || null;
      const kind = parseKind(cells.kind ?? '');
      let isValid = true;
      if (!name) {
        err(rowNumber, 'name', 'Nama wajib diisi');
        isValid = false;
      } else if (name.length > 200) {
        err(rowNumber, 'name', 'Nama paling banyak 200 karakter');
        isValid = false;
      } else if (seenNames.has(name.toLowerCase())) {
        err(rowNumber, 'name', `Nama sama dengan baris ${seenNames.get(name.toLowerCase())}`);
        isValid = false;
      }
      if (shortName && shortName.length > 40) {
        err(rowNumber, 'shortName', 'Singkatan paling banyak 40 karakter');
        isValid = false;
      } else if (shortName && seenShort.has(shortName.toLowerCase())) {
        err(rowNumber, 'shortName', `Singkatan sama dengan baris ${seenShort.get(shortName.toLowerCase())}`);
        isValid = false;
      }
      if (!kind) {
        err(
          rowNumber,
          'kind',
          `Jenis "${cells.kind ?? ''}" tidak dikenal; gunakan salah satu: ${UNIT_KINDS.map((k) => UNIT_KIND_LABELS[k].id).join(', ')}`,
        );
        isValid = false;
      }
      if (name) seenNames.set(name.toLowerCase(), rowNumber);
      if (shortName) seenShort.set(shortName.toLowerCase(), rowNumber);
      if (!isValid || !kind) continue;
      const match = byName.get(name.toLowerCase());
      const shortOwner = shortName ? existingByKey(shortName.toLowerCase()) : undefined;
      if (shortOwner && shortOwner.id !== match?.id) {
        err(rowNumber, 'shortName', `Singkatan sudah dipakai oleh "${shortOwner.name}"`);
        continue;
      }
      sheetKinds.set(name.toLowerCase(), kind);
      if (shortName) sheetKinds.set(shortName.toLowerCase(), kind);
      plan.push({
        row: rowNumber,
        action: match ? 'update' : 'create',
        existingId: match?.id ?? null,
        kind,
        name,
        shortName,
        headName: (cells.headName ?? '').trim() || null,
        parent: (cells.parent ?? '').trim() || null,
      });
    }

    // Parents may be existing units or rows of the same sheet (in any order).
    for (const p of plan) {
      let parentKind: UnitKind | null = null;
      if (p.parent) {
        const key = p.parent.toLowerCase();
        if (key === p.name.toLowerCase()) {
          err(p.row, 'parent', 'Unit tidak boleh menjadi induk bagi dirinya sendiri');
          continue;
        }
        parentKind = sheetKinds.get(key) ?? (existingByKey(key)?.kind as UnitKind | undefined) ?? null;
        if (!parentKind) {
          err(p.row, 'parent', `Induk "${p.parent}" tidak ditemukan di daerah ini maupun di berkas`);
          continue;
        }
      }
      const violation = checkUnitParent(p.kind, parentKind);
      if (violation) err(p.row, 'parent', PARENT_RULE_MESSAGES[violation].id);
    }

    // A new kind must still suit the units already under it (those the sheet does not move).
    const sheetNames = new Set(plan.map((p) => p.name.toLowerCase()));
    for (const p of plan) {
      if (!p.existingId) continue;
      const stranded = existing.filter((c) => c.parentId === p.existingId && !sheetNames.has(c.name.toLowerCase()));
      const misfit = stranded.find((c) => checkUnitParent(c.kind as UnitKind, p.kind) !== null);
      if (misfit) {
        err(p.row, 'kind', `Jenis baru tidak cocok dengan unit di bawahnya ("${misfit.name}"); pindahkan unit itu terlebih dahulu`);
      }
    }
    errors.sort((a, b) => a.row - b.row);

    const report: UnitImportReport = {
      dryRun,
      totalRows: sheetRows.length,
      validRows: sheetRows.length - new Set(errors.map((e) => e.row)).size,
      created: 0,
      updated: 0,
      errors,
      preview: plan.slice(0, 500).map((p) => ({
        row: p.row,
        action: p.action,
        kind: p.kind,
        name: p.name,
        shortName: p.shortName,
        parent: p.parent,
      })),
    };
    if (dryRun) return report;
    if (errors.length > 0) {
      throw new AppError('VALIDATION_FAILED', {
        issues: errors.slice(0, 200).map((e) => ({ field: `baris ${e.row} · ${e.field}`, reason: e.reason })),
      });
    }

    // Write parents before children: rows without a parent first, then the rest, resolving names to ids.
    const ids = new Map<string, string>();
    for (const u of existing) {
      ids.set(u.name.toLowerCase(), u.id);
      if (u.shortName) ids.set(u.shortName.toLowerCase(), u.id);
    }
    const current = new Map(existing.map((u) => [u.id, u]));
    const ordered = [...plan].sort((a, b) => Number(a.parent !== null) - Number(b.parent !== null));
    // Two-level hierarchy at most (kecamatan → kelurahan, OPD → UPT), so one pass in this order suffices.
    for (const p of ordered) {
      const parentId = p.parent ? ids.get(p.parent.toLowerCase()) : null;
      if (parentId === undefined) throw new AppError('INTERNAL', { detail: `unresolved parent ${p.parent}` });
      const fields = { kind: p.kind, name: p.name, shortName: p.shortName, headName: p.headName, parentId };
      let id: string;
      if (p.existingId) {
        id = p.existingId;
        await tx
          .update(units)
          .set({ ...fields, version: sql`${units.version} + 1`, updatedAt: ctx.now })
          .where(and(eq(units.id, id), eq(units.regionCode, regionCode)));
        const before = current.get(id);
        await recordAudit(tx, ctx, {
          action: 'unit.updated',
          entityType: 'unit',
          entityId: id,
          regionCode,
          before: before ? snapshot(before) : null,
          after: { ...snapshot(fields), via: 'import' },
        });
        report.updated++;
      } else {
        const [created] = await tx
          .insert(units)
          .values({ ...fields, regionCode })
          .returning({ id: units.id });
        if (!created) throw new AppError('INTERNAL');
        id = created.id;
        await recordAudit(tx, ctx, {
          action: 'unit.created',
          entityType: 'unit',
          entityId: id,
          regionCode,
          after: { ...snapshot(fields), via: 'import' },
        });
        report.created++;
      }
      ids.set(p.name.toLowerCase(), id);
      if (p.shortName) ids.set(p.shortName.toLowerCase(), id);
    }
    await recordAudit(tx, ctx, {
      action: 'unit.imported',
      entityType: 'unit',
      entityId: null,
      regionCode,
      after: { created: report.created, updated: report.updated, rows: report.totalRows },
    });
    return report;
  });
}
