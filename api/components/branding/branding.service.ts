import { UniqueConstraintError } from 'sequelize';
import { appendAudit } from '../../../db/audit';
import type { AgentBrandingRow } from '../../../db/schema/agreements';
import { DEFAULT_BRANDING, contrastVerdict, type ContrastVerdict } from '../../../domain/branding';
import { bi } from '../../../domain/i18n';
import type { ApiContext } from '../../app';
import type { AuthContext } from '../../lib/auth';
import { AppError, type FieldError } from '../../lib/errors';
import { assertInSubtree } from '../../lib/scope';
import { fileInfo, storeFile } from '../../lib/uploads';

export const LOGO_PURPOSE = 'logo';
const AGENT_NOT_FOUND = bi('نماینده یافت نشد.', 'Agent not found.');

export interface BrandingInput {
  titleFa?: string | null;
  titleEn?: string | null;
  primaryColor?: string | null;
  accentColor?: string | null;
}

/** What a portal or login page needs to look like an agent. */
export interface PublicBranding {
  agentCode: string;
  realm: string;
  titleFa: string;
  titleEn: string;
  primaryColor: string;
  accentColor: string;
  logoUrl: string | null;
  matchedBy: 'host' | 'agent' | 'realm' | 'default';
}

const logoUrl = (code: string, attachmentId: string) =>
  `/api/public/branding/logo/${encodeURIComponent(code)}?v=${attachmentId.slice(0, 8)}`;

/** Colours are checked against white: the portal writes white on both (buttons, header, menu). */
export function checkColours(input: BrandingInput): { errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  for (const field of ['primaryColor', 'accentColor'] as const) {
    const colour = input[field];
    if (!colour) continue;
    const { ratio, verdict } = contrastVerdict(colour);
    if (verdict === 'unreadable') {
      errors.push({
        field,
        code: 'low_contrast',
        message: bi(
          `نوشتهٔ سفید روی این رنگ خوانا نیست (نسبت تضاد ${ratio} از ۳ کمتر است)؛ رنگ تیره‌تری برگزینید.`,
          `White text on this colour is unreadable (contrast ${ratio}:1, below 3:1); choose a darker colour.`,
        ),
      });
    } else if (verdict === 'weak') {
      warnings.push({
        field,
        code: 'weak_contrast',
        message: bi(
          `تضاد این رنگ با نوشتهٔ سفید کم است (${ratio} از ۴٫۵)؛ متن ریز ممکن است سخت خوانده شود.`,
          `Contrast with white text is weak (${ratio}:1, below 4.5:1); small text may be hard to read.`,
        ),
      });
    }
  }
  return { errors, warnings };
}

export function createBrandingService(ctx: Pick<ApiContext, 'db' | 'agents'>) {
  const { db, agents } = ctx;
  const { Agent, AgentBranding, AgentDomain, Attachment } = db.models;

  const snapshot = (r: AgentBrandingRow | null) =>
    r
      ? {
          titleFa: r.titleFa,
          titleEn: r.titleEn,
          primaryColor: r.primaryColor,
          accentColor: r.accentColor,
          logoAttachmentId: r.logoAttachmentId,
        }
      : null;

  async function agentOf(auth: AuthContext, agentId: string) {
    await assertInSubtree(agents, auth, agentId, AGENT_NOT_FOUND);
    const agent = await Agent.findByPk(agentId);
    if (!agent) throw AppError.notFound(AGENT_NOT_FOUND);
    return agent;
  }

  async function view(agentId: string) {
    const agent = (await Agent.findByPk(agentId))!;
    const row = await AgentBranding.findByPk(agentId);
    const domains = await AgentDomain.findAll({ where: { agentId }, order: [['domain', 'ASC']] });
    const logo = row?.logoAttachmentId ? await Attachment.findByPk(row.logoAttachmentId) : null;
    const contrast = (c: string | null | undefined): { ratio: number; verdict: ContrastVerdict } | null =>
      c ? contrastVerdict(c) : null;
    return {
      agent: { id: agent.id, code: agent.code, realm: agent.realm, nameFa: agent.nameFa, nameEn: agent.nameEn },
      titleFa: row?.titleFa ?? null,
      titleEn: row?.titleEn ?? null,
      primaryColor: row?.primaryColor ?? null,
      accentColor: row?.accentColor ?? null,
      logo: logo ? fileInfo(logo) : null,
      logoUrl: logo ? logoUrl(agent.code, logo.id) : null,
      contrast: { primaryColor: contrast(row?.primaryColor), accentColor: contrast(row?.accentColor) },
      domains: domains.map((d) => d.domain),
      defaults: { ...DEFAULT_BRANDING },
      updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
    };
  }

  /** Field by field: the agent's own value, else the nearest ancestor's, else the defaults. */
  async function effective(agentId: string, matchedBy: PublicBranding['matchedBy']): Promise<PublicBranding> {
    const self = (await Agent.findByPk(agentId))!;
    const out: PublicBranding = {
      agentCode: self.code,
      realm: self.realm,
      titleFa: '',
      titleEn: '',
      primaryColor: '',
      accentColor: '',
      logoUrl: null,
      matchedBy,
    };
    let logoSet = false;
    let current: typeof self | null = self;
    for (let depth = 0; current && depth < 20; depth += 1) {
      const b = await AgentBranding.findByPk(current.id);
      if (b) {
        out.titleFa ||= b.titleFa ?? '';
        out.titleEn ||= b.titleEn ?? '';
        out.primaryColor ||= b.primaryColor ?? '';
        out.accentColor ||= b.accentColor ?? '';
        if (!logoSet && b.logoAttachmentId) {
          out.logoUrl = logoUrl(current.code, b.logoAttachmentId);
          logoSet = true;
        }
      }
      current = current.parentId ? await Agent.findByPk(current.parentId) : null;
    }
    out.titleFa ||= DEFAULT_BRANDING.titleFa;
    out.titleEn ||= DEFAULT_BRANDING.titleEn;
    out.primaryColor ||= DEFAULT_BRANDING.primaryColor;
    out.accentColor ||= DEFAULT_BRANDING.accentColor;
    return out;
  }

  /** The logo row an agent shows (its own, else its nearest ancestor's). */
  async function logoOf(agentCode: string) {
    let current = await Agent.findOne({ where: { code: agentCode, active: true } });
    for (let depth = 0; current && depth < 20; depth += 1) {
      const b = await AgentBranding.findByPk(current.id);
      if (b?.logoAttachmentId) return Attachment.findByPk(b.logoAttachmentId);
      current = current.parentId ? await Agent.findByPk(current.parentId) : null;
    }
    return null;
  }

  const domainTaken = (domain: string) =>
    new AppError(
      409,
      'DOMAIN_TAKEN',
      bi(`دامنهٔ ${domain} پیش‌تر به نماینده‌ای داده شده است.`, `The domain ${domain} already belongs to an agent.`),
    );

  return {
    view,
    effective,
    logoOf,

    async get(auth: AuthContext, agentId: string) {
      await agentOf(auth, agentId);
      return view(agentId);
    },

    async update(auth: AuthContext, agentId: string, input: BrandingInput) {
      const agent = await agentOf(auth, agentId);
      const { errors, warnings } = checkColours(input);
      if (errors.length) throw AppError.validation(errors);
      await db.transaction(async (tx) => {
        const row = await AgentBranding.findByPk(agentId, { transaction: tx });
        const before = snapshot(row);
        const values = {
          titleFa: input.titleFa === undefined ? (row?.titleFa ?? null) : input.titleFa || null,
          titleEn: input.titleEn === undefined ? (row?.titleEn ?? null) : input.titleEn || null,
          primaryColor: input.primaryColor === undefined ? (row?.primaryColor ?? null) : input.primaryColor,
          accentColor: input.accentColor === undefined ? (row?.accentColor ?? null) : input.accentColor,
        };
        if (row) await row.update(values, { transaction: tx });
        else await AgentBranding.create({ agentId, ...values, logoAttachmentId: null }, { transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'update',
          entityType: 'branding',
          entityId: agent.id,
          scopeAgentId: agent.id,
          before,
          after: { ...before, ...values },
        });
      });
      return { ...(await view(agentId)), warnings };
    },

    async setLogo(auth: AuthContext, agentId: string, file: Express.Multer.File) {
      const agent = await agentOf(auth, agentId);
      await db.transaction(async (tx) => {
        const row = await AgentBranding.findByPk(agentId, { transaction: tx });
        const stored = await storeFile(db, tx, { file, purpose: LOGO_PURPOSE, refId: agentId, ownerId: auth.user.id, agentId });
        const previous = row?.logoAttachmentId ?? null;
        if (row) await row.update({ logoAttachmentId: stored.id }, { transaction: tx });
        else
          await AgentBranding.create(
            { agentId, titleFa: null, titleEn: null, primaryColor: null, accentColor: null, logoAttachmentId: stored.id },
            { transaction: tx },
          );
        if (previous) await Attachment.destroy({ where: { id: previous, purpose: LOGO_PURPOSE }, transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'logo',
          entityType: 'branding',
          entityId: agent.id,
          scopeAgentId: agent.id,
          before: { logoAttachmentId: previous },
          after: {
            logoAttachmentId: stored.id,
            fileName: stored.fileName,
            contentType: stored.contentType,
            sha256: stored.sha256,
          },
        });
      });
      return view(agentId);
    },

    async removeLogo(auth: AuthContext, agentId: string) {
      const agent = await agentOf(auth, agentId);
      await db.transaction(async (tx) => {
        const row = await AgentBranding.findByPk(agentId, { transaction: tx });
        if (!row?.logoAttachmentId) return;
        const previous = row.logoAttachmentId;
        await row.update({ logoAttachmentId: null }, { transaction: tx });
        await Attachment.destroy({ where: { id: previous, purpose: LOGO_PURPOSE }, transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'logo',
          entityType: 'branding',
          entityId: agent.id,
          scopeAgentId: agent.id,
          before: { logoAttachmentId: previous },
          after: { logoAttachmentId: null },
        });
      });
      return view(agentId);
    },

    async addDomain(auth: AuthContext, agentId: string, domain: string) {
      const agent = await agentOf(auth, agentId);
      if (await AgentDomain.findByPk(domain)) throw domainTaken(domain);
      try {
        await db.transaction(async (tx) => {
          await AgentDomain.create({ domain, agentId }, { transaction: tx });
          await appendAudit(db, tx, auth.who, {
            action: 'create',
            entityType: 'agent-domain',
            entityId: domain,
            scopeAgentId: agent.id,
            after: { domain, agentId },
          });
        });
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw domainTaken(domain);
        throw err;
      }
      return view(agentId);
    },

    async removeDomain(auth: AuthContext, agentId: string, domain: string) {
      const agent = await agentOf(auth, agentId);
      await db.transaction(async (tx) => {
        const row = await AgentDomain.findOne({ where: { domain, agentId }, transaction: tx });
        if (!row) throw AppError.notFound(bi('این دامنه از آنِ این نماینده نیست.', 'This agent has no such domain.'));
        await row.destroy({ transaction: tx });
        await appendAudit(db, tx, auth.who, {
          action: 'delete',
          entityType: 'agent-domain',
          entityId: domain,
          scopeAgentId: agent.id,
          before: { domain, agentId },
        });
      });
      return view(agentId);
    },

    /** Public lookup: by host (an agent's domain), else agent code, else realm, else the main broker. */
    async lookup(q: { host?: string; agent?: string; realm?: string }): Promise<PublicBranding> {
      const host = q.host?.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
      if (host) {
        const d = await AgentDomain.findByPk(host);
        const a = d ? await Agent.findOne({ where: { id: d.agentId, active: true } }) : null;
        if (a) return effective(a.id, 'host');
      }
      if (q.agent) {
        const a = await Agent.findOne({ where: { code: q.agent, active: true } });
        if (a) return effective(a.id, 'agent');
      }
      if (q.realm) {
        const a = await Agent.findOne({ where: { realm: q.realm, active: true } });
        if (a) return effective(a.id, 'realm');
      }
      const broker = await Agent.findOne({ where: { isBroker: true } });
      if (!broker) throw AppError.notFound(AGENT_NOT_FOUND);
      return effective(broker.id, 'default');
    },
  };
}

export type BrandingService = ReturnType<typeof createBrandingService>;
