/**
 * Permissions are `module.action` pairs. Until access packages and roles are managed in the
 * database (the agents/access issue), each Keycloak realm role maps to a fixed set here.
 */
export const PERMISSIONS = [
  'tickets.create',
  'tickets.read-own',
  'tickets.read-agent',
  'tickets.inbox',
  'tickets.answer',
  'tickets.escalations',
  'tickets.read-all',
  'tickets.timeline',
  'docs.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const SUPPORT: Permission[] = ['tickets.inbox', 'tickets.answer', 'tickets.read-all', 'tickets.timeline'];

/** Roles valid in the main broker's realm. */
export const BROKER_ROLES: Record<string, Permission[]> = {
  admin: [...PERMISSIONS],
  supporter: [...SUPPORT, 'docs.read'],
  'support-supervisor': [...SUPPORT, 'tickets.escalations', 'docs.read'],
  auditor: ['tickets.read-all', 'tickets.timeline', 'docs.read'],
};

/** Roles valid in an agent's realm. */
export const AGENT_ROLES: Record<string, Permission[]> = {
  'agent-admin': ['tickets.create', 'tickets.read-own', 'tickets.read-agent', 'tickets.timeline'],
  'agent-user': ['tickets.create', 'tickets.read-own', 'tickets.timeline'],
};

/**
 * The permissions granted by a user's realm roles. Broker roles count only for users of the
 * broker's realm, so an agent cannot grant itself support powers by naming a role `supporter`.
 */
export function permissionsForRoles(roles: readonly string[], isBroker: boolean): Permission[] {
  const table = isBroker ? BROKER_ROLES : AGENT_ROLES;
  const granted = new Set<Permission>();
  for (const role of roles) for (const p of table[role] ?? []) granted.add(p);
  return PERMISSIONS.filter((p) => granted.has(p));
}
