import type { Transaction } from 'sequelize';
import { SERVICES_SETTING_KEY } from '../../domain/services';
import type { Database } from '../index';

/** A JSON value of `settings` (scope `global` or an agent id), or `fallback` when unset or unreadable. */
export async function readSetting<T>(db: Database, scope: string, key: string, fallback: T, tx?: Transaction): Promise<T> {
  const row = await db.models.Setting.findOne({ where: { scope, key }, transaction: tx });
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

/** Writes a JSON setting (portable: no upsert/RETURNING); returns the previous value. */
export async function writeSetting(db: Database, tx: Transaction, scope: string, key: string, value: unknown): Promise<unknown> {
  const { Setting } = db.models;
  const row = await Setting.findOne({ where: { scope, key }, transaction: tx });
  const json = JSON.stringify(value);
  let before: unknown = null;
  if (row) {
    try {
      before = JSON.parse(row.value);
    } catch {
      before = row.value;
    }
    await row.update({ value: json, updatedAt: new Date() }, { transaction: tx });
  } else {
    await Setting.create({ scope, key, value: json, updatedAt: new Date() }, { transaction: tx });
  }
  return before;
}

/** Switched-off services: `{ key: false }`; a key not present is on. */
export async function readServiceSwitches(db: Database, tx?: Transaction): Promise<Record<string, boolean>> {
  const v = await readSetting<unknown>(db, 'global', SERVICES_SETTING_KEY, {}, tx);
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
}

/** Whether a service (`online-purchase`, `psp:<code>`, …) is switched on. Unknown keys are on. */
export async function isServiceEnabled(db: Database, key: string): Promise<boolean> {
  return (await readServiceSwitches(db))[key] !== false;
}
