/**
 * PSP-B: SOAP 1.1 (document/literal) at `POST /soap`, WSDL at `GET /soap?wsdl` (or `/?wsdl`).
 * Credentials travel in the header: `wsse:Security/wsse:UsernameToken/{Username,Password}`.
 * Request elements carry `RequestId` (the idempotency key) and PascalCase fields; errors are SOAP
 * faults (HTTP 500) with `detail/PspError/{Code,Message}`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimError, type Operation, type SimEngine, type Submission } from './core/engine';
import { control, readBody, send, withFault, type SimResponse } from './core/http';
import { child, el, parseXml, textEl, XmlError, type XmlElement } from '../domain/xml';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const PSP_B_NS = 'urn:psp-b:terminals:v1';
export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';

/** SOAP operation → simulator operation. */
export const SOAP_OPERATIONS: Record<string, Operation> = {
  RegisterMerchant: 'register',
  DefineDevice: 'defineDevice',
  SwapDevice: 'swap',
  ChangeAccount: 'changeAccount',
  ChangeMerchantInfo: 'changeMerchantInfo',
  CollectTerminal: 'collect',
  ReactivateTerminal: 'reactivate',
  GetRequestStatus: 'status',
  GetTerminal: 'terminal',
  GetDailyTransactions: 'transactions',
};

/** PSP-B's request states: 0 pending, 1 done, 2 rejected. */
const STATE = { pending: '0', done: '1', rejected: '2' } as const;

const pascal = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

const xmlResponse = (status: number, body: string): SimResponse => ({
  status,
  contentType: 'text/xml; charset=utf-8',
  body: `<?xml version="1.0" encoding="utf-8"?>${body}`,
});

export function envelope(bodyContent: string): string {
  return el('soap:Envelope', { 'xmlns:soap': SOAP_ENV, 'xmlns:tns': PSP_B_NS }, el('soap:Body', {}, bodyContent));
}

export function soapFault(faultcode: 'soap:Client' | 'soap:Server', code: string, message: string): SimResponse {
  return xmlResponse(
    500,
    envelope(
      el(
        'soap:Fault',
        {},
        textEl('faultcode', faultcode),
        `<faultstring xml:lang="fa">${message.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</faultstring>`,
        el('detail', {}, el('tns:PspError', {}, textEl('tns:Code', code), textEl('tns:Message', message))),
      ),
    ),
  );
}

const fields = (obj: Record<string, string | undefined>): string =>
  Object.entries(obj)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => textEl(`tns:${pascal(k)}`, v)!)
    .join('');

function readOperation(engine: SimEngine, name: string, args: Record<string, string>): string {
  const op = SOAP_OPERATIONS[name];
  if (op === 'status') {
    const r = engine.findRequest(args.trackingCode ?? args.requestId ?? '');
    const v = engine.verdictOf(r);
    return el(
      `tns:${name}Response`,
      {},
      fields({ trackingCode: v.trackingCode, requestId: v.clientRequestId, operation: v.operation, state: STATE[v.status] }),
      v.error ? fields({ reasonCode: v.error.code, reasonText: v.error.message }) : undefined,
      v.result ? el('tns:Result', {}, fields(v.result)) : undefined,
    );
  }
  if (op === 'terminal') {
    const t = engine.terminal(args.terminalId ?? '');
    return el(
      `tns:${name}Response`,
      {},
      el(
        'tns:Terminal',
        {},
        fields({
          terminalId: t.terminalId,
          merchantId: t.merchantId,
          status: t.status,
          statusReason: t.statusReason,
          shopName: t.shopName,
          guildCode: t.guildCode,
          postalCode: t.postalCode,
          sheba: t.sheba,
          bankCode: t.bankCode,
          deviceModel: t.deviceModel,
          serial: t.serial,
        }),
      ),
    );
  }
  // transactions
  const list = engine.transactions(args.terminalId ?? '', args.date ?? '');
  return el(
    `tns:${name}Response`,
    {},
    el(
      'tns:Transactions',
      {},
      ...list.map((t) =>
        el(
          'tns:Transaction',
          {},
          fields({
            rrn: t.rrn,
            terminalId: t.terminalId,
            date: t.date,
            time: t.time,
            amount: String(t.amount),
            cardPan: t.cardPan,
            kind: t.kind,
            success: String(t.success),
          }),
        ),
      ),
    ),
  );
}

export function createPspBHandler(
  engine: SimEngine,
  wsdl: () => string,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const serverError = (status: number): SimResponse => {
    const r = soapFault('soap:Server', engine.code('server'), 'خطای داخلی سامانه؛ بعداً دوباره تلاش کنید.');
    return { ...r, status };
  };
  const clientFault = (err: unknown): SimResponse => {
    if (err instanceof SimError) return soapFault(err.status >= 500 ? 'soap:Server' : 'soap:Client', err.code, err.message);
    if (err instanceof XmlError) return soapFault('soap:Client', engine.code('validation'), `XML نامعتبر: ${err.message}`);
    return soapFault('soap:Server', engine.code('server'), err instanceof Error ? err.message : String(err));
  };

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sim');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    try {
      const raw = await readBody(req);
      if (path.startsWith('/_control/')) return send(res, await control(engine, method, path, url, raw));
      if (method === 'GET' && (path === '/soap' || path === '/') && url.searchParams.has('wsdl')) {
        return send(res, { status: 200, contentType: 'text/xml; charset=utf-8', body: wsdl() });
      }
      if (method !== 'POST' || (path !== '/soap' && path !== '/')) {
        return send(res, soapFault('soap:Client', engine.code('not_found'), 'مسیر یافت نشد؛ نشانی سرویس /soap است.'));
      }
      const doc = parseXml(raw);
      if (doc.name !== 'Envelope' || doc.ns !== SOAP_ENV) {
        return send(res, soapFault('soap:Client', engine.code('validation'), 'پاکت SOAP 1.1 یافت نشد.'));
      }
      const body = doc.children.find((c) => c.name === 'Body' && c.ns === SOAP_ENV);
      const call = body?.children[0];
      const op = call ? SOAP_OPERATIONS[call.name] : undefined;
      if (!call || !op || call.ns !== PSP_B_NS) {
        return send(res, soapFault('soap:Client', engine.code('validation'), `عملیات ناشناخته: ${call?.name ?? '-'}`));
      }
      const token = child(child(child(doc, 'Header'), 'Security'), 'UsernameToken');
      const username = child(token, 'Username')?.text.trim() ?? '';
      const password = child(token, 'Password')?.text ?? '';
      if (!engine.checkPassword(username, password)) {
        return send(res, soapFault('soap:Client', engine.code('auth'), 'نام کاربری یا گذرواژه نادرست است.'));
      }
      const args = argsOf(call);
      await withFault(engine, op, res, serverError, () => {
        try {
          if (op === 'status' || op === 'terminal' || op === 'transactions') {
            return Promise.resolve(xmlResponse(200, envelope(readOperation(engine, call.name, args))));
          }
          const { requestId, ...rest } = args;
          const { request } = engine.submit(op as Submission, requestId ?? '', rest, { username });
          return Promise.resolve(
            xmlResponse(
              200,
              envelope(
                el(
                  `tns:${call.name}Response`,
                  {},
                  fields({ trackingCode: request.trackingCode, state: STATE.pending, receivedAt: request.submittedAt }),
                ),
              ),
            ),
          );
        } catch (err) {
          return Promise.resolve(clientFault(err));
        }
      });
    } catch (err) {
      if (!res.headersSent && !res.destroyed) send(res, clientFault(err));
    }
  };
}

/** The call's simple children as camelCase fields. */
function argsOf(call: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of call.children) if (!c.children.length) out[camel(c.name)] = c.text.trim();
  return out;
}
