/**
 * The PSP-B adapter: SOAP 1.1 document/literal (contract: psp-sim/README.md "PSP-B", WSDL at
 * `<endpoint>?wsdl`). XML through the repository's strict reader/writer (domain/xml.ts).
 *
 * - Credentials travel with every call in the WS-Security 1.0 header
 *   (`wsse:Security/wsse:UsernameToken/{Username, Password}`); there is no session to cache.
 * - Every submission carries `RequestId = ctx.requestId` (PSP-B's idempotency key).
 * - Outbound codes go through `ctx.map` before the envelope is built, so an unmapped value leaves
 *   nothing at the PSP.
 * - SOAP faults (HTTP 500, also for client errors) are read: `soap:Server` / code 500 → retryable;
 *   code 401 → PspCredentialsUnavailable('refused'); any other `soap:Client` code (400, 404, 409,
 *   301…313) → PspBusinessRejection with PSP-B's code, its Persian message and our text.
 * - Answers are validated with zod; an unreadable envelope → retryable 'malformed'.
 */
import { z } from 'zod';
import type {
  PspAccepted,
  PspAdapter,
  PspCallContext,
  PspConnectionCheck,
  PspEndpoint,
  PspTerminalInfo,
  PspVerdict,
} from '../../domain/psp/adapter';
import { PspAdapterMissing, PspBusinessRejection, PspCredentialsUnavailable, PspRetryableError } from '../../domain/psp/errors';
import type { PspRejectionReason } from '../../domain/psp/rejections';
import { child, el, escapeXml, parseXml, textEl, type XmlElement } from '../../domain/xml';
import { defined, guildChangeUnsupported, rejection, terminalRequired, toTransaction, userPassword } from './adapter-common';
import { createPspHttpClient } from './http';

export const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const PSP_B_NS = 'urn:psp-b:terminals:v1';
export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const PASSWORD_TEXT = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText';

/** PSP-B's refusal codes (its documentation's table) → our reasons. */
export const PSP_B_CODES: Readonly<Record<string, PspRejectionReason>> = {
  '301': 'invalid-national-code',
  '302': 'duplicate-shop',
  '303': 'unknown-guild',
  '304': 'sheba-owner-mismatch',
  '305': 'invalid-sheba',
  '306': 'bank-mismatch',
  '307': 'unknown-device-model',
  '308': 'duplicate-serial',
  '309': 'terminal-not-found',
  '310': 'terminal-state',
  '311': 'unknown-reason',
  '312': 'invalid-postal-code',
  '313': 'invalid-mobile',
  '400': 'invalid-request',
  '404': 'not-found',
  '409': 'request-id-reused',
};

/** A terminal id PSP-B cannot have: `GetTerminal` of it checks the credentials and changes nothing. */
export const PING_TERMINAL_ID = 'KARTABL-CONNECTION-TEST';

export interface PspBAdapterOptions {
  /** Per-call timeout (default 15 s). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface SoapFault {
  faultcode: string;
  faultstring: string;
  code?: string;
  message?: string;
}

/** The fault inside a SOAP envelope, or null when the text is no SOAP fault. */
export function readSoapFault(text: string): SoapFault | null {
  let doc: XmlElement;
  try {
    doc = parseXml(text);
  } catch {
    return null;
  }
  const fault = child(child(doc, 'Body'), 'Fault');
  if (doc.name !== 'Envelope' || doc.ns !== SOAP_ENV_NS || !fault) return null;
  const detail = child(child(fault, 'detail'), 'PspError');
  const code = child(detail, 'Code')?.text.trim();
  const message = child(detail, 'Message')?.text.trim();
  return {
    faultcode: child(fault, 'faultcode')?.text.trim() ?? '',
    faultstring: child(fault, 'faultstring')?.text.trim() ?? '',
    ...(code ? { code } : {}),
    ...(message ? { message } : {}),
  };
}

/** Leaf children by local name (the text of each). */
function leaves(e: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of e.children) if (!c.children.length) out[c.name] = c.text.trim();
  return out;
}

const Accepted = z.object({ TrackingCode: z.string().min(1), State: z.string() });
const Verdict = z.object({
  TrackingCode: z.string().min(1),
  State: z.enum(['0', '1', '2']),
  ReasonCode: z.string().optional(),
  ReasonText: z.string().optional(),
  Result: z.record(z.string(), z.string()).optional(),
});
const Feed = z.object({
  Transactions: z.array(
    z.object({
      Rrn: z.string().min(1),
      TerminalId: z.string(),
      Date: z.string(),
      Time: z.string(),
      Amount: z.string().regex(/^\d+$/),
      CardPan: z.string().default(''),
      Kind: z.string(),
      Success: z.enum(['true', 'false']),
    }),
  ),
});
const Terminal = z.object({ Terminal: z.record(z.string(), z.string()) });
const TerminalAnswer = z.object({
  Terminal: z.looseObject({
    TerminalId: z.string().min(1),
    MerchantId: z.string().optional(),
    Status: z.enum(['awaiting_device', 'active', 'deactivated', 'collected']),
    StatusReason: z.string().optional(),
    DeviceModel: z.string().optional(),
    Serial: z.string().optional(),
  }),
});

export function createPspBAdapter(endpoint: PspEndpoint, opts: PspBAdapterOptions = {}): PspAdapter {
  const { pspCode } = endpoint;
  if (!endpoint.endpointUrl) throw new PspAdapterMissing(pspCode, endpoint.protocol, 'no-endpoint');
  // The endpoint is the service address (…/soap); the HTTP helper joins '' to it.
  const http = createPspHttpClient({ baseUrl: endpoint.endpointUrl, timeoutMs: opts.timeoutMs, fetch: opts.fetch });
  const label = `PSP-B (${pspCode})`;

  /** A readable fault → its classified error; anything else is left to the HTTP helper. */
  const throwFault = (_status: number, body: string): void => {
    const f = readSoapFault(body);
    if (!f) return;
    if (f.code === '401') throw new PspCredentialsUnavailable(pspCode, null, 'refused');
    const client = /(^|:)Client$/.test(f.faultcode);
    if (!client || f.code === '500') return; // server side: retry
    throw rejection(pspCode, label, PSP_B_CODES, f.code ?? 'soap:Client', f.message ?? f.faultstring);
  };

  function envelope(ctx: PspCallContext, operation: string, fields: Record<string, string>): string {
    const { username, password } = userPassword(pspCode, ctx);
    const security = el(
      'wsse:Security',
      { 'xmlns:wsse': WSSE_NS, 'soap:mustUnderstand': '1' },
      el(
        'wsse:UsernameToken',
        {},
        textEl('wsse:Username', username),
        el('wsse:Password', { Type: PASSWORD_TEXT }, escapeXml(password)),
      ),
    );
    const body = el(`tns:${operation}`, {}, ...Object.entries(fields).map(([k, v]) => textEl(`tns:${k}`, v)));
    return `<?xml version="1.0" encoding="utf-8"?>${el(
      'soap:Envelope',
      { 'xmlns:soap': SOAP_ENV_NS, 'xmlns:tns': PSP_B_NS },
      el('soap:Header', {}, security),
      el('soap:Body', {}, body),
    )}`;
  }

  /** The `<operation>Response` element of an answer (anything else is malformed). */
  function responseOf(text: string, operation: string): XmlElement {
    const doc = parseXml(text);
    const payload = child(doc, 'Body')?.children[0];
    if (doc.name !== 'Envelope' || doc.ns !== SOAP_ENV_NS || !payload) throw new Error('no SOAP body');
    if (payload.name !== `${operation}Response` || payload.ns !== PSP_B_NS) throw new Error(`no ${operation}Response`);
    return payload;
  }

  async function call<T>(
    ctx: PspCallContext,
    operation: string,
    fields: Record<string, string>,
    schema: z.ZodType<T>,
    decode: (response: XmlElement) => unknown,
  ): Promise<T> {
    const res = await http.request<T>({
      method: 'POST',
      path: '',
      requestId: ctx.requestId,
      body: envelope(ctx, operation, fields),
      contentType: 'text/xml; charset=utf-8',
      headers: { soapaction: `"${PSP_B_NS}#${operation}"` },
      as: 'text',
      accept: (s) => s === 200,
      decode: (text) => decode(responseOf(text, operation)),
      schema,
      onServerError: throwFault,
      onStatus: (status, body) => {
        throwFault(status, body);
        throw new PspRetryableError('malformed', `unexpected HTTP ${status} from the PSP without a SOAP fault`, status);
      },
      signal: ctx.signal,
    });
    return res.data;
  }

  async function submit(ctx: PspCallContext, operation: string, fields: Record<string, string>): Promise<PspAccepted> {
    const data = await call(ctx, operation, { RequestId: ctx.requestId, ...fields }, Accepted, leaves);
    return { outcome: 'accepted', trackingCode: data.TrackingCode };
  }

  return {
    pspCode,

    async ping(ctx): Promise<PspConnectionCheck> {
      const { username } = userPassword(pspCode, ctx);
      try {
        await call(ctx, 'GetTerminal', { TerminalId: PING_TERMINAL_ID }, Terminal, (r) => ({
          Terminal: leaves(child(r, 'Terminal') ?? r),
        }));
      } catch (err) {
        // "No such terminal" means PSP-B accepted the credentials (a wrong password is fault 401).
        if (!(err instanceof PspBusinessRejection && err.rejectionCode === '404')) throw err;
      }
      return { ok: true, detail: `PSP-B accepted the credentials of ${username}` };
    },

    async registerMerchant(ctx, i) {
      const c = ctx.map.codes({
        guild: ['guild', i.shop.guild],
        bank: ['bank', i.account.bank],
        // Checked now so a registration never starts with a device PSP-B cannot define later.
        deviceModel: ['device-model', i.deviceModel],
      });
      return submit(ctx, 'RegisterMerchant', {
        NationalCode: i.person.nationalCode ?? i.person.legalId ?? '',
        FirstName: i.person.firstName,
        LastName: i.person.lastName,
        Mobile: i.person.mobile,
        ShopName: i.shop.nameFa,
        GuildCode: c.guild,
        PostalCode: i.shop.postalCode,
        Address: i.shop.address,
        Sheba: i.account.sheba,
        BankCode: c.bank,
      });
    },

    async defineDevice(ctx, i) {
      const model = ctx.map.code('device-model', i.deviceModel);
      return submit(ctx, 'DefineDevice', { TerminalId: i.terminalId, DeviceModel: model, Serial: i.serialNumber });
    },

    async swap(ctx, i) {
      const c = ctx.map.codes({ model: ['device-model', i.newDeviceModel], reason: ['swap-reason', i.reason] });
      return submit(ctx, 'SwapDevice', {
        TerminalId: i.terminalId,
        DeviceModel: c.model,
        Serial: i.newSerialNumber,
        ReasonCode: c.reason,
      });
    },

    async changeAccount(ctx, i) {
      const bank = ctx.map.code('bank', i.account.bank);
      return submit(ctx, 'ChangeAccount', { TerminalId: i.terminalId, Sheba: i.account.sheba, BankCode: bank });
    },

    async changeMerchantInfo(ctx, i) {
      const ch = i.changes;
      if (ch.guild !== undefined) {
        ctx.map.code('guild', ch.guild);
        throw guildChangeUnsupported(pspCode);
      }
      if (!i.terminalId) throw terminalRequired(pspCode);
      return submit(ctx, 'ChangeMerchantInfo', {
        TerminalId: i.terminalId,
        ...defined({ ShopName: ch.nameFa, Mobile: ch.mobile, Address: ch.address, PostalCode: ch.postalCode }),
      });
    },

    async collect(ctx, i) {
      const reason = ctx.map.code('collect-reason', i.reason);
      return submit(ctx, 'CollectTerminal', { TerminalId: i.terminalId, ReasonCode: reason });
    },

    async reactivate(ctx, i) {
      return submit(ctx, 'ReactivateTerminal', { TerminalId: i.terminalId });
    },

    async status(ctx, i): Promise<PspVerdict> {
      const v = await call(ctx, 'GetRequestStatus', { TrackingCode: i.trackingCode }, Verdict, (r) => {
        const result = child(r, 'Result');
        return { ...leaves(r), ...(result ? { Result: leaves(result) } : {}) };
      });
      if (v.State === '0') return { state: 'pending', trackingCode: v.TrackingCode };
      if (v.State === '1') {
        const r = v.Result ?? {};
        return {
          state: 'approved',
          trackingCode: v.TrackingCode,
          ...(r.MerchantId ? { merchantId: r.MerchantId } : {}),
          ...(r.TerminalId ? { terminalId: r.TerminalId } : {}),
        };
      }
      if (!v.ReasonCode) throw new PspRetryableError('malformed', 'the PSP rejected the request without a reason code');
      const e = rejection(pspCode, label, PSP_B_CODES, v.ReasonCode, v.ReasonText ?? '');
      return {
        state: 'rejected',
        trackingCode: v.TrackingCode,
        rejection: { code: e.rejectionCode, pspMessage: e.pspMessage, text: e.text },
      };
    },

    async terminal(ctx, i): Promise<PspTerminalInfo> {
      const { Terminal: t } = await call(ctx, 'GetTerminal', { TerminalId: i.terminalId }, TerminalAnswer, (r) => {
        const terminal = child(r, 'Terminal');
        if (!terminal) throw new Error('no Terminal element');
        return { Terminal: leaves(terminal) };
      });
      return {
        terminalId: t.TerminalId,
        status: t.Status,
        ...(t.StatusReason ? { statusReason: t.StatusReason } : {}),
        ...(t.MerchantId ? { merchantId: t.MerchantId } : {}),
        ...(t.Serial ? { serial: t.Serial } : {}),
        ...(t.DeviceModel ? { deviceModel: t.DeviceModel } : {}),
      };
    },

    async transactions(ctx, i) {
      const feed = await call(ctx, 'GetDailyTransactions', { TerminalId: i.terminalId, Date: i.day }, Feed, (r) => {
        const list = child(r, 'Transactions');
        if (!list) throw new Error('no Transactions element');
        return { Transactions: list.children.filter((c) => c.name === 'Transaction').map(leaves) };
      });
      return feed.Transactions.map((t) =>
        toTransaction({
          rrn: t.Rrn,
          date: t.Date,
          time: t.Time,
          amount: Number(t.Amount),
          cardPan: t.CardPan,
          kind: t.Kind,
          success: t.Success === 'true',
        }),
      );
    },
  };
}
