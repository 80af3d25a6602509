/**
 * Framework versions a region may assess with: the install-wide ones (shipped files and national
 * uploads) and the region's own uploads. A new year's rules are a new file, loaded without a code change.
 */
import { and, desc, eq, isNull, or } from 'drizzle-orm';
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

/** The framework of a version visible to the region, parsed (cached: a version never changes). */
export async function loadFrameworkVersion(db: DbOrTx, regionCode: string, id: string): Promise<{ id: string; framework: Framework } | undefined> {
  const [row] = await db
    .select({ id: frameworkVersions.id, body: frameworkVersions.body })
    .from(frameworkVersions)
    .where(and(eq(frameworkVersions.id, id), visibleIn(regionCode)));
  if (!row) return undefined;
  let framework = parsedCache.get(row.id);
  if (!framework) {
    const parsed = parseFramework(row.body);
    if (!parsed.ok) throw new AppError('INTERNAL', { detail: `stored framework version ${row.id} no longer parses` });
    framework = parsed.framework;
    parsedCache.set(row.id, framework);
  }
  return { id: row.id, framework };
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
