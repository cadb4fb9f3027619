import { createFeature, createReducer, createSelector, on } from '@ngrx/store';

import { ApiError } from '../../../core/api/api-error';
import { AccessPackage, PermissionInfo, Role } from '../data/access.models';
import { AccessApiActions, AccessPageActions, EditorTarget } from './access.actions';
import { PermissionGroup, groupPermissions } from './permission-groups';

export interface AccessState {
  readonly catalog: readonly PermissionInfo[];
  readonly packages: readonly AccessPackage[];
  readonly roles: readonly Role[];
  /** The caller's agent's ceiling: null for the main broker, undefined while unknown. */
  readonly ceiling: readonly string[] | null | undefined;
  readonly loading: boolean;
  readonly loaded: boolean;
  readonly error: ApiError | null;
  readonly editor: EditorTarget | null;
  readonly saving: boolean;
  readonly formError: ApiError | null;
  readonly deleting: string | null;
  readonly deleteError: ApiError | null;
}

export const initialAccessState: AccessState = {
  catalog: [],
  packages: [],
  roles: [],
  ceiling: undefined,
  loading: false,
  loaded: false,
  error: null,
  editor: null,
  saving: false,
  formError: null,
  deleting: null,
  deleteError: null,
};

const upsert = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];

export const accessFeature = createFeature({
  name: 'access',
  reducer: createReducer(
    initialAccessState,
    on(AccessPageActions.opened, AccessPageActions.refreshClicked, (state): AccessState => ({
      ...state,
      loading: true,
      error: null,
      deleteError: null,
    })),
    on(AccessApiActions.accessLoaded, (state, { catalog, packages, roles, ceiling }): AccessState => ({
      ...state,
      catalog,
      packages,
      roles,
      ceiling,
      loading: false,
      loaded: true,
    })),
    on(AccessApiActions.accessLoadFailed, (state, { error }): AccessState => ({ ...state, loading: false, error })),
    on(AccessPageActions.editorOpened, (state, { target }): AccessState => ({
      ...state,
      editor: target,
      formError: null,
      deleteError: null,
    })),
    on(AccessPageActions.editorClosed, (state): AccessState => ({ ...state, editor: null, formError: null })),
    on(AccessPageActions.packageSubmitted, AccessPageActions.roleSubmitted, (state): AccessState => ({
      ...state,
      saving: true,
      formError: null,
    })),
    on(AccessApiActions.packageSaved, (state, { pkg }): AccessState => ({
      ...state,
      packages: upsert(state.packages, pkg),
      saving: false,
      editor: null,
    })),
    on(AccessApiActions.roleSaved, (state, { role }): AccessState => ({
      ...state,
      roles: upsert(state.roles, role),
      saving: false,
      editor: null,
    })),
    on(AccessApiActions.saveFailed, (state, { error }): AccessState => ({ ...state, saving: false, formError: error })),
    on(AccessPageActions.packageDeleteConfirmed, AccessPageActions.roleDeleteConfirmed, (state, { id }): AccessState => ({
      ...state,
      deleting: id,
      deleteError: null,
    })),
    on(AccessApiActions.packageDeleted, (state, { id }): AccessState => ({
      ...state,
      packages: state.packages.filter((p) => p.id !== id),
      deleting: null,
    })),
    on(AccessApiActions.roleDeleted, (state, { id }): AccessState => ({
      ...state,
      roles: state.roles.filter((r) => r.id !== id),
      deleting: null,
    })),
    on(AccessApiActions.deleteFailed, (state, { error }): AccessState => ({ ...state, deleting: null, deleteError: error })),
  ),
  extraSelectors: ({ selectCatalog, selectPackages, selectRoles, selectEditor }) => ({
    selectCatalogGroups: createSelector(selectCatalog, (catalog): PermissionGroup[] => groupPermissions(catalog)),
    selectPermissionLabels: createSelector(
      selectCatalog,
      (catalog): ReadonlyMap<string, PermissionInfo> => new Map(catalog.map((p) => [p.code, p])),
    ),
    selectPackagesById: createSelector(
      selectPackages,
      (packages): ReadonlyMap<string, AccessPackage> => new Map(packages.map((p) => [p.id, p])),
    ),
    selectEditedPackage: createSelector(selectEditor, selectPackages, (editor, packages) =>
      editor?.kind === 'package' && editor.id ? (packages.find((p) => p.id === editor.id) ?? null) : null,
    ),
    selectEditedRole: createSelector(selectEditor, selectRoles, (editor, roles) =>
      editor?.kind === 'role' && editor.id ? (roles.find((r) => r.id === editor.id) ?? null) : null,
    ),
  }),
});
