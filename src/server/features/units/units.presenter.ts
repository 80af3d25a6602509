import type { Unit } from '#shared/api/units.ts';
import type { UnitKind } from '#domain/units/unit-kinds.ts';
import type { UnitRow } from './units.queries.ts';

export function presentUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    regionCode: row.regionCode,
    parentId: row.parentId,
    parentName: row.parentName,
    kind: row.kind as UnitKind,
    name: row.name,
    shortName: row.shortName,
    headName: row.headName,
    childCount: row.childCount,
    userCount: row.userCount,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
