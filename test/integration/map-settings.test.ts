/**
 * The complaint form's map: the install's tile server (SINERGI_MAP_TILES) is offered to the form and is
 * the only outside origin the pages may load images from; `off` offers no map and allows no origin; a
 * template that is not an http(s) URL with {z}, {x} and {y} stops the start with a clear message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { complaintCategories, complaints } from '../../src/server/db/schema.ts';
import { anonymous, makeUnit, startTestApp, type TestApp } from '../support/harness.ts';

const imgSources = (csp: unknown) =>
  String(csp)
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith('img-src'))
    ?.split(/\s+/)
    .slice(1);

const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

describe('the complaint map', () => {
  it('offers OpenStreetMap by default and lets pages load its tiles only', async () => {
    const t = await startTestApp();
    apps.push(t);
    const res = await anonymous(t.app).get('/api/v1/public/map');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap contributors',
      center: null,
    });
    expect(imgSources(res.headers['content-security-policy'])).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org']);
  });

  it('offers no map and allows no outside images when the install turns it off', async () => {
    const t = await startTestApp({ map: null });
    apps.push(t);
    const res = await anonymous(t.app).get('/api/v1/public/map');
    expect(res.json()).toEqual({ tiles: null, attribution: '', center: null });
    expect(imgSources(res.headers['content-security-policy'])).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('opens the map of a region at the middle of its located reports, and nowhere for a region without any', async () => {
    const t = await startTestApp({ publicWritePerMinute: 10_000 });
    apps.push(t);
    const unit = await makeUnit(t.db, '19.71', { name: 'Dinas Pekerjaan Umum' });
    const [category] = await t.db
      .insert(complaintCategories)
      .values({ regionCode: '19.71', code: 'jalan', name: 'Jalan rusak', unitId: unit.id, slaDays: 5 })
      .returning();
    if (!category) throw new Error('category not created');
    const points = [
      [-2.13, 106.11],
      [-2.12, 106.12],
      [-2.11, 106.13],
      // One stray pin far away does not move the middle.
      [5.5, 95.3],
    ] as const;
    for (const [i, [lat, lng]] of points.entries()) {
      await t.db.insert(complaints).values({
        regionCode: '19.71',
        trackingCode: `ADU-MAP00${i}`,
        categoryId: category.id,
        unitId: unit.id,
        description: 'Jalan berlubang',
        dueAt: new Date(),
        latitude: String(lat),
        longitude: String(lng),
      });
    }
    const res = await anonymous(t.app).get('/api/v1/public/map?region=19.71');
    expect(res.statusCode, res.body).toBe(200);
    const { center } = res.json() as { center: { lat: number; lng: number } };
    expect(center.lat).toBeCloseTo(-2.115, 6);
    expect(center.lng).toBeCloseTo(106.115, 6);
    expect((await anonymous(t.app).get('/api/v1/public/map?region=62.71')).json()).toMatchObject({ center: null });
    expect((await anonymous(t.app).get('/api/v1/public/map?region=bukan')).statusCode).toBe(400);
  });

  it('allows every subdomain of a {s} template', async () => {
    const t = await startTestApp({ map: { tiles: 'https://{s}.tiles.example.id/{z}/{x}/{y}.png', attribution: 'Peta Pemda' } });
    apps.push(t);
    const res = await anonymous(t.app).get('/api/v1/public/map');
    expect(imgSources(res.headers['content-security-policy'])).toContain('https://*.tiles.example.id');
  });

  it('reads the setting and refuses a template without its placeholders', () => {
    expect(loadConfig({ SINERGI_MAP_TILES: 'off' }).map).toBeNull();
    expect(loadConfig({ SINERGI_MAP_TILES: 'https://peta.example.id/{z}/{x}/{y}.png', SINERGI_MAP_ATTRIBUTION: 'BIG' }).map).toEqual({
      tiles: 'https://peta.example.id/{z}/{x}/{y}.png',
      attribution: 'BIG',
    });
    expect(() => loadConfig({ SINERGI_MAP_TILES: 'https://peta.example.id/tiles.png' })).toThrow(
      /SINERGI_MAP_TILES: harus memuat \{z\}, \{x\} dan \{y\}/,
    );
    expect(() => loadConfig({ SINERGI_MAP_TILES: 'ftp://peta/{z}/{x}/{y}' })).toThrow(/SINERGI_MAP_TILES/);
  });
});
