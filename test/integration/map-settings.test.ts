/**
 * The complaint form's map: the install's tile server (SINERGI_MAP_TILES) is offered to the form and is
 * the only outside origin the pages may load images from; `off` offers no map and allows no origin; a
 * template that is not an http(s) URL with {z}, {x} and {y} stops the start with a clear message.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';
import { anonymous, startTestApp, type TestApp } from '../support/harness.ts';

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
    expect(res.json()).toEqual({ tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '© OpenStreetMap contributors' });
    expect(imgSources(res.headers['content-security-policy'])).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org']);
  });

  it('offers no map and allows no outside images when the install turns it off', async () => {
    const t = await startTestApp({ map: null });
    apps.push(t);
    const res = await anonymous(t.app).get('/api/v1/public/map');
    expect(res.json()).toEqual({ tiles: null, attribution: '' });
    expect(imgSources(res.headers['content-security-policy'])).toEqual(["'self'", 'data:', 'blob:']);
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
