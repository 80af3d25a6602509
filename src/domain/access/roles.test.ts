/** Who may do what, in which region: the rules the server checks and the UI shows as abilities. */
import { describe, expect, it } from 'vitest';
import {
  abilitiesIn,
  type Actor,
  can,
  canAccessRegion,
  canAssignRole,
  type Permission,
  PERMISSIONS,
  REGIONAL_ROLES,
  type Role,
  ROLES,
  rolesWith,
} from './roles.ts';

const HOME = '19.71';
const OTHER = '62.71';

function actor(role: Role, regionCode: string | null = role === 'admin_nasional' ? null : HOME): Actor {
  return { id: `id-${role}`, role, regionCode, unitId: null };
}

const READ_ONLY: Permission[] = ['region.read', 'units.read'];
/** Managing the region itself: units, accounts and the audit log stay with the admins. */
const ADMIN_ONLY: Permission[] = ['units.write', 'users.read', 'users.write', 'audit.read'];

describe('a national admin', () => {
  const nasional = actor('admin_nasional');

  it('holds every permission in every region, their own being none', () => {
    for (const region of [HOME, OTHER, '11.01', '94']) {
      expect(canAccessRegion(nasional, region)).toBe(true);
      expect(abilitiesIn(nasional, region)).toEqual([...PERMISSIONS]);
    }
  });

  it('may give every role, including another national admin', () => {
    for (const role of ROLES) expect(canAssignRole(nasional, role), role).toBe(true);
  });
});

describe('a regional admin', () => {
  const admin = actor('admin_daerah');

  it('holds every permission in their own region', () => {
    for (const p of PERMISSIONS) expect(can(admin, p, HOME), p).toBe(true);
    expect(abilitiesIn(admin, HOME)).toEqual([...PERMISSIONS]);
  });

  it('holds nothing in another region, not even read access', () => {
    expect(canAccessRegion(admin, OTHER)).toBe(false);
    for (const p of PERMISSIONS) expect(can(admin, p, OTHER), p).toBe(false);
    expect(abilitiesIn(admin, OTHER)).toEqual([]);
  });

  it('holds nothing in the province that contains their kota', () => {
    expect(abilitiesIn(admin, '19')).toEqual([]);
  });

  it('may give every regional role but not the national admin role', () => {
    for (const role of REGIONAL_ROLES) expect(canAssignRole(admin, role), role).toBe(true);
    expect(canAssignRole(admin, 'admin_nasional')).toBe(false);
  });
});

describe('the other regional roles', () => {
  const others: Role[] = ['operator', 'verifikator', 'juri', 'pimpinan'];

  it('read the region and its units in their own region, but never manage units, accounts or the audit log', () => {
    for (const role of others) {
      const abilities = abilitiesIn(actor(role), HOME);
      for (const p of READ_ONLY) expect(abilities, role).toContain(p);
      for (const p of ADMIN_ONLY) expect(abilities, `${role} ${p}`).not.toContain(p);
    }
  });

  it('have no ability at all in another region', () => {
    for (const role of others) expect(abilitiesIn(actor(role), OTHER), role).toEqual([]);
  });

  it('cannot give any role', () => {
    for (const role of others) {
      for (const target of ROLES) expect(canAssignRole(actor(role), target), `${role} → ${target}`).toBe(false);
    }
  });
});

describe('a regional user whose record lost its region', () => {
  it('is refused everywhere (no region means no access, unless national admin)', () => {
    const orphan = actor('admin_daerah', null);
    expect(canAccessRegion(orphan, HOME)).toBe(false);
    expect(abilitiesIn(orphan, HOME)).toEqual([]);
  });
});

describe('rolesWith', () => {
  it('lists only the admins for managing units, accounts and the audit log', () => {
    for (const p of ADMIN_ONLY) expect(rolesWith(p), p).toEqual(['admin_nasional', 'admin_daerah']);
  });

  it('lists both admins for every permission', () => {
    for (const p of PERMISSIONS) expect(rolesWith(p), p).toEqual(expect.arrayContaining(['admin_nasional', 'admin_daerah']));
  });

  it('lists every role for reading the region and its units', () => {
    expect(rolesWith('region.read')).toEqual([...ROLES]);
    expect(rolesWith('units.read')).toEqual([...ROLES]);
  });

  it('agrees with can() for every role and permission', () => {
    for (const p of PERMISSIONS) {
      for (const role of ROLES) {
        expect(rolesWith(p).includes(role), `${role} ${p}`).toBe(can(actor(role), p, HOME));
      }
    }
  });
});

describe('REGIONAL_ROLES', () => {
  it('is every role except the national admin', () => {
    expect(REGIONAL_ROLES).toEqual(['admin_daerah', 'operator', 'verifikator', 'juri', 'pimpinan']);
  });
});
