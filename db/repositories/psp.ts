import { randomUUID } from 'node:crypto';
import { fn, col, Op } from 'sequelize';
import type { MappableKind } from '../../domain/basedata';
import type { AgentNode, AgentPspLink } from '../../domain/psp/credential-owner';
import type { Bilingual } from '../../domain/i18n';
import type { PspOutcomeClass } from '../../domain/psp/errors';
import type { MappingTable } from '../../domain/psp/mapper';
import { LATENCY_BUCKETS_MS, type CallCount, type LatencyAggregate } from '../../domain/psp/metrics';
import { chunkForParams } from '../connection';
import type { Database } from '../index';

export interface PspCallRecord {
  requestId: string;
  pspCode: string;
  operation: string;
  ownerAgentId: string | null;
  outcome: PspOutcomeClass;
  errorType: string | null;
  errorCode: string | null;
  message: string | null;
  /** What happened, for people (fa/en); null for a call that went well. */
  text: Bilingual | null;
  trackingCode: string | null;
  latencyMs: number;
  startedAt: Date;
}

/** A stored `{fa, en}` (calls recorded before migration 0012 have none). */
export function parseCallText(json: string | null): Bilingual | null {
  if (!json) return null;
  try {
    const t = JSON.parse(json) as Partial<Bilingual>;
    return typeof t.fa === 'string' && typeof t.en === 'string' ? { fa: t.fa, en: t.en } : null;
  } catch {
    return null;
  }
}

/** `{fa, en}` as JSON within the column's 2,000 characters (escapes count): long texts are shortened. */
export function textJson(t: Bilingual): string {
  for (let n = 900; ; n -= 100) {
    const json = JSON.stringify({ fa: Array.from(t.fa).slice(0, n).join(''), en: Array.from(t.en).slice(0, n).join('') });
    if (json.length <= 2000 || n <= 100) return json;
  }
}

const cut = (s: string | null, n: number) => (s === null ? null : s.length > n ? s.slice(0, n) : s);

/** Data access of the PSP layer: the call log, the credential tree, mapping tables, endpoints. */
export function createPspRepository(db: Database) {
  const { PspCall, Agent, AgentPsp, BaseItem, PspMapping } = db.models;
  return {
    async recordCall(c: PspCallRecord): Promise<void> {
      await PspCall.create({
        id: randomUUID(),
        ...c,
        requestId: cut(c.requestId, 100) ?? '',
        errorCode: cut(c.errorCode, 200),
        message: cut(c.message, 1000),
        text: c.text ? textJson(c.text) : null,
        trackingCode: cut(c.trackingCode, 100),
        latencyMs: Math.max(0, Math.round(c.latencyMs)),
      });
    },

    async callsOf(requestId: string): Promise<PspCallRecord[]> {
      const rows = await PspCall.findAll({ where: { requestId }, order: [['startedAt', 'ASC']], raw: true });
      return rows.map(({ id: _id, ...r }) => ({
        ...r,
        outcome: r.outcome as PspOutcomeClass,
        text: parseCallText(r.text),
        startedAt: new Date(r.startedAt),
      }));
    },

    /** Call counts by PSP, operation and outcome. */
    async callCounts(): Promise<CallCount[]> {
      const rows = (await PspCall.findAll({
        attributes: ['pspCode', 'operation', 'outcome', [fn('COUNT', col('id')), 'n']],
        group: ['pspCode', 'operation', 'outcome'],
        order: [
          ['pspCode', 'ASC'],
          ['operation', 'ASC'],
          ['outcome', 'ASC'],
        ],
        raw: true,
      })) as unknown as { pspCode: string; operation: string; outcome: string; n: number | string }[];
      return rows.map((r) => ({
        psp: r.pspCode,
        operation: r.operation,
        outcome: r.outcome as PspOutcomeClass,
        count: Number(r.n),
      }));
    },

    /** Latency histogram per PSP (one grouped query per bucket bound, plus totals). */
    async latency(): Promise<LatencyAggregate[]> {
      const totals = (await PspCall.findAll({
        attributes: ['pspCode', [fn('COUNT', col('id')), 'n'], [fn('SUM', col('latency_ms')), 'total']],
        group: ['pspCode'],
        order: [['pspCode', 'ASC']],
        raw: true,
      })) as unknown as { pspCode: string; n: number | string; total: number | string | null }[];
      const out = new Map<string, LatencyAggregate>(
        totals.map((t) => [t.pspCode, { psp: t.pspCode, count: Number(t.n), sumMs: Number(t.total ?? 0), buckets: [] }]),
      );
      for (const [i, bound] of LATENCY_BUCKETS_MS.entries()) {
        const rows = (await PspCall.findAll({
          attributes: ['pspCode', [fn('COUNT', col('id')), 'n']],
          where: { latencyMs: { [Op.lte]: bound } },
          group: ['pspCode'],
          raw: true,
        })) as unknown as { pspCode: string; n: number | string }[];
        const got = new Map(rows.map((r) => [r.pspCode, Number(r.n)]));
        for (const agg of out.values()) agg.buckets[i] = got.get(agg.psp) ?? 0;
      }
      return [...out.values()];
    },

    /** The agent tree and every agent's link to the PSP (for resolveCredentialOwner). */
    async credentialTree(pspCode: string): Promise<{ agents: AgentNode[]; links: AgentPspLink[] }> {
      const agents = await Agent.findAll({ attributes: ['id', 'parentId', 'isBroker', 'status'], raw: true });
      const links = await AgentPsp.findAll({
        where: { pspCode },
        attributes: ['agentId', 'direct', 'sealedCredentials'],
        raw: true,
      });
      return {
        agents: agents.map((a) => ({
          id: a.id,
          parentId: a.parentId,
          isBroker: Boolean(a.isBroker),
          status: a.status ?? 'active',
        })),
        links: links.map((l) => ({
          agentId: l.agentId,
          direct: Boolean(l.direct),
          hasCredentials: Boolean(l.sealedCredentials),
        })),
      };
    },

    async sealedCredentials(agentId: string, pspCode: string): Promise<string | null> {
      const row = await AgentPsp.findOne({ where: { agentId, pspCode }, attributes: ['sealedCredentials'], raw: true });
      return row?.sealedCredentials ?? null;
    },

    /** The PSP's base-data item attributes (protocol, endpointUrl), or null when not defined. */
    async endpoint(
      pspCode: string,
    ): Promise<{ pspCode: string; protocol: string; endpointUrl?: string; active: boolean } | null> {
      const row = await BaseItem.findOne({ where: { kind: 'psp', code: pspCode }, raw: true });
      if (!row) return null;
      const attrs = JSON.parse(row.attributes) as { protocol?: string; endpointUrl?: string };
      return { pspCode, protocol: attrs.protocol ?? 'rest', endpointUrl: attrs.endpointUrl, active: Boolean(row.active) };
    },

    /** The PSP's whole mapping table in one query (+ item existence looked up lazily on a miss). */
    async mappingTable(pspCode: string, kinds: readonly MappableKind[]): Promise<MappingTable> {
      const psp = await BaseItem.findOne({ where: { kind: 'psp', code: pspCode }, attributes: ['code'], raw: true });
      const rows = await PspMapping.findAll({ where: { pspCode }, raw: true });
      const items = new Set<string>();
      for (const chunk of chunkForParams([...kinds], 1, 500)) {
        const found = await BaseItem.findAll({ where: { kind: { [Op.in]: chunk } }, attributes: ['kind', 'code'], raw: true });
        for (const f of found) items.add(`${f.kind}/${f.code}`);
      }
      return {
        pspCode,
        pspKnown: Boolean(psp),
        mappings: new Map(rows.map((r) => [`${r.kind}/${r.itemCode}`, r.externalCode])),
        itemExists: (kind, code) => items.has(`${kind}/${code}`),
      };
    },
  };
}

export type PspRepository = ReturnType<typeof createPspRepository>;
