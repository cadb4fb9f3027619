import type { ApiContext } from '../../app';
import type { RouteTable } from '../../lib/routes';

export function accessRoutes(_routes: RouteTable, _ctx: ApiContext): void {}
