/**
 * Kinds of unit (perangkat daerah and what stands under them) and which parent each may have.
 * OPD: sekretariat, dinas, badan, inspektorat, kantor, rsud (a hospital run as an OPD) and satuan
 * (Satpol PP). Kecamatan stand alone; a kelurahan sits under its
 * kecamatan; a bagian (Bagian Organisasi, Bagian Hukum, ...) is part of a sekretariat and sits under it,
 * since innovations such as a Bagian Organisasi's service monitoring are proposed by the bagian itself;
 * UPT/UPTD, schools and puskesmas sit under an OPD (a school may also stand alone in a
 * region that does not record its education office).
 */
export const UNIT_KINDS = [
  'sekretariat',
  'dinas',
  'badan',
  'inspektorat',
  'kantor',
  'rsud',
  'satuan',
  'kecamatan',
  'kelurahan',
  'bagian',
  'upt',
  'sekolah',
  'puskesmas',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const OPD_KINDS: readonly UnitKind[] = ['sekretariat', 'dinas', 'badan', 'inspektorat', 'kantor', 'rsud', 'satuan'];

export const UNIT_KIND_LABELS: Record<UnitKind, { id: string; en: string }> = {
  sekretariat: { id: 'Sekretariat', en: 'Secretariat' },
  dinas: { id: 'Dinas', en: 'Agency (dinas)' },
  badan: { id: 'Badan', en: 'Board (badan)' },
  inspektorat: { id: 'Inspektorat', en: 'Inspectorate' },
  kantor: { id: 'Kantor', en: 'Office' },
  rsud: { id: 'RSUD', en: 'Regional hospital' },
  satuan: { id: 'Satuan (Satpol PP)', en: 'Unit (Satpol PP)' },
  kecamatan: { id: 'Kecamatan', en: 'District (kecamatan)' },
  kelurahan: { id: 'Kelurahan', en: 'Urban village (kelurahan)' },
  bagian: { id: 'Bagian (Sekretariat)', en: 'Division of a secretariat (bagian)' },
  upt: { id: 'UPT/UPTD', en: 'Technical unit (UPT)' },
  sekolah: { id: 'Sekolah', en: 'School' },
  puskesmas: { id: 'Puskesmas', en: 'Community health centre' },
};

export function isOpd(kind: UnitKind): boolean {
  return OPD_KINDS.includes(kind);
}

export type ParentRuleViolation = 'parent_required' | 'parent_not_allowed' | 'parent_wrong_kind';

/** Checks the parent a unit of `kind` is given; returns the violation or null when it is allowed. */
export function checkUnitParent(kind: UnitKind, parentKind: UnitKind | null): ParentRuleViolation | null {
  if (isOpd(kind) || kind === 'kecamatan') return parentKind === null ? null : 'parent_not_allowed';
  if (kind === 'kelurahan') {
    if (parentKind === null) return 'parent_required';
    return parentKind === 'kecamatan' ? null : 'parent_wrong_kind';
  }
  if (kind === 'bagian') {
    if (parentKind === null) return 'parent_required';
    return parentKind === 'sekretariat' ? null : 'parent_wrong_kind';
  }
  if (kind === 'upt') {
    if (parentKind === null) return 'parent_required';
    return isOpd(parentKind) ? null : 'parent_wrong_kind';
  }
  // sekolah, puskesmas: under an OPD when given.
  if (parentKind === null) return null;
  return isOpd(parentKind) ? null : 'parent_wrong_kind';
}

export const PARENT_RULE_MESSAGES: Record<ParentRuleViolation, { id: string; en: string }> = {
  parent_required: { id: 'Unit jenis ini wajib memiliki induk.', en: 'This kind of unit needs a parent.' },
  parent_not_allowed: {
    id: 'OPD dan kecamatan tidak boleh memiliki induk.',
    en: 'OPDs and kecamatan cannot have a parent.',
  },
  parent_wrong_kind: {
    id: 'Jenis induk tidak sesuai: kelurahan di bawah kecamatan; bagian di bawah sekretariat; UPT, sekolah dan puskesmas di bawah OPD.',
    en: 'Wrong parent kind: kelurahan under a kecamatan; a bagian under a secretariat; UPT, schools and puskesmas under an OPD.',
  },
};
