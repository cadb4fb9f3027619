import { createActionGroup, emptyProps, props } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import {
  AccessPackage,
  AgentCeiling,
  MenuAdmin,
  MenuGroupInput,
  MenuItemInput,
  PackageInput,
  PermissionInfo,
  Role,
  RoleInput,
  UserAccess,
} from '../data/access.models';

export type EditorTarget = { readonly kind: 'package' | 'role'; readonly id: string | null };

export const AccessPageActions = createActionGroup({
  source: 'Access Page',
  events: {
    Opened: emptyProps(),
    'Refresh Clicked': emptyProps(),
    'Editor Opened': props<{ target: EditorTarget }>(),
    'Editor Closed': emptyProps(),
    'Package Submitted': props<{ id: string | null; input: PackageInput }>(),
    'Package Delete Confirmed': props<{ id: string }>(),
    'Role Submitted': props<{ id: string | null; input: RoleInput }>(),
    'Role Delete Confirmed': props<{ id: string }>(),
  },
});

export const AccessApiActions = createActionGroup({
  source: 'Access API',
  events: {
    'Access Loaded': props<{
      catalog: readonly PermissionInfo[];
      packages: readonly AccessPackage[];
      roles: readonly Role[];
      ceiling: readonly string[] | null | undefined;
    }>(),
    'Access Load Failed': props<{ error: ApiError }>(),
    'Package Saved': props<{ pkg: AccessPackage }>(),
    'Role Saved': props<{ role: Role }>(),
    'Save Failed': props<{ error: ApiError }>(),
    'Package Deleted': props<{ id: string }>(),
    'Role Deleted': props<{ id: string }>(),
    'Delete Failed': props<{ error: ApiError }>(),
  },
});

export const UserAccessActions = createActionGroup({
  source: 'User Access',
  events: {
    Opened: props<{ userId: string }>(),
    'Roles Submitted': props<{ userId: string; roleIds: readonly string[] }>(),
  },
});

export const UserAccessApiActions = createActionGroup({
  source: 'User Access API',
  events: {
    Loaded: props<{ access: UserAccess; catalog: readonly PermissionInfo[] }>(),
    'Load Failed': props<{ userId: string; error: ApiError }>(),
    Saved: props<{ access: UserAccess }>(),
    'Save Failed': props<{ error: ApiError }>(),
  },
});

export const CeilingPageActions = createActionGroup({
  source: 'Ceiling Page',
  events: {
    Opened: props<{ agentId: string }>(),
    Submitted: props<{ agentId: string; packageIds: readonly string[] }>(),
  },
});

export const CeilingApiActions = createActionGroup({
  source: 'Ceiling API',
  events: {
    Loaded: props<{ ceiling: AgentCeiling; packages: readonly AccessPackage[]; catalog: readonly PermissionInfo[] }>(),
    'Load Failed': props<{ agentId: string; error: ApiError }>(),
    Saved: props<{ ceiling: AgentCeiling }>(),
    'Save Failed': props<{ error: ApiError }>(),
  },
});

export type MenuChange =
  | { readonly kind: 'group'; readonly key: string; readonly input: MenuGroupInput }
  | { readonly kind: 'item'; readonly key: string; readonly input: MenuItemInput };

export const MenuAdminPageActions = createActionGroup({
  source: 'Menu Admin Page',
  events: {
    Opened: emptyProps(),
    'Refresh Clicked': emptyProps(),
    /** One or more rows to save in order (an edit, a toggle, or the two rows of an up/down move). */
    'Changes Submitted': props<{ key: string; changes: readonly MenuChange[] }>(),
  },
});

export const MenuAdminApiActions = createActionGroup({
  source: 'Menu Admin API',
  events: {
    'Menu Loaded': props<{ menu: MenuAdmin }>(),
    'Menu Load Failed': props<{ error: ApiError }>(),
    'Menu Saved': props<{ menu: MenuAdmin }>(),
    'Menu Save Failed': props<{ key: string; error: ApiError }>(),
  },
});
