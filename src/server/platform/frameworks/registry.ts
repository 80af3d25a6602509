/**
 * The one registry of indicator frameworks: the `framework_versions` table. It holds the shipped files
 * (recorded at migration) and the versions a national admin (install-wide) or a region uploads. Every
 * feature that scores (assessments, the IID projection, the public scoring API, and the competitions
 * and surveys to come) asks here, never the files on disk; a new year's rules are a new version,
 * loaded without a code change. A version never changes, so its parsed body is cached by id.
 */
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { chooseIidFramework } from '#domain/iid/structure.ts';
import { evaluate, type Evaluation } from '#domain/scoring/engine.ts';
import type { Framework } from '#domain/scoring/framework.schema.ts';
import { parseFramework } from '#domain/scoring/framework-registry.ts';
import type { DbOrTx } from '#server/db/client.ts';
import { uniqueConstraintOf } from '#server/db/errors.ts';
import { frameworkVersions } from '#server/db/schema.ts';
import { AppError, fieldError } from '#server/http/app-error.ts';
import type { RequestOrigin } from '#server/http/context.ts';
import { recordAudit } from '#server/platform/audit.ts';

const visibleIn = (regionCode: string) => or(isNull(frameworkVersions.regionCode), eq(frameworkVersions.regionCode, regionCode));

export async function listFrameworkVersions(db: DbOrTx, regionCode: string) {
  return db
    .select({
      id: frameworkVersions.id,
      frameworkId: frameworkVersions.frameworkId,
      version: frameworkVersions.version,
      name: frameworkVersions.name,
      inputKind: frameworkVersions.inputKind,
      regionCode: frameworkVersions.regionCode,
      origin: frameworkVersions.origin,
      createdAt: frameworkVersions.createdAt,
    })
    .from(frameworkVersions)
    .where(visibleIn(regionCode))
    .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.version));
}

const parsedCache = new Map<string, Framework>();

/**
 * The frameworks of stored versions, by id. A version never changes, so its body is read from the
 * database and parsed once per process; the lookups below select ids only, and every later request
 * for the same versions reads no body at all.
 */
async function frameworksOf(db: DbOrTx, ids: readonly string[]): Promise<Map<string, Framework>> {
  const missing = [...new Set(ids)].filter((id) => !parsedCache.has(id));
  if (missing.length > 0) {
    const rows = await db
      .select({ id: frameworkVersions.id, body: frameworkVersions.body })
      .from(frameworkVersions)
      .where(inArray(frameworkVersions.id, missing));
    for (const row of rows) {
      const parsed = parseFramework(row.body);
      if (!parsed.ok) throw new AppError('INTERNAL', { detail: `stored framework version ${row.id} no longer parses` });
      parsedCache.set(row.id, parsed.framework);
    }
  }
  const out = new Map<string, Framework>();
  for (const id of ids) {
    const framework = parsedCache.get(id);
    if (!framework) throw new AppError('INTERNAL', { detail: `framework version ${id} vanished while it was read` });
    out.set(id, framework);
  }
  return out;
}

/** Rows of versions with their parsed frameworks, in the rows' order. */
async function loaded(db: DbOrTx, rows: readonly { id: string; regionCode: string | null }[]): Promise<LoadedVersion[]> {
  const frameworks = await frameworksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.flatMap((r) => {
    const framework = frameworks.get(r.id);
    return framework ? [{ id: r.id, regionCode: r.regionCode, framework }] : [];
  });
}

export interface LoadedVersion {
  /** The version's row id (what an assessment or a period names). */
  id: string;
  regionCode: string | null;
  framework: Framework;
}

/** The framework of a version visible to the region, parsed. */
export async function loadFrameworkVersion(db: DbOrTx, regionCode: string, id: string): Promise<LoadedVersion | undefined> {
  const rows = await db
    .select({ id: frameworkVersions.id, regionCode: frameworkVersions.regionCode })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.id, id), visibleIn(regionCode)));
  const [version] = await loaded(db, rows);
  return version;
}

/**
 * Every version the region may use of one input kind, the region's own first, then newest first: so
 * among versions covering the same year, the region's upload wins over the install-wide one.
 */
export async function usableVersions(db: DbOrTx, regionCode: string, inputKind: Framework['inputKind']): Promise<LoadedVersion[]> {
  const rows = await db
    .select({ id: frameworkVersions.id, regionCode: frameworkVersions.regionCode })
    .from(frameworkVersions)
    .where(and(visibleIn(regionCode), eq(frameworkVersions.inputKind, inputKind)))
    .orderBy(desc(frameworkVersions.createdAt), desc(frameworkVersions.id));
  return loaded(db, [...rows.filter((r) => r.regionCode !== null), ...rows.filter((r) => r.regionCode === null)]);
}

/** The install-wide frameworks the public API shows: the newest install-wide version of each framework id. */
export async function installWideFrameworks(db: DbOrTx): Promise<Map<string, LoadedVersion>> {
  const rows = await db
    .select({ id: frameworkVersions.id, frameworkId: frameworkVersions.frameworkId, regionCode: frameworkVersions.regionCode })
    .from(frameworkVersions)
    .where(isNull(frameworkVersions.regionCode))
    .orderBy(frameworkVersions.frameworkId, desc(frameworkVersions.createdAt), desc(frameworkVersions.id));
  const newest = new Map<string, { id: string; regionCode: string | null }>();
  for (const row of rows) if (!newest.has(row.frameworkId)) newest.set(row.frameworkId, row);
  const versions = await loaded(db, [...newest.values()]);
  return new Map(versions.map((v) => [v.framework.id, v]));
}

export interface PeriodFramework extends LoadedVersion {
  /** False when no version covers the period's year and the nearest one is assumed. */
  exact: boolean;
}

/**
 * The IID framework of a period: the version it names (chosen on the period form), else the version
 * effective in its year among those the region may use (the region's own before the install's).
 */
export async function iidFrameworkOfPeriod(
  db: DbOrTx,
  regionCode: string,
  period: { year: number; iidFrameworkVersionId: string | null },
): Promise<PeriodFramework> {
  if (period.iidFrameworkVersionId !== null) {
    const named = await loadFrameworkVersion(db, regionCode, period.iidFrameworkVersionId);
    if (named === undefined || named.framework.inputKind !== 'innovations') {
      throw new AppError('IID_FRAMEWORK_UNKNOWN', {
        detail: `the period names version ${period.iidFrameworkVersionId}, which is not an IID framework`,
      });
    }
    return { ...named, exact: true };
  }
  const candidates = await usableVersions(db, regionCode, 'innovations');
  const chosen = chooseIidFramework(
    candidates.map((c) => c.framework),
    period.year,
  );
  const version = chosen && candidates.find((c) => c.framework === chosen.framework);
  if (!chosen || !version) throw new AppError('IID_FRAMEWORK_MISSING', { detail: 'no IID framework is installed' });
  return { ...version, exact: chosen.exact };
}

/** A framework as the public list shows it. */
export function summarize(f: Framework) {
  return {
    id: f.id,
    version: f.version,
    name: f.name,
    description: f.description ?? null,
    inputKind: f.inputKind,
    effectiveYears: f.effectiveYears,
  };
}

/** Scores input; a mistake in the input is a 400 naming the indicator, never a silent zero. */
export function evaluateWith(framework: Framework, input: unknown): Extract<Evaluation, { ok: true }>['result'] {
  const evaluation = evaluate(framework, input);
  if (!evaluation.ok) {
    throw new AppError('VALIDATION_FAILED', {
      issues: evaluation.errors.map((e) => ({
        field:
          [
            e.innovation === undefined ? null : `innovations.${e.innovation}`,
            e.respondent === undefined ? null : `responses.${e.respondent}`,
            e.indicator,
          ]
            .filter((p) => p !== null)
            .join('.') || 'input',
        reason: e.message,
      })),
    });
  }
  return evaluation.result;
}

/**
 * Validates and stores an uploaded framework file, for one region or (regionCode null, national admin
 * or CLI) for the whole install. Every problem in the file is reported with its path.
 */
export async function uploadFrameworkVersion(
  db: DbOrTx,
  who: { actor: { id: string; username: string } | null; origin: RequestOrigin | null },
  regionCode: string | null,
  json: unknown,
): Promise<string> {
  const parsed = parseFramework(json);
  if (!parsed.ok) {
    throw new AppError('VALIDATION_FAILED', {
      issues: parsed.errors.slice(0, 100).map((e) => ({ field: e.path, reason: e.message })),
    });
  }
  const f = parsed.framework;
  try {
    const [row] = await db
      .insert(frameworkVersions)
      .values({
        frameworkId: f.id,
        version: f.version,
        name: f.name,
        inputKind: f.inputKind,
        regionCode,
        body: f,
        origin: 'upload',
        createdBy: who.actor?.id ?? null,
      })
      .returning({ id: frameworkVersions.id });
    if (!row) throw new AppError('INTERNAL');
    await recordAudit(db, who, {
      action: 'framework.uploaded',
      entityType: 'framework_version',
      entityId: row.id,
      regionCode,
      after: { frameworkId: f.id, version: f.version, name: f.name },
    });
    return row.id;
  } catch (err) {
    if (uniqueConstraintOf(err) === 'framework_versions_uq') {
      throw fieldError('body.version', `Versi ${f.version} dari kerangka ${f.id} sudah ada; naikkan nomor versinya`);
    }
    throw err;
  }
}

/**
 * `usableVersions` for many regions in one query (the national roll-up scores every region of a year
 * at once): region code → its usable versions of the kind, its own first, then newest first, exactly
 * as `usableVersions` orders them for one region.
 */
export async function usableVersionsOfRegions(
  db: DbOrTx,
  regionCodes: readonly string[],
  inputKind: Framework['inputKind'],
): Promise<Map<string, LoadedVersion[]>> {
  const out = new Map<string, LoadedVersion[]>();
  if (regionCodes.length === 0) return out;
  const rows = await db
    .select({ id: frameworkVersions.id, regionCode: frameworkVersions.regionCode })
    .from(frameworkVersions)
    .where(
      and(
        or(isNull(frameworkVersions.regionCode), inArray(frameworkVersions.regionCode, [...regionCodes])),
        eq(frameworkVersions.inputKind, inputKind),
      ),
    )
    .orderBy(desc(frameworkVersions.createdAt), desc(frameworkVersions.id));
  const versions = await loaded(db, rows);
  const installWide = versions.filter((v) => v.regionCode === null);
  for (const code of regionCodes) out.set(code, [...versions.filter((v) => v.regionCode === code), ...installWide]);
  return out;
}

/** Versions by id, parsed, whatever their region (the caller has already scoped the ids to their regions). */
export async function versionsById(db: DbOrTx, ids: readonly string[]): Promise<Map<string, LoadedVersion>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: frameworkVersions.id, regionCode: frameworkVersions.regionCode })
    .from(frameworkVersions)
    .where(inArray(frameworkVersions.id, [...new Set(ids)]));
  return new Map((await loaded(db, rows)).map((v) => [v.id, v]));
}

/** The IID framework of a period chosen among the region's usable versions (as `iidFrameworkOfPeriod`, without a query). */
export function pickIidFramework(
  candidates: readonly LoadedVersion[],
  period: { year: number; iidFrameworkVersionId: string | null },
): PeriodFramework | null {
  if (period.iidFrameworkVersionId !== null) {
    const named = candidates.find((c) => c.id === period.iidFrameworkVersionId);
    return named ? { ...named, exact: true } : null;
  }
  const chosen = chooseIidFramework(
    candidates.map((c) => c.framework),
    period.year,
  );
  const version = chosen && candidates.find((c) => c.framework === chosen.framework);
  return chosen && version ? { ...version, exact: chosen.exact } : null;
}
