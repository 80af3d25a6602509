/**
 * No input makes the server fail: walks every registered API route (so a new route is fuzzed the day it
 * is added) and sends it well-formed and malformed input derived from its own zod schemas — junk path
 * parameters, wrong query types, wrong types at every body field, odd structures, invalid JSON and
 * wrong content types — as the regional admin, the national admin and an anonymous caller, against the
 * demo data (so real ids reach the handlers). Any 5xx fails the test, naming the request.
 *
 * Reproducible: a seeded generator drives every choice. Another seed: SINERGI_FUZZ_SEED=123; more
 * requests per route: SINERGI_FUZZ_SCALE=3.
 */
import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seedDemo } from '../../src/server/demo/seed-demo.ts';
import type { RegisteredRoute } from '../../src/server/http/plugins.ts';
import { loginAs, makeUser, startTestApp, type TestApp } from '../support/harness.ts';

const SEED = Number(process.env.SINERGI_FUZZ_SEED ?? 20_261_204);
const SCALE = Number(process.env.SINERGI_FUZZ_SCALE ?? 1);
const HOME = '19.71';
const OTHER = '62.71';

/**
 * 5xx answers the owners of the code still have to fix, each with its reproduction in the report. A
 * matching failure is not counted; everything else is. Empty this list as the fixes land.
 */
const KNOWN_5XX: ReadonlyArray<{ route: string; label: RegExp; why: string }> = [];

// ---- seeded randomness --------------------------------------------------------------------------

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: small, fast, good enough to pick test inputs. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < n && copy.length > 0) out.push(...copy.splice(this.int(copy.length), 1));
    return out;
  }
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => this.int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

// ---- reading the route's zod schemas ----------------------------------------------------------

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  element?: unknown;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: unknown[];
  valueType?: unknown;
  left?: unknown;
  right?: unknown;
  format?: string;
}

function defOf(schema: unknown): Def | null {
  return schema instanceof z.ZodType ? (schema._zod.def as unknown as Def) : null;
}

const WRAPPERS = new Set(['optional', 'default', 'nullable', 'readonly', 'catch', 'prefault', 'nonoptional']);

/** The schema under optional/default/nullable wrappers and on the input side of a pipe. */
function unwrap(schema: unknown): Def | null {
  let def = defOf(schema);
  for (let i = 0; def && i < 10; i++) {
    if (WRAPPERS.has(def.type)) def = defOf(def.innerType);
    else if (def.type === 'pipe') def = defOf(def.in);
    else break;
  }
  return def;
}

function isRequired(schema: unknown): boolean {
  const def = defOf(schema);
  if (!def) return false;
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault') return false;
  if (def.type === 'pipe') return isRequired(def.in);
  if (def.type === 'nullable' || def.type === 'readonly' || def.type === 'catch') return isRequired(def.innerType);
  return true;
}

/** Real ids of the demo data, by what they name. */
interface Pools {
  units: string[];
  users: string[];
  periods: string[];
  innovations: string[];
  assessments: string[];
  frameworks: string[];
  frameworkVersions: string[];
  /** Children keyed by their parent's id, so a child is usually asked for under its own parent. */
  evidenceOf: Map<string, string[]>;
  itemsOf: Map<string, string[]>;
  itemEvidenceOf: Map<string, string[]>;
  answersOf: Map<string, string[]>;
  spdOf: Map<string, string[]>;
  /** Ids listed by the region's other list routes (`…/regions/:regionCode/<segment>`), by segment. */
  bySegment: Map<string, string[]>;
}

const allIds = (p: Pools) => [
  ...p.units,
  ...p.users,
  ...p.periods,
  ...p.innovations,
  ...p.assessments,
  ...p.frameworkVersions,
  ...[...p.evidenceOf.values()].flat(),
  ...[...p.itemsOf.values()].flat(),
];

/** A plausible id for a body or query field, by its name. */
function idForField(name: string, pools: Pools, rng: Rng): string {
  const byName: Array<[RegExp, string[]]> = [
    [/^(unitId|parentId|unit)$/, pools.units],
    [/^periodId$/, pools.periods],
    [/^innovationId$/, pools.innovations],
    [/frameworkVersionId$/, pools.frameworkVersions],
    [/^(assessmentId)$/, pools.assessments],
  ];
  for (const [pattern, pool] of byName) if (pattern.test(name) && pool.length > 0 && rng.chance(0.85)) return rng.pick(pool);
  return rng.chance(0.5) ? rng.pick(allIds(pools)) : rng.uuid();
}

/** A value the schema would probably accept (best effort: the handler is reached more often). */
function sampleOf(schema: unknown, name: string, pools: Pools, rng: Rng, depth = 0): unknown {
  const outer = defOf(schema);
  if (outer && outer.type === 'nullable' && rng.chance(0.15)) return null;
  const def = unwrap(schema);
  if (!def || depth > 6) return null;
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (isRequired(field) || rng.chance(0.7)) out[key] = sampleOf(field, key, pools, rng, depth + 1);
      }
      return out;
    }
    case 'array':
      return Array.from({ length: rng.int(3) }, () => sampleOf(def.element, name, pools, rng, depth + 1));
    case 'string':
      return sampleString(def.format, name, pools, rng);
    case 'number':
    case 'int':
      return sampleNumber(name, rng);
    case 'boolean':
      return rng.chance(0.5);
    case 'enum':
      return rng.pick(Object.values(def.entries ?? { x: 'x' }));
    case 'literal':
      return rng.pick(def.values ?? [null]);
    case 'union':
      return def.options?.length ? sampleOf(rng.pick(def.options), name, pools, rng, depth + 1) : null;
    case 'record':
      return { [String(1 + rng.int(50))]: sampleOf(def.valueType, name, pools, rng, depth + 1) };
    case 'intersection': {
      const left = sampleOf(def.left, name, pools, rng, depth + 1);
      const right = sampleOf(def.right, name, pools, rng, depth + 1);
      return typeof left === 'object' && typeof right === 'object' ? { ...left, ...right } : right;
    }
    default:
      return rng.pick(JUNK);
  }
}

function sampleString(format: string | undefined, name: string, pools: Pools, rng: Rng): string {
  const month = String(1 + rng.int(12)).padStart(2, '0');
  const day = String(1 + rng.int(28)).padStart(2, '0');
  switch (format) {
    case 'uuid':
    case 'guid':
      return idForField(name, pools, rng);
    case 'date':
      return `${rng.pick([2025, 2026, 2027])}-${month}-${day}`;
    case 'datetime':
      return `2026-${month}-${day}T0${rng.int(10)}:00:00Z`;
    case 'email':
      return `uji${rng.int(1000)}@example.go.id`;
    case 'url':
      return `https://example.go.id/${rng.int(1000)}`;
  }
  if (/regionCode|^region$/.test(name)) return rng.pick([HOME, HOME, OTHER, '19', '99.99']);
  if (name === 'province') return rng.pick(['19', '62', '99']);
  if (/password/i.test(name)) return `Fuzz-Kata-Sandi-${rng.int(1e9)}!`;
  if (name === 'username') return `fuzz.${rng.int(1e6)}`;
  if (name === 'target') return rng.pick(['umum', 'anggaran', 'profil_bisnis', 'sid.16', 'x']);
  if (name === 'fileName') return rng.pick(['bukti.pdf', 'foto.png', 'berkas.xlsx', 'tanpa-ekstensi']);
  if (name === 'indicatorId' || name === 'value') return String(1 + rng.int(47));
  return `Teks uji ${rng.int(1e6)}`;
}

function sampleNumber(name: string, rng: Rng): number {
  if (name === 'year') return rng.pick([2025, 2026, 2027]);
  if (name === 'version') return 1 + rng.int(2);
  if (name === 'latitude') return -2.1 + rng.next();
  if (name === 'longitude') return 106 + rng.next();
  if (/page$/i.test(name) || name === 'limit') return 1 + rng.int(10);
  return rng.int(6);
}

/** Every field of an object schema, nested objects and array elements included, as paths. */
interface FieldPath {
  path: string[];
  /** The zod type under the wrappers: string, number, array, object… */
  type: string;
}

function fieldPaths(schema: unknown, prefix: string[] = [], depth = 0): FieldPath[] {
  const def = unwrap(schema);
  if (!def || depth > 4) return [];
  if (def.type === 'object') {
    return Object.entries(def.shape ?? {}).flatMap(([key, field]) => [
      { path: [...prefix, key], type: unwrap(field)?.type ?? 'unknown' },
      ...fieldPaths(field, [...prefix, key], depth + 1),
    ]);
  }
  if (def.type === 'array') return fieldPaths(def.element, [...prefix, '0'], depth + 1);
  if (def.type === 'union') return (def.options ?? []).flatMap((o) => fieldPaths(o, prefix, depth + 1));
  if (def.type === 'intersection') return [...fieldPaths(def.left, prefix, depth + 1), ...fieldPaths(def.right, prefix, depth + 1)];
  return [];
}

/** A copy of `value` with the field at `path` replaced (created where missing). */
function withField(value: unknown, path: string[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = withField(copy[Number(head)], rest, replacement);
    return copy;
  }
  const base = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return { ...base, [head]: withField(base[head], rest, replacement) };
}

function withoutField(value: unknown, path: string[]): unknown {
  const [head, ...rest] = path;
  if (head === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutField(copy[head], rest);
  return copy;
}

// ---- junk -------------------------------------------------------------------------------------

const nested = (depth: number): unknown => {
  let value: unknown = 'dasar';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

/** Values of the wrong type or at the edges, for any JSON field. */
const JUNK: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.000001,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  1e308,
  -1e308,
  '',
  ' ',
  '   \t\n',
  'x'.repeat(10_000),
  'x'.repeat(300_000),
  'a\u0000b',
  '\uD800',
  '\u202Eterbalik',
  '😀'.repeat(300),
  '../../../etc/passwd',
  '%00',
  '%',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '1e309',
  'NaN',
  'Infinity',
  '-0',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31',
  '2026-13-01',
  '-002026-01-01',
  '275760-09-13',
  '2026-01-01T25:61:00Z',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '19.71',
  [],
  [null],
  ['a', 1, null, {}],
  {},
  { a: 1 },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  nested(50),
  nested(2_000),
  Array.from({ length: 5_000 }, (_, i) => i),
];

/** Raw path segments (already in URL form): junk, odd encodings, ids of the wrong kind. */
const PATH_JUNK: readonly string[] = [
  'x',
  '..',
  '.',
  '%2e%2e',
  '%2F',
  '%2f..%2f..',
  '%00',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AE',
  '%FF',
  '%C3%A9',
  encodeURIComponent('😀'.repeat(40)),
  'x'.repeat(5_000),
  '-1',
  '0',
  '1e308',
  '99999999999999999999',
  '%20',
  ';',
  '*',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '19.71',
  '99.99',
  'null',
  'undefined',
];

/** Raw query values (already in URL form). */
const QUERY_JUNK: readonly string[] = [
  '',
  '-1',
  '0',
  '1.5',
  '99999999999999999999',
  '1e400',
  '-1e400',
  'NaN',
  'abc',
  '%00',
  '%',
  '%ZZ',
  'true',
  'null',
  '[]',
  '{}',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('😀'.repeat(100)),
  'x'.repeat(3_000),
  '00000000-0000-0000-0000-000000000000',
];

const CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/octet-stream',
  'application/json; charset=latin1',
  'application/pdf',
  'image/png',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/json;',
  '*/*',
  'x',
];

const RAW_BODIES: readonly string[] = [
  '',
  '{',
  '{"a":',
  'null',
  '[]',
  '1e999',
  '"teks"',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  '\u0000',
  '\uFEFF{}',
  '{"a":1,"a":2}',
  '{"a":"\\ud800"}',
];

function randomUploadBytes(rng: Rng): Buffer {
  const kind = rng.int(6);
  const junk = randomBytes(rng.int(4_000));
  if (kind === 0) return Buffer.concat([Buffer.from('%PDF-1.4\n'), junk]);
  if (kind === 1) return Buffer.concat([Buffer.from('PK\u0003\u0004'), junk]);
  if (kind === 2) return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), junk]);
  if (kind === 3) return Buffer.from('<html><script>alert(1)</script></html>');
  if (kind === 4) return Buffer.alloc(0);
  return junk;
}

// ---- building requests ------------------------------------------------------------------------

interface Case {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

interface Caller {
  name: FuzzRole | 'anonymous';
  /** null = anonymous */
  cookie: string | null;
  /** The region it may act in; the national admin names any. */
  region: string;
  share: number;
}

function fillPath(route: RegisteredRoute, caller: Caller, pools: Pools, rng: Rng, junkAt: string | null): string {
  let parent: string | null = null;
  let previousSegment = '';
  const segments = route.url.split('/').map((segment) => {
    if (!segment.startsWith(':')) {
      previousSegment = segment;
      return segment;
    }
    const name = segment.slice(1);
    if (name === junkAt) {
      return rng.chance(0.3) && allIds(pools).length > 0 ? rng.pick(allIds(pools)) : rng.pick(PATH_JUNK);
    }
    const value = paramValue(name, previousSegment, parent, route.url.includes('/items/'), caller, pools, rng);
    parent = value;
    return encodeURIComponent(value);
  });
  return segments.join('/');
}

function paramValue(name: string, segment: string, parent: string | null, underItems: boolean, caller: Caller, pools: Pools, rng: Rng): string {
  const child = (map: Map<string, string[]>) => {
    const own = parent ? map.get(parent) : undefined;
    const pool = own?.length ? own : [...map.values()].flat();
    return pool.length ? rng.pick(pool) : rng.uuid();
  };
  const from = (pool: string[]) => (pool.length ? rng.pick(pool) : rng.uuid());
  if (name === 'regionCode') return rng.chance(0.9) ? caller.region : rng.pick([OTHER, '99.99']);
  switch (segment) {
    case 'units':
      return from(pools.units);
    case 'users':
      return from(pools.users);
    case 'periods':
      return from(pools.periods);
    case 'innovations':
      return from(pools.innovations);
    case 'assessments':
      return from(pools.assessments);
    case 'frameworks':
      return from(pools.frameworks);
    case 'items':
      return child(pools.itemsOf);
    case 'evidence':
      return child(underItems ? pools.itemEvidenceOf : pools.evidenceOf);
    case 'answers':
      return child(pools.answersOf);
    case 'spd':
      return child(pools.spdOf);
    default:
      return from(pools.bySegment.get(segment) ?? []);
  }
}

function queryString(schema: unknown, pools: Pools, rng: Rng, mutate: { field: string; raw: string } | 'extra' | 'arrays' | null): string {
  const def = unwrap(schema);
  const parts: string[] = [];
  const shape = def?.type === 'object' ? (def.shape ?? {}) : {};
  for (const [key, field] of Object.entries(shape)) {
    if (mutate !== null && typeof mutate === 'object' && mutate.field === key) {
      parts.push(`${key}=${mutate.raw}`);
      continue;
    }
    if (!isRequired(field) && !rng.chance(0.5)) continue;
    const value = sampleOf(field, key, pools, rng);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      parts.push(`${key}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`);
      if (mutate === 'arrays') parts.push(`${key}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`);
    }
  }
  if (mutate === 'extra') parts.push(`tidakDikenal=${rng.pick(QUERY_JUNK)}`, `${rng.pick(QUERY_JUNK)}=1`, '__proto__[x]=1', 'a[b][c]=1');
  return parts.length ? `?${parts.join('&')}` : '';
}

const json = (value: unknown) => ({ payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } });

function casesFor(route: RegisteredRoute, caller: Caller, pools: Pools, rng: Rng, sweep: boolean): Case[] {
  const cases: Case[] = [];
  const { querystring, body } = route.input;
  const paramNames = [...route.url.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] ?? '');
  const bodyDef = unwrap(body);
  const isUpload = bodyDef?.type === 'custom';
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE';
  const add = (
    label: string,
    options: { junkParam?: string; query?: Parameters<typeof queryString>[3]; payload?: string | Buffer; headers?: Record<string, string> },
  ) => {
    const url = fillPath(route, caller, pools, rng, options.junkParam ?? null) + queryString(querystring, pools, rng, options.query ?? null);
    const headers: Record<string, string> = { ...(caller.cookie ? { cookie: caller.cookie } : {}), ...(options.headers ?? {}) };
    cases.push({ label, method: route.method, url, headers, ...(options.payload === undefined ? {} : { payload: options.payload }) });
  };
  const validBody = () => {
    if (!hasBody) return {};
    if (isUpload) return { payload: randomUploadBytes(rng), headers: { 'content-type': rng.pick(CONTENT_TYPES) } };
    return json(body ? sampleOf(body, 'body', pools, rng) : {});
  };

  for (let i = 0; i < 2; i++) add('plausible input', validBody());
  for (const name of paramNames) for (let i = 0; i < 3; i++) add(`params.${name}=junk`, { junkParam: name, ...validBody() });

  const queryShape = unwrap(querystring);
  if (queryShape?.type === 'object') {
    for (const key of Object.keys(queryShape.shape ?? {})) {
      for (const raw of rng.sample(QUERY_JUNK, 2)) add(`querystring.${key}=${raw.slice(0, 40)}`, { query: { field: key, raw }, ...validBody() });
    }
    add('querystring arrays', { query: 'arrays', ...validBody() });
  }
  add('querystring extra keys', { query: 'extra', ...validBody() });

  if (!hasBody) return cases;
  if (isUpload) {
    for (let i = 0; i < 4; i++) add('upload bytes', { payload: randomUploadBytes(rng), headers: { 'content-type': rng.pick(CONTENT_TYPES) } });
    return cases;
  }
  const base = body ? sampleOf(body, 'body', pools, rng) : {};
  const fields = fieldPaths(body);
  const paths = rng.sample(fields, 30).map((f) => f.path);
  for (const path of paths) {
    for (const junk of rng.sample(JUNK, 2)) {
      add(`body.${path.join('.')}=${JSON.stringify(junk)?.slice(0, 40)}`, json(withField(base, path, junk)));
    }
    if (rng.chance(0.3)) add(`body.${path.join('.')} missing`, json(withoutField(base, path)));
  }
  add('body random object', json(Object.fromEntries(Array.from({ length: 1 + rng.int(5) }, () => [`k${rng.int(100)}`, rng.pick(JUNK)]))));
  add('body deep nesting', json(nested(3_000)));
  add('body huge string', json(withField(base, [paths[0]?.[0] ?? 'name'], 'x'.repeat(900_000))));
  for (const raw of rng.sample(RAW_BODIES, 4))
    add(`raw body ${JSON.stringify(raw.slice(0, 30))}`, { payload: raw, headers: { 'content-type': 'application/json' } });
  for (const type of rng.sample(CONTENT_TYPES, 3)) add(`content-type ${type}`, { payload: JSON.stringify(base), headers: { 'content-type': type } });
  add('no content-type with a body', { payload: JSON.stringify(base), headers: {} });
  add('top-level junk', json(rng.pick(JUNK)));
  if (sweep) {
    for (const { path, type } of fields) {
      for (const edge of EDGES[type] ?? [])
        add(`edge body.${path.join('.')}=${JSON.stringify(edge)?.slice(0, 40)}`, json(withField(base, path, edge)));
    }
  }
  return cases;
}

/**
 * The edges of each type, tried on every body field once per route by the regional admin: numbers a
 * database integer cannot hold, strings longer than an index entry may be, very long lists.
 */
const EDGES: Record<string, readonly unknown[]> = {
  number: [2 ** 31, -(2 ** 31) - 1, 2 ** 63, 1e308, 0.1, -1],
  int: [2 ** 31, -(2 ** 31) - 1, 2 ** 63],
  string: ['x'.repeat(300_000), '\u{1F600}'.repeat(30_000), ' '],
  array: [Array.from({ length: 3_000 }, (_, i) => `butir-${i}`)],
  record: [Object.fromEntries(Array.from({ length: 3_000 }, (_, i) => [String(i), i]))],
};

// ---- the run ----------------------------------------------------------------------------------

let t: TestApp;
let pools: Pools;
let operatorUnit: string | null = null;

async function harvest(cookie: string): Promise<Pools> {
  const get = async (url: string): Promise<unknown> => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    if (res.statusCode !== 200) throw new Error(`harvest ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    return res.json();
  };
  const ids = (value: unknown): string[] => {
    const items = (value as { items?: Array<{ id?: unknown }> }).items ?? [];
    return items.map((i) => i.id).filter((id): id is string => typeof id === 'string');
  };
  const r = `/api/v1/regions/${HOME}`;
  const p: Pools = {
    units: ids(await get(`${r}/units?pageSize=200`)),
    users: ids(await get(`${r}/users?pageSize=200`)),
    periods: ids(await get(`${r}/periods`)),
    innovations: ids(await get(`${r}/innovations?pageSize=100`)),
    assessments: ids(await get(`${r}/assessments`)),
    frameworks: ids(await get('/api/v1/frameworks')),
    frameworkVersions: ids(await get(`${r}/framework-versions`)),
    evidenceOf: new Map(),
    itemsOf: new Map(),
    itemEvidenceOf: new Map(),
    answersOf: new Map(),
    spdOf: new Map(),
    bySegment: new Map(),
  };
  // Every other list of the region (councils, competitions, events, services, …): a module added later is
  // fuzzed with its real ids too, not only with ids nothing has.
  for (const route of t.app.apiRoutes) {
    const segment = /^\/api\/v1\/regions\/:regionCode\/([a-z0-9-]+)$/.exec(route.url)?.[1];
    if (route.method !== 'GET' || !segment) continue;
    const res = await t.app.inject({ method: 'GET', url: `${r}/${segment}`, headers: { cookie } });
    if (res.statusCode !== 200 || !String(res.headers['content-type'] ?? '').includes('json')) continue;
    const found = ids(res.json());
    if (found.length > 0) p.bySegment.set(segment, found);
  }
  for (const id of p.innovations.slice(0, 40)) {
    p.evidenceOf.set(id, ids(await get(`${r}/innovations/${id}/evidence`)));
    const answers = (await get(`/api/v1/regions/${HOME}/iid/innovations/${id}/answers`)) as { indicators?: Array<{ id: string }> };
    p.answersOf.set(
      id,
      (answers.indicators ?? []).map((i) => i.id),
    );
  }
  for (const id of p.periods) {
    const res = await t.app.inject({ method: 'GET', url: `${r}/iid/periods/${id}/spd`, headers: { cookie } });
    if (res.statusCode === 200)
      p.spdOf.set(
        id,
        ((res.json() as { indicators?: Array<{ id: string }> }).indicators ?? []).map((i) => i.id),
      );
  }
  for (const id of p.assessments) {
    const detail = await get(`${r}/assessments/${id}`);
    const items: string[] = [];
    // Items are the objects carrying an indicator id; their evidence, the objects of kind file or link.
    const stack: unknown[] = [detail];
    for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
      if (Array.isArray(next)) stack.push(...next);
      else if (next !== null && typeof next === 'object') {
        const o = next as Record<string, unknown>;
        if (typeof o.id === 'string' && typeof o.indicatorId === 'string') {
          items.push(o.id);
          const evidence = Object.values(o)
            .filter(Array.isArray)
            .flat()
            .filter((e): e is { id: string; kind: string } => typeof e === 'object' && e !== null && 'kind' in e && 'id' in e);
          p.itemEvidenceOf.set(
            o.id,
            evidence.map((e) => e.id),
          );
        }
        stack.push(...Object.values(o));
      }
    }
    p.itemsOf.set(id, items);
  }
  return p;
}

type FuzzRole = 'admin_daerah' | 'admin_nasional' | 'operator';

/** A fresh account of `role` with its own session (the fuzz may log it out, or deactivate it). */
async function freshCookie(role: FuzzRole): Promise<string> {
  // The operator belongs to the unit with the most demo innovations, so their own records are reachable.
  const user = await makeUser(t.db, { role, regionCode: HOME, unitId: role === 'operator' ? operatorUnit : null });
  const client = await loginAs(t.app, user.username);
  if (!client.cookie) throw new Error('no session');
  return client.cookie;
}

async function stillLoggedIn(cookie: string): Promise<boolean> {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
  return res.statusCode === 200;
}

beforeAll(async () => {
  t = await startTestApp();
  await seedDemo(t.db, { onlyIfNew: false, storage: t.app.storage });
  const adminCookie = await freshCookie('admin_daerah');
  pools = await harvest(adminCookie);
  const list = await t.app.inject({ method: 'GET', url: `/api/v1/regions/${HOME}/innovations?pageSize=100`, headers: { cookie: adminCookie } });
  const counts = new Map<string, number>();
  for (const item of (list.json() as { items: Array<{ unitId: string }> }).items) counts.set(item.unitId, (counts.get(item.unitId) ?? 0) + 1);
  operatorUnit = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}, 120_000);
afterAll(() => t?.close());

describe('fuzzing every API route', () => {
  it('finds real ids to fuzz with in the demo data', () => {
    expect(pools.innovations.length).toBeGreaterThan(10);
    expect(pools.assessments.length).toBeGreaterThan(0);
    expect([...pools.itemsOf.values()].flat().length).toBeGreaterThan(10);
    expect([...pools.evidenceOf.values()].flat().length).toBeGreaterThan(0);
  });

  it('never answers 5xx, whatever the input and whoever asks', { timeout: 300_000 }, async () => {
    const rng = new Rng(SEED);
    const callers: Caller[] = [
      { name: 'admin_daerah', cookie: await freshCookie('admin_daerah'), region: HOME, share: 1 },
      { name: 'admin_nasional', cookie: await freshCookie('admin_nasional'), region: rng.pick([HOME, OTHER]), share: 0.4 },
      { name: 'operator', cookie: await freshCookie('operator'), region: HOME, share: 0.3 },
      { name: 'anonymous', cookie: null, region: HOME, share: 1 },
    ];
    const failures: string[] = [];
    const known: string[] = [];
    let sent = 0;
    /** Status codes per route, to see that the fuzz reaches the handlers (SINERGI_FUZZ_REPORT=1 prints them). */
    const statuses = new Map<string, Map<number, number>>();
    const started = Date.now();
    for (const route of t.app.apiRoutes) {
      const routeKey = `${route.method} ${route.url}`;
      for (const caller of callers) {
        // Without a session a private route stops at the access check: a few requests suffice.
        const share = caller.cookie === null && route.access.kind !== 'public' ? 0.08 : caller.share;
        const rounds = Math.max(1, Math.round(SCALE));
        const all = Array.from({ length: rounds }, (_, round) =>
          casesFor(route, caller, pools, rng, round === 0 && caller.name === 'admin_daerah'),
        ).flat();
        const cases = share >= 1 ? all : rng.sample(all, Math.max(1, Math.round(all.length * share)));
        for (const c of cases) {
          const res: LightMyRequestResponse = await t.app.inject({
            method: c.method as 'GET',
            url: c.url,
            headers: c.headers,
            ...(c.payload === undefined ? {} : { payload: c.payload }),
          });
          sent++;
          const seen = statuses.get(routeKey) ?? new Map<number, number>();
          seen.set(res.statusCode, (seen.get(res.statusCode) ?? 0) + 1);
          statuses.set(routeKey, seen);
          if (res.statusCode < 500) continue;
          const payload = c.payload === undefined ? '' : Buffer.isBuffer(c.payload) ? `<${c.payload.length} bytes>` : c.payload.slice(0, 300);
          const line = `${caller.name} ${c.method} ${c.url.slice(0, 300)} [${c.label}] content-type=${c.headers['content-type'] ?? '-'} body=${payload} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (KNOWN_5XX.some((k) => k.route === routeKey && k.label.test(c.label))) known.push(line);
          else failures.push(line);
        }
        // The fuzz may have logged this caller out, deactivated it or reset its password: start afresh.
        if (caller.cookie !== null && !(await stillLoggedIn(caller.cookie))) {
          caller.cookie = await freshCookie(caller.name === 'anonymous' ? 'admin_daerah' : caller.name);
        }
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (process.env.SINERGI_FUZZ_REPORT) {
      for (const [route, seen] of statuses) console.log(route, JSON.stringify(Object.fromEntries(seen)));
      console.log(`seed ${SEED}: ${sent} requests in ${seconds} s`);
    }
    const successes = [...statuses.values()].reduce((sum, seen) => sum + [...seen].filter(([s]) => s < 300).reduce((a, [, n]) => a + n, 0), 0);
    expect(
      failures,
      `seed ${SEED}: ${failures.length} of ${sent} requests answered 5xx in ${seconds} s (${known.length} known):\n${failures.slice(0, 30).join('\n')}`,
    ).toEqual([]);
    expect(sent).toBeGreaterThan(2_000);
    // Malformed input is meant to be refused, but plausible input must get through often enough that
    // the handlers, services and queries are fuzzed too, not only the validation.
    expect(successes).toBeGreaterThan(sent / 20);
  });
});
