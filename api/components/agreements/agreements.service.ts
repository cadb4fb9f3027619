import { randomUUID } from 'node:crypto';
import { Op, type WhereOptions } from 'sequelize';
import type { z } from 'zod';
import { appendAudit } from '../../../db/audit';
import type { AgreementRow } from '../../../db/schema/agreements';
import {
  AGREEMENT_TRANSITIONS,
  canMoveTo,
  effectiveStatus,
  inForce,
  type AgreementStatus,
  type AgreementTerms,
} from '../../../domain/agreements/agreement';
import { bi } from '../../../domain/i18n';
import { formatJalali, tehranToday } from '../../../domain/jalali';
import type { ApiContext } from '../../app';
import type { AuthContext } from '../../lib/auth';
import { assertInBaseData, type BaseRef } from '../../lib/basedata-refs';
import { AppError } from '../../lib/errors';
import { assertInSubtree, visibleAgentIds } from '../../lib/scope';
import { fileInfo, storeFile } from '../../lib/uploads';
import type { AgreementDto, AgreementQuery, CreateAgreement, UpdateAgreement } from './agreements.schemas';

const NOT_FOUND = bi('قرارداد یافت نشد.', 'Agreement not found.');
const PURPOSE = 'agreement';

/** What the audit keeps of an agreement. */
const snapshot = (r: AgreementRow) => ({
  agentId: r.agentId,
  userId: r.userId,
  title: r.title,
  terms: JSON.parse(r.terms) as unknown,
  validFrom: r.validFrom,
  validTo: r.validTo,
  status: r.status,
  signedBy: r.signedBy,
  signedOn: r.signedOn,
  version: r.version,
});

/** Agreement use cases (R-AGREEMENTS); every read and write confined to the caller's subtree. */
export function createAgreementService(ctx: Pick<ApiContext, 'db' | 'agents'>) {
  const { db, agents } = ctx;
  const { Agreement, Attachment, User } = db.models;

  async function toDtos(rows: AgreementRow[], withFiles: boolean): Promise<AgreementDto[]> {
    const today = tehranToday();
    const agentMap = await agents.byIds(rows.map((r) => r.agentId));
    const userIds = [...new Set(rows.map((r) => r.userId).filter((u): u is string => !!u))];
    const users = new Map((userIds.length ? await User.findAll({ where: { id: userIds } }) : []).map((u) => [u.id, u] as const));
    const files = withFiles
      ? await Attachment.findAll({
          where: { purpose: PURPOSE, refId: rows.map((r) => r.id) },
          attributes: ['id', 'refId', 'fileName', 'contentType', 'size', 'createdAt'],
          order: [['createdAt', 'ASC']],
        })
      : [];
    return rows.map((r) => {
      const a = agentMap.get(r.agentId);
      const u = r.userId ? users.get(r.userId) : undefined;
      const status = r.status as AgreementStatus;
      const fact = { status, validFrom: r.validFrom, validTo: r.validTo };
      return {
        id: r.id,
        party: r.userId ? 'user' : 'agent',
        agent: { id: r.agentId, code: a?.code ?? '', nameFa: a?.nameFa ?? '', nameEn: a?.nameEn ?? '' },
        user: u ? { id: u.id, username: u.username, displayName: u.displayName } : null,
        title: r.title,
        terms: JSON.parse(r.terms) as AgreementTerms,
        validFrom: r.validFrom,
        validTo: r.validTo,
        validFromJalali: formatJalali(r.validFrom),
        validToJalali: formatJalali(r.validTo),
        status,
        effectiveStatus: effectiveStatus(fact, today),
        inForce: inForce(fact, today),
        allowedTransitions: [...AGREEMENT_TRANSITIONS[status]],
        signedBy: r.signedBy,
        signedOn: r.signedOn,
        signedOnJalali: r.signedOn ? formatJalali(r.signedOn) : null,
        createdBy: { id: r.createdById, name: r.createdByName },
        attachments: files.filter((f) => f.refId === r.id).map(fileInfo),
        version: r.version,
        createdAt: new Date(r.createdAt).toISOString(),
        updatedAt: new Date(r.updatedAt).toISOString(),
      } satisfies AgreementDto;
    });
  }

  /** The agreement, if it lies in the caller's subtree (404 otherwise). */
  async function find(auth: AuthContext, id: string): Promise<AgreementRow> {
    const row = await Agreement.findByPk(id);
    if (!row) throw AppError.notFound(NOT_FOUND);
    await assertInSubtree(agents, auth, row.agentId, NOT_FOUND);
    return row;
  }

  async function one(row: AgreementRow): Promise<AgreementDto> {
    return (await toDtos([row], true))[0];
  }

  /** Allowed PSPs and device models are base-data codes (R-BASE); a switched-off PSP may still be allowed. */
  const termRefs = (terms: AgreementTerms): BaseRef[] => [
    ...terms.allowedPsps.map((code, i) => ({ kind: 'psp' as const, code, field: `terms.allowedPsps.${i}` })),
    ...terms.allowedDeviceModels.map((code, i) => ({
      kind: 'device-model' as const,
      code,
      field: `terms.allowedDeviceModels.${i}`,
    })),
  ];

  /** The user must belong to the agent named with it. */
  async function checkParty(auth: AuthContext, agentId: string, userId: string | undefined): Promise<void> {
    const agentNotFound = () =>
      AppError.validation([{ field: 'agentId', code: 'not_found', message: bi('نماینده یافت نشد.', 'No such agent.') }]);
    try {
      await assertInSubtree(agents, auth, agentId);
    } catch {
      throw agentNotFound();
    }
    if (!(await agents.byIds([agentId])).get(agentId)) throw agentNotFound();
    if (userId) {
      const user = await User.findByPk(userId);
      if (!user || user.agentId !== agentId) {
        throw AppError.validation([
          {
            field: 'userId',
            code: 'not_in_agent',
            message: bi('این کاربر از کاربران این نماینده نیست.', 'This user is not a user of this agent.'),
          },
        ]);
      }
    }
  }

  return {
    async list(auth: AuthContext, q: z.output<typeof AgreementQuery>) {
      const scope = await visibleAgentIds(agents, auth);
      if (q.agentId && scope && !scope.includes(q.agentId)) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const today = tehranToday();
      const statusWhere: WhereOptions =
        q.status === 'expired'
          ? { status: 'active', validTo: { [Op.lt]: today } }
          : q.status === 'active'
            ? { status: 'active', validTo: { [Op.gte]: today } }
            : q.status
              ? { status: q.status }
              : {};
      const where: WhereOptions = {
        [Op.and]: [
          q.agentId ? { agentId: q.agentId } : scope ? { agentId: scope } : {},
          q.userId ? { userId: q.userId } : {},
          statusWhere,
          q.current ? { status: 'active', validFrom: { [Op.lte]: today }, validTo: { [Op.gte]: today } } : {},
          q.q ? { title: { [Op.like]: `%${q.q.replace(/[%_\\]/g, '')}%` } } : {},
        ],
      };
      const { rows, count } = await Agreement.findAndCountAll({
        where,
        order: [
          ['createdAt', 'DESC'],
          ['id', 'ASC'],
        ],
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: await toDtos(rows, false), total: count, page: q.page, pageSize: q.pageSize };
    },

    async get(auth: AuthContext, id: string): Promise<AgreementDto> {
      return one(await find(auth, id));
    },

    /** Agreements in force today (Tehran) with the agent, and with one of its users when asked. */
    async current(
      auth: AuthContext,
      agentId: string,
      userId?: string,
    ): Promise<{ today: string; todayJalali: string; items: AgreementDto[] }> {
      await assertInSubtree(agents, auth, agentId, bi('نماینده یافت نشد.', 'Agent not found.'));
      const today = tehranToday();
      const rows = await Agreement.findAll({
        where: {
          agentId,
          userId: userId ? { [Op.or]: [null, userId] } : null,
          status: 'active',
          validFrom: { [Op.lte]: today },
          validTo: { [Op.gte]: today },
        },
        order: [['validFrom', 'ASC']],
      });
      return { today, todayJalali: formatJalali(today), items: await toDtos(rows, true) };
    },

    async create(auth: AuthContext, body: z.output<typeof CreateAgreement>): Promise<AgreementDto> {
      await checkParty(auth, body.agentId, body.userId);
      await assertInBaseData(db, termRefs(body.terms));
      const id = randomUUID();
      await db.transaction(async (tx) => {
        const row = await Agreement.create(
          {
            id,
            agentId: body.agentId,
            userId: body.userId ?? null,
            title: body.title,
            terms: JSON.stringify(body.terms),
            validFrom: body.validFrom,
            validTo: body.validTo,
            status: body.status,
            signedBy: body.signedBy || null,
            signedOn: body.signedOn ?? null,
            createdById: auth.user.id,
            createdByName: auth.user.displayName,
            version: 1,
          },
          { transaction: tx },
        );
        await appendAudit(db, tx, auth.who, {
          action: 'create',
          entityType: 'agreement',
          entityId: id,
          scopeAgentId: body.agentId,
          after: snapshot(row),
        });
      });
      return one(await find(auth, id));
    },

    async update(auth: AuthContext, id: string, body: z.output<typeof UpdateAgreement>): Promise<AgreementDto> {
      await find(auth, id);
      if (body.terms) await assertInBaseData(db, termRefs(body.terms));
      await db.transaction(async (tx) => {
        const row = await Agreement.findByPk(id, { transaction: tx });
        if (!row) throw AppError.notFound(NOT_FOUND);
        if (row.status === 'terminated') {
          throw new AppError(
            409,
            'AGREEMENT_TERMINATED',
            bi('قرارداد فسخ‌شده را نمی‌توان ویرایش کرد.', 'A terminated agreement cannot be edited.'),
          );
        }
        if (body.version !== undefined && body.version !== row.version) throw versionConflict();
        const validFrom = body.validFrom ?? row.validFrom;
        const validTo = body.validTo ?? row.validTo;
        if (validFrom > validTo) {
          throw AppError.validation([
            {
              field: 'validTo',
              code: 'range_reversed',
              message: bi('تاریخ پایان نباید پیش از تاریخ شروع باشد.', 'The end date must not be before the start date.'),
            },
          ]);
        }
        const before = snapshot(row);
        const [affected] = await Agreement.update(
          {
            title: body.title ?? row.title,
            terms: body.terms ? JSON.stringify(body.terms) : row.terms,
            validFrom,
            validTo,
            signedBy: body.signedBy === undefined ? row.signedBy : body.signedBy || null,
            signedOn: body.signedOn === undefined ? row.signedOn : body.signedOn,
            version: row.version + 1,
          },
          { where: { id, version: row.version }, transaction: tx },
        );
        if (!affected) throw versionConflict();
        const after = await Agreement.findByPk(id, { transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'agreement',
          entityId: id,
          scopeAgentId: row.agentId,
          before,
          after: snapshot(after!),
        });
      });
      return one(await find(auth, id));
    },

    async changeStatus(auth: AuthContext, id: string, to: AgreementStatus, reason?: string): Promise<AgreementDto> {
      await find(auth, id);
      await db.transaction(async (tx) => {
        const row = await Agreement.findByPk(id, { transaction: tx });
        if (!row) throw AppError.notFound(NOT_FOUND);
        const from = row.status as AgreementStatus;
        if (!canMoveTo(from, to)) {
          throw new AppError(
            409,
            'AGREEMENT_STATUS_NOT_ALLOWED',
            bi(`تغییر وضعیت از «${from}» به «${to}» مجاز نیست.`, `An agreement cannot go from ${from} to ${to}.`),
          );
        }
        const [affected] = await Agreement.update(
          { status: to, version: row.version + 1 },
          { where: { id, version: row.version }, transaction: tx },
        );
        if (!affected) throw versionConflict();
        await appendAudit(db, tx, auth.who, {
          action: 'status',
          entityType: 'agreement',
          entityId: id,
          scopeAgentId: row.agentId,
          before: { status: from },
          after: { status: to, reason: reason || null },
        });
      });
      return one(await find(auth, id));
    },

    async attach(auth: AuthContext, id: string, file: Express.Multer.File) {
      const agreement = await find(auth, id);
      return db.transaction(async (tx) => {
        const row = await storeFile(db, tx, {
          file,
          purpose: PURPOSE,
          refId: id,
          ownerId: auth.user.id,
          agentId: agreement.agentId,
        });
        await appendAudit(db, tx, auth.who, {
          action: 'attach',
          entityType: 'agreement',
          entityId: id,
          scopeAgentId: agreement.agentId,
          after: {
            attachment: { id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256 },
          },
        });
        return fileInfo(row);
      });
    },

    async file(auth: AuthContext, id: string, fileId: string) {
      await find(auth, id);
      const row = await Attachment.findOne({ where: { id: fileId, purpose: PURPOSE, refId: id } });
      if (!row) throw AppError.notFound(bi('پیوست یافت نشد.', 'Attachment not found.'));
      return row;
    },

    async detach(auth: AuthContext, id: string, fileId: string): Promise<void> {
      const agreement = await find(auth, id);
      await db.transaction(async (tx) => {
        const row = await Attachment.findOne({ where: { id: fileId, purpose: PURPOSE, refId: id }, transaction: tx });
        if (!row) throw AppError.notFound(bi('پیوست یافت نشد.', 'Attachment not found.'));
        await row.destroy({ transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'detach',
          entityType: 'agreement',
          entityId: id,
          scopeAgentId: agreement.agentId,
          before: { attachment: { id: row.id, fileName: row.fileName, sha256: row.sha256 } },
        });
      });
    },
  };
}

function versionConflict(): AppError {
  return new AppError(
    409,
    'AGREEMENT_VERSION_CONFLICT',
    bi('قرارداد در این فاصله تغییر کرده است؛ دوباره بارگیری کنید.', 'The agreement changed meanwhile; reload it.'),
  );
}

export type AgreementService = ReturnType<typeof createAgreementService>;
