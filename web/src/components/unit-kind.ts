/** Labels and parent hints for unit kinds, from the domain's own table (src/domain/units/unit-kinds.ts). */
import { isOpd, UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '#domain/units/unit-kinds.ts';
import type { MessageKey } from '../i18n/messages.id.ts';

export { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKind };

export function isUnitKind(value: string | null | undefined): value is UnitKind {
  return UNIT_KINDS.some((k) => k === value);
}

/** What the parent field should say for a kind: none allowed, required (and of what), or optional. */
export function parentHintOf(kind: UnitKind): { key: MessageKey; allowsParent: boolean } {
  if (isOpd(kind) || kind === 'kecamatan') return { key: 'unitForm.parentHint.none', allowsParent: false };
  if (kind === 'kelurahan') return { key: 'unitForm.parentHint.kelurahan', allowsParent: true };
  if (kind === 'bagian') return { key: 'unitForm.parentHint.bagian', allowsParent: true };
  if (kind === 'upt') return { key: 'unitForm.parentHint.upt', allowsParent: true };
  return { key: 'unitForm.parentHint.optionalOpd', allowsParent: true };
}
