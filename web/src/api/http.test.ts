import { describe, expect, it } from 'vitest';
import { apiPath, withQuery } from './http.ts';

describe('withQuery', () => {
  it('leaves out empty parameters and keeps the rest in order', () => {
    expect(withQuery('/api/v1/x', { page: 2, q: '', kind: undefined, sort: 'name', active: false, none: null })).toBe(
      '/api/v1/x?page=2&sort=name&active=false',
    );
  });

  it('encodes values', () => {
    expect(withQuery('/a', { q: 'Dinas & Badan' })).toBe('/a?q=Dinas+%26+Badan');
  });

  it('returns the bare path when nothing is left', () => {
    expect(withQuery('/a', { q: '' })).toBe('/a');
  });
});

describe('apiPath', () => {
  it('encodes each segment, so a value cannot change the route', () => {
    expect(apiPath('regions', '19.71', 'units', '../users')).toBe('/api/v1/regions/19.71/units/..%2Fusers');
  });
});
