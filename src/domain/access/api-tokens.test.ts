import { describe, expect, it } from 'vitest';
import { parseToken, TOKEN_SCOPES, tokenMayCall } from './api-tokens.ts';

const token = { regionCode: '19.71', scopes: ['dashboard.read'] };

describe('an API token', () => {
  it('may be given only read permissions', () => {
    for (const scope of TOKEN_SCOPES) expect(scope.endsWith('.read')).toBe(true);
  });

  it('reads its own region within its scope, and nothing else', () => {
    expect(tokenMayCall(token, 'GET', '19.71', 'dashboard.read')).toBe('allowed');
    expect(tokenMayCall(token, 'HEAD', '19.71', 'dashboard.read')).toBe('allowed');
    expect(tokenMayCall(token, 'POST', '19.71', 'dashboard.read')).toBe('not_read');
    expect(tokenMayCall(token, 'DELETE', '19.71', 'dashboard.read')).toBe('not_read');
    expect(tokenMayCall(token, 'GET', '62.71', 'dashboard.read')).toBe('other_region');
    expect(tokenMayCall(token, 'GET', '19.71', 'innovations.read')).toBe('outside_scope');
    // Even a scope list that somehow names a write permission does not open a write route.
    expect(tokenMayCall({ ...token, scopes: ['users.write'] }, 'GET', '19.71', 'users.write')).toBe('outside_scope');
  });

  it('is recognised by its shape and named by its public id', () => {
    const secret = 'A'.repeat(43);
    expect(parseToken(`snrg_0123456789ab_${secret}`)).toEqual({ publicId: '0123456789ab' });
    expect(parseToken(`snrg_0123456789ab_${secret}x`)).toBeNull();
    expect(parseToken(`snrg_0123456789AB_${secret}`)).toBeNull();
    expect(parseToken('o311_abc')).toBeNull();
    expect(parseToken('')).toBeNull();
  });
});
