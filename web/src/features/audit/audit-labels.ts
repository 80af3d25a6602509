/**
 * Readable names for the audit log's action codes and record types. Codes without a label (from a
 * module added later) are shown as they are.
 */
import type { Bilingual } from '../../i18n/i18n.tsx';

export const AUDIT_ACTIONS: Record<string, Bilingual> = {
  'auth.login': { id: 'Masuk', en: 'Logged in' },
  'auth.logout': { id: 'Keluar', en: 'Logged out' },
  'auth.password_changed': { id: 'Kata sandi diganti', en: 'Password changed' },
  'unit.created': { id: 'Unit ditambahkan', en: 'Unit created' },
  'unit.updated': { id: 'Unit diubah', en: 'Unit updated' },
  'unit.deleted': { id: 'Unit dihapus', en: 'Unit deleted' },
  'unit.imported': { id: 'Unit diimpor', en: 'Units imported' },
  'user.created': { id: 'Akun dibuat', en: 'Account created' },
  'user.updated': { id: 'Akun diubah', en: 'Account updated' },
  'user.activated': { id: 'Akun diaktifkan', en: 'Account activated' },
  'user.deactivated': { id: 'Akun dinonaktifkan', en: 'Account deactivated' },
  'user.locked': { id: 'Akun dikunci', en: 'Account locked' },
  'user.password_reset': { id: 'Kata sandi disetel ulang', en: 'Password reset' },
  'demo.seeded': { id: 'Data demo dimuat', en: 'Demo data loaded' },
};

export const AUDIT_ENTITY_TYPES: Record<string, Bilingual> = {
  unit: { id: 'Unit', en: 'Unit' },
  user: { id: 'Akun', en: 'Account' },
  region: { id: 'Daerah', en: 'Region' },
};

/** Field names of the before/after snapshots. */
export const AUDIT_FIELDS: Record<string, Bilingual> = {
  name: { id: 'Nama', en: 'Name' },
  shortName: { id: 'Singkatan', en: 'Short name' },
  kind: { id: 'Jenis', en: 'Kind' },
  headName: { id: 'Kepala', en: 'Head' },
  parentId: { id: 'Induk (ID)', en: 'Parent (ID)' },
  username: { id: 'Nama pengguna', en: 'Username' },
  displayName: { id: 'Nama lengkap', en: 'Full name' },
  email: { id: 'Surel', en: 'Email' },
  role: { id: 'Peran', en: 'Role' },
  unitId: { id: 'Unit (ID)', en: 'Unit (ID)' },
  isActive: { id: 'Aktif', en: 'Active' },
};
