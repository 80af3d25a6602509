/**
 * Roles and permissions: who may do what, in which region. Pure: no HTTP, no database. The server asks
 * `can()` before every action and sends the caller's abilities to the web app, so the UI never
 * re-implements these rules.
 */
export const ROLES = ['admin_nasional', 'admin_daerah', 'operator', 'verifikator', 'juri', 'pimpinan'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'region.read',
  'units.read',
  'units.write',
  'users.read',
  'users.write',
  'audit.read',
  'periods.write',
  'innovations.read',
  /** Propose and edit innovations (operators: only their own unit's; checked per innovation). */
  'innovations.write',
  'innovations.review',
  'innovations.import',
  'dashboard.read',
  'frameworks.upload',
  'assessments.read',
  'assessments.manage',
  /** Fill assessment items (operators: those assigned to their unit; checked per item). */
  'assessments.fill',
  'assessments.verify',
  'services.read',
  /** Edit the service catalogue and application inventory (operators: their own unit's; checked per record). */
  'services.write',
  /** Open and close survey periods, edit the questionnaire, plan the follow-up. */
  'skm.manage',
  'skm.read',
  /** Enter paper survey forms (operators: for their own unit's services). */
  'skm.enter',
  /** Read complaints (operators: those routed to their unit). */
  'complaints.read',
  /** Move complaints through their states, reassign them (operators: their unit's). */
  'complaints.handle',
  /** Manage complaint categories and issue Open311 API keys. */
  'complaints.manage',
  /** Read the region's events (acara: rakor, bimtek, sosialisasi, FGD, expo) and their participants. */
  'events.read',
  /** Organise events (operators: those organised by their own unit; checked per event). */
  'events.manage',
  /** See the region's competitions and their entries (operators: their unit's entries). */
  'competitions.read',
  /** Set up competitions, screen entries, form panels, lock stages, publish results. */
  'competitions.manage',
  /** Enter the unit's innovations in a competition (operators: their own unit's; checked per entry). */
  'competitions.enter',
  /** Score the entries assigned to the judge (checked per sheet: anything else is not there). */
  'competitions.judge',
  /** Read the smart-city masterplan, its programmes and their progress. */
  'smartcity.read',
  /** Keep the masterplan: its structure, programmes, funding and targets. */
  'smartcity.manage',
  /** Report a programme's quarter (operators: programmes their unit leads; checked per programme). */
  'smartcity.report',
  /** Keep the region's RPJMD cascade (misi, tujuan, sasaran, programme codes): the regional admin, as Bapperida. */
  'rpjmd.manage',
  /** Choose which of the region's figures the public national page shows (open data): the regional admin. */
  'national.publish',
  /** Read the province view: the province's kabupaten/kota side by side (only in a province region). */
  'province.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin_nasional: PERMISSIONS,
  admin_daerah: PERMISSIONS,
  operator: [
    'region.read',
    'units.read',
    'innovations.read',
    'innovations.write',
    'dashboard.read',
    'assessments.read',
    'assessments.fill',
    'services.read',
    'services.write',
    'skm.read',
    'skm.enter',
    'complaints.read',
    'complaints.handle',
    'events.read',
    'events.manage',
    'competitions.read',
    'competitions.enter',
    'smartcity.read',
    'smartcity.report',
  ],
  verifikator: [
    'region.read',
    'units.read',
    'innovations.read',
    'innovations.review',
    'dashboard.read',
    'assessments.read',
    'assessments.verify',
    'services.read',
    'skm.read',
    'complaints.read',
    'events.read',
    'competitions.read',
    'smartcity.read',
  ],
  juri: ['region.read', 'units.read', 'competitions.judge'],
  pimpinan: [
    'region.read',
    'units.read',
    'innovations.read',
    'dashboard.read',
    'assessments.read',
    'services.read',
    'skm.read',
    'complaints.read',
    'events.read',
    'competitions.read',
    'smartcity.read',
    'province.read',
  ],
};

/** The roles a regional admin may give: everything below the national admin. */
export const REGIONAL_ROLES = ROLES.filter((r) => r !== 'admin_nasional');

export interface Actor {
  id: string;
  role: Role;
  /** `null` only for the national admin, who acts in every region. */
  regionCode: string | null;
  unitId: string | null;
}

export function canAccessRegion(actor: Actor, regionCode: string): boolean {
  return actor.role === 'admin_nasional' || actor.regionCode === regionCode;
}

export function can(actor: Actor, permission: Permission, regionCode: string): boolean {
  return canAccessRegion(actor, regionCode) && GRANTS[actor.role].includes(permission);
}

/** Everything the actor may do in a region; the web app shows or hides its controls from this. */
export function abilitiesIn(actor: Actor, regionCode: string): Permission[] {
  return PERMISSIONS.filter((p) => can(actor, p, regionCode));
}

/** Roles with at least one of the permissions (used by the route table and its tests). */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((r) => GRANTS[r].includes(permission));
}

/** A regional admin may give any regional role; only the national admin creates national admins. */
export function canAssignRole(actor: Actor, role: Role): boolean {
  if (role === 'admin_nasional') return actor.role === 'admin_nasional';
  return actor.role === 'admin_nasional' || actor.role === 'admin_daerah';
}
