/**
 * The layers point one way, and a feature keeps to its own room. A feature (src/server/features/<name>)
 * imports only its own files and the layers under it (platform, lib, db, http, shared, domain), never
 * another feature: what two features need belongs in the platform layer. The test reads every import
 * of every source file, so a new file is covered without anyone remembering to add it.
 *
 * The web app has the same rooms: a feature (web/src/features/<name>) uses the shared web parts
 * (components, api, session, i18n) and never another feature; the shared parts use no feature; only the
 * shell (app.tsx, main.tsx, the layouts and the pages) puts features together, and the two message
 * catalogs gather each feature's messages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ALIASES: Record<string, string> = { '#domain/': 'src/domain/', '#server/': 'src/server/', '#shared/': 'src/shared/' };

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx)$/.test(name) ? [rel] : [];
  });
}

/** The repository paths a file imports (static, dynamic and re-exports), package imports left out. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return specifiers.flatMap((spec) => {
    const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a));
    if (alias) return [`${ALIASES[alias]}${spec.slice(alias.length)}`];
    if (spec.startsWith('.')) return [path.posix.normalize(path.posix.join(path.posix.dirname(file), spec))];
    return [];
  });
}

/** The layer of a repository path: `feature:<name>` for a feature's room. */
function layerOf(file: string): string {
  const feature = /^src\/server\/features\/([^/]+)\//.exec(file);
  if (feature) return `feature:${feature[1]}`;
  const server = /^src\/server\/([^/]+)\//.exec(file);
  if (server) return server[1] ?? 'server';
  if (file.startsWith('src/server/')) return 'server-root';
  if (file.startsWith('src/domain/')) return 'domain';
  if (file.startsWith('src/shared/')) return 'shared';
  const webFeature = /^web\/src\/features\/([^/]+)\//.exec(file);
  if (webFeature) return `web-feature:${webFeature[1]}`;
  if (/^web\/src\/(pages|layout)\//.test(file) || /^web\/src\/(app|main)\.tsx$/.test(file)) return 'web-shell';
  if (file.startsWith('web/')) return 'web';
  if (file.startsWith('frameworks/')) return 'frameworks';
  return 'other';
}

/** What each layer may import besides itself. Composition roots (app.ts, cli, demo) wire everything. */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  shared: ['domain'],
  lib: ['shared', 'domain', 'server-root'],
  db: ['lib', 'shared', 'domain', 'server-root'],
  http: ['db', 'lib', 'shared', 'domain', 'server-root'],
  platform: ['http', 'db', 'lib', 'shared', 'domain', 'server-root'],
  feature: ['platform', 'http', 'db', 'lib', 'shared', 'domain', 'server-root'],
  'web-feature': ['web', 'shared', 'domain'],
  web: ['shared', 'domain'],
  'web-shell': ['web', 'shared', 'domain'],
};

/** A message catalog (messages.id.ts) gathers every feature's messages (`<feature>.messages.id.ts`). */
const isCatalogGathering = (file: string, target: string) =>
  /^web\/src\/i18n\/messages\.(id|en)\.ts$/.test(file) && /\.messages\.(id|en)\.ts$/.test(target);

/** The error every server layer throws with a catalog code; it carries no HTTP machinery itself. */
const SHARED_BY_SERVER_LAYERS = new Set(['src/server/http/app-error.ts']);

/** Why `file` may not import `target`, or null when it may. */
function refusal(file: string, target: string): string | null {
  const from = layerOf(file);
  const rule = ALLOWED[from.startsWith('feature:') ? 'feature' : from.startsWith('web-feature:') ? 'web-feature' : from];
  const to = layerOf(target);
  if (rule === undefined || to === from) return null;
  if (to.startsWith('web-feature:') && (from === 'web-shell' || isCatalogGathering(file, target))) return null;
  if (to.startsWith('feature:') || to.startsWith('web-feature:')) return `${file} → ${target} (a feature's files are its own)`;
  if (SHARED_BY_SERVER_LAYERS.has(target) && file.startsWith('src/server/')) return null;
  return rule.includes(to) ? null : `${file} → ${target} (${from} may not import ${to})`;
}

const checked = [...sourceFiles('src'), ...sourceFiles('web/src')].filter((f) => !f.endsWith('.test.ts') && !f.endsWith('.test.tsx'));

function violations(): string[] {
  return checked.flatMap((file) => importsOf(file).flatMap((target) => refusal(file, target) ?? []));
}

describe('the layers', () => {
  it('finds the imports it checks (not a vacuous pass)', () => {
    expect(checked.length).toBeGreaterThan(150);
    expect(importsOf('src/server/features/innovations/evidence.service.ts')).toContain('src/server/platform/attachments/attachments.ts');
    expect(layerOf('src/server/features/iid/iid.service.ts')).toBe('feature:iid');
    expect(layerOf('web/src/features/iid/sid-panel.tsx')).toBe('web-feature:iid');
    expect(importsOf('web/src/features/iid/sid-panel.tsx')).toContain('web/src/components/evidence-slot.tsx');
  });

  it('refuses what the rule forbids and allows what it allows', () => {
    expect(refusal('src/server/features/iid/iid.service.ts', 'src/server/features/innovations/innovations.queries.ts')).not.toBeNull();
    expect(refusal('src/server/platform/records.ts', 'src/server/features/units/units.queries.ts')).not.toBeNull();
    expect(refusal('web/src/api/iid.api.ts', 'src/server/features/iid/iid.service.ts')).not.toBeNull();
    expect(refusal('src/domain/iid/projection.ts', 'src/server/db/schema.ts')).not.toBeNull();
    expect(refusal('src/shared/api/iid.ts', 'src/server/db/schema.ts')).not.toBeNull();
    expect(refusal('src/server/features/iid/iid.service.ts', 'src/server/features/iid/iid.queries.ts')).toBeNull();
    expect(refusal('src/server/features/iid/iid.service.ts', 'src/server/platform/audit.ts')).toBeNull();
    expect(refusal('web/src/api/iid.api.ts', 'src/shared/api/iid.ts')).toBeNull();
    expect(refusal('web/src/features/iid/sid-panel.tsx', 'web/src/features/innovations/evidence-panel.tsx')).not.toBeNull();
    expect(refusal('web/src/components/figures.ts', 'web/src/features/iid/national-panel.tsx')).not.toBeNull();
    expect(refusal('web/src/i18n/i18n.tsx', 'web/src/features/iid/sid-panel.tsx')).not.toBeNull();
    expect(refusal('web/src/features/iid/sid-panel.tsx', 'web/src/components/evidence-slot.tsx')).toBeNull();
    expect(refusal('web/src/pages/iid.page.tsx', 'web/src/features/iid/sid-panel.tsx')).toBeNull();
    expect(refusal('web/src/i18n/messages.id.ts', 'web/src/features/iid/iid.messages.id.ts')).toBeNull();
  });

  it('point one way: no feature imports another (server or web), the platform and the shared web parts no feature, the web app no server file', () => {
    expect(violations()).toEqual([]);
  });
});
