import type { Database } from '../../db';

/**
 * Makes a seen test user a technician of their agency (keeping agent-user), as their agent admin
 * would in the portal; `asAdmin` calls the API as that admin and throws on anything but 2xx.
 * Returns the user's id.
 */
export async function makeTechnician(
  db: Database,
  username: string,
  asAdmin: (method: string, url: string, body?: unknown) => Promise<unknown>,
): Promise<string> {
  const user = await db.models.User.findOne({ where: { username } });
  if (!user) throw new Error(`${username} has not been seen by the API yet`);
  const roles = (await asAdmin('GET', `/api/users/${user.id}/roles`)) as { grantable: { id: string; code: string }[] };
  const roleIds = roles.grantable.filter((r) => r.code === 'technician' || r.code === 'agent-user').map((r) => r.id);
  await asAdmin('PUT', `/api/users/${user.id}/roles`, { roleIds });
  return user.id;
}
