import { LocalizedText } from '../../../core/api/api.models';

/** Types of `/api/access/*`, `/api/users/:id/roles`, `/api/agents/:id/ceiling` and `/api/menu` (api/components/access). */

export interface PermissionInfo {
  /** `module.action`, e.g. `tickets.read-agent`. */
  readonly code: string;
  readonly module: string;
  readonly label: LocalizedText;
  /** Only the main broker may hold it; no ceiling carries it to an agent. */
  readonly brokerOnly: boolean;
}

export interface AccessPackage {
  readonly id: string;
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly system: boolean;
  readonly ownerAgentId: string;
  readonly permissions: readonly string[];
  /** False when some permission lies above the caller's ceiling (the package cannot be used by them). */
  readonly withinCeiling: boolean;
}

export interface PackageInput {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly permissions: readonly string[];
}

export type RoleScope = 'broker' | 'agent' | 'own';

export interface Role {
  readonly id: string;
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  /** A `RoleScope`; kept open so a newer API's scopes still render. */
  readonly scope: string;
  readonly system: boolean;
  readonly ownerAgentId: string;
  readonly packageIds: readonly string[];
  readonly users: number;
}

export interface RoleInput {
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly packageIds: readonly string[];
}

export interface GrantableRole {
  readonly id: string;
  readonly code: string;
  readonly nameFa: string;
  readonly nameEn: string;
  readonly scope: string;
}

export interface UserAccess {
  readonly userId: string;
  readonly roleIds: readonly string[];
  /** Role codes. */
  readonly roles: readonly string[];
  /** Effective permissions (cut by the agent's ceiling). */
  readonly permissions: readonly string[];
  readonly grantable: readonly GrantableRole[];
}

export interface AgentCeiling {
  readonly agentId: string;
  readonly isBroker: boolean;
  readonly packageIds: readonly string[];
  /** What the ceiling comes to; null for the main broker (no ceiling). */
  readonly permissions: readonly string[] | null;
}

export interface MenuGroupAdmin {
  readonly key: string;
  readonly icon: string;
  readonly labelFa: string;
  readonly labelEn: string;
  readonly sortOrder: number;
}

export interface MenuItemAdmin {
  readonly key: string;
  readonly route: string;
  readonly icon: string;
  readonly labelFa: string;
  readonly labelEn: string;
  readonly permission: string;
  readonly groupKey: string | null;
  readonly sortOrder: number;
  readonly active: boolean;
}

export interface MenuAdmin {
  readonly groups: readonly MenuGroupAdmin[];
  readonly items: readonly MenuItemAdmin[];
}

export type MenuGroupInput = Omit<MenuGroupAdmin, 'key'>;
export type MenuItemInput = Pick<MenuItemAdmin, 'icon' | 'labelFa' | 'labelEn' | 'sortOrder' | 'active'> & {
  readonly groupKey: string;
};
