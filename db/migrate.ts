import { SequelizeStorage, Umzug } from 'umzug';
import type { Sequelize } from 'sequelize';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-access-audit';
import * as m0003 from './migrations/0003-agents';
import * as m0004 from './migrations/0004-basedata';
import * as m0005 from './migrations/0005-merchants';
import * as m0006 from './migrations/0006-agreements-branding';
import * as m0007 from './migrations/0007-psp-calls';
import * as m0008 from './migrations/0008-stock';
import * as m0009 from './migrations/0009-requests';
import * as m0010 from './migrations/0010-inbox-indexes';
import * as m0011 from './migrations/0011-request-documents';
import * as m0012 from './migrations/0012-psp-call-text';

/** Migrations in order; listed explicitly so compiled and tsx runs see the same set. */
const MIGRATIONS = [
  { name: '0001-initial', module: m0001 },
  { name: '0002-access-audit', module: m0002 },
  { name: '0003-agents', module: m0003 },
  { name: '0004-basedata', module: m0004 },
  { name: '0005-merchants', module: m0005 },
  { name: '0006-agreements-branding', module: m0006 },
  { name: '0007-psp-calls', module: m0007 },
  { name: '0008-stock', module: m0008 },
  { name: '0009-requests', module: m0009 },
  { name: '0010-inbox-indexes', module: m0010 },
  { name: '0011-request-documents', module: m0011 },
  { name: '0012-psp-call-text', module: m0012 },
];

export function migrator(sequelize: Sequelize): Umzug<ReturnType<Sequelize['getQueryInterface']>> {
  return new Umzug({
    migrations: MIGRATIONS.map(({ name, module }) => ({ name, up: module.up, down: module.down })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    logger: undefined,
  });
}

export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const done = await migrator(sequelize).up();
  return done.map((m) => m.name);
}
