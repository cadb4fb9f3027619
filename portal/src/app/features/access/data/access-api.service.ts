import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { RUNTIME_CONFIG } from '../../../core/config/runtime-config';
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
} from './access.models';

const id = (value: string): string => encodeURIComponent(value);

/** The access part of the REST contract: catalogue, packages, roles, user grants, ceilings and the menu. */
@Injectable({ providedIn: 'root' })
export class AccessApi {
  private readonly http = inject(HttpClient);
  private readonly base = inject(RUNTIME_CONFIG).apiBase;

  permissions(): Observable<readonly PermissionInfo[]> {
    return this.http.get<{ items: PermissionInfo[] }>(`${this.base}/access/permissions`).pipe(map((r) => r.items));
  }

  packages(): Observable<readonly AccessPackage[]> {
    return this.http.get<{ items: AccessPackage[] }>(`${this.base}/access/packages`).pipe(map((r) => r.items));
  }

  createPackage(input: PackageInput): Observable<AccessPackage> {
    return this.http.post<AccessPackage>(`${this.base}/access/packages`, input);
  }

  updatePackage(packageId: string, input: Omit<PackageInput, 'code'>): Observable<AccessPackage> {
    return this.http.put<AccessPackage>(`${this.base}/access/packages/${id(packageId)}`, input);
  }

  deletePackage(packageId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/access/packages/${id(packageId)}`);
  }

  roles(): Observable<readonly Role[]> {
    return this.http.get<{ items: Role[] }>(`${this.base}/access/roles`).pipe(map((r) => r.items));
  }

  createRole(input: RoleInput): Observable<Role> {
    return this.http.post<Role>(`${this.base}/access/roles`, input);
  }

  updateRole(roleId: string, input: Omit<RoleInput, 'code'>): Observable<Role> {
    return this.http.put<Role>(`${this.base}/access/roles/${id(roleId)}`, input);
  }

  deleteRole(roleId: string): Observable<void> {
    return this.http.delete<void>(`${this.base}/access/roles/${id(roleId)}`);
  }

  userAccess(userId: string): Observable<UserAccess> {
    return this.http.get<UserAccess>(`${this.base}/users/${id(userId)}/roles`);
  }

  setUserRoles(userId: string, roleIds: readonly string[]): Observable<UserAccess> {
    return this.http.put<UserAccess>(`${this.base}/users/${id(userId)}/roles`, { roleIds });
  }

  ceiling(agentId: string): Observable<AgentCeiling> {
    return this.http.get<AgentCeiling>(`${this.base}/agents/${id(agentId)}/ceiling`);
  }

  setCeiling(agentId: string, packageIds: readonly string[]): Observable<AgentCeiling> {
    return this.http.put<AgentCeiling>(`${this.base}/agents/${id(agentId)}/ceiling`, { packageIds });
  }

  menu(): Observable<MenuAdmin> {
    return this.http.get<MenuAdmin>(`${this.base}/menu`);
  }

  saveMenuGroup(key: string, input: MenuGroupInput): Observable<MenuAdmin> {
    return this.http.put<MenuAdmin>(`${this.base}/menu/groups/${id(key)}`, input);
  }

  saveMenuItem(key: string, input: MenuItemInput): Observable<MenuAdmin> {
    return this.http.put<MenuAdmin>(`${this.base}/menu/items/${id(key)}`, input);
  }
}
