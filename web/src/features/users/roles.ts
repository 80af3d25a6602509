/** The roles an account of a region can have (the national admin is created with the CLI, not here). */
import { REGIONAL_ROLES, ROLES, type Role } from '#domain/access/roles.ts';

export { REGIONAL_ROLES, type Role };

export function isRole(value: string | null | undefined): value is Role {
  return ROLES.some((r) => r === value);
}
