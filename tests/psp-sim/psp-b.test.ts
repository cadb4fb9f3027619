import { makeSheba } from '../../domain/iran';
import { parseXml, child, escapeXml, type XmlElement } from '../../domain/xml';
import { PSP_B_NS, SOAP_ENV, SOAP_OPERATIONS } from '../../psp-sim/psp-b';
import { control, merchantData, startSim, type Sim } from './helpers';

let s: Sim;

function envelope(
  op: string,
  fields: Record<string, string>,
  creds: { user: string; pass: string } | null = { user: 'kartabl', pass: 'kartabl-demo' },
): string {
  const header = creds
    ? `<soap:Header><wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"><wsse:UsernameToken><wsse:Username>${escapeXml(creds.user)}</wsse:Username><wsse:Password>${escapeXml(creds.pass)}</wsse:Password></wsse:UsernameToken></wsse:Security></soap:Header>`
    : '';
  const body = Object.entries(fields)
    .map(([k, v]) => `<p:${k}>${escapeXml(v)}</p:${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="${SOAP_ENV}" xmlns:p="${PSP_B_NS}">${header}<soap:Body><p:${op}>${body}</p:${op}></soap:Body></soap:Envelope>`;
}

interface SoapAnswer {
  status: number;
  contentType: string;
  /** The element inside soap:Body. */
  payload: XmlElement;
  text: (name: string) => string | undefined;
}

async function soap(
  op: string,
  fields: Record<string, string>,
  creds?: { user: string; pass: string } | null,
): Promise<SoapAnswer> {
  const res = await fetch(`${s.sim.url}/soap`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${PSP_B_NS}#${op}"` },
    body: envelope(op, fields, creds),
  });
  const doc = parseXml(await res.text());
  expect(doc.name).toBe('Envelope');
  expect(doc.ns).toBe(SOAP_ENV);
  const payload = child(doc, 'Body')!.children[0];
  const find = (el: XmlElement, name: string): XmlElement | undefined => {
    for (const c of el.children) {
      if (c.name === name) return c;
      const deep = find(c, name);
      if (deep) return deep;
    }
    return undefined;
  };
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', payload, text: (n) => find(payload, n)?.text };
}

let rid = 0;
const nextId = (): string => `b-${++rid}`;

function registration(overrides: Record<string, string> = {}): Record<string, string> {
  const m = merchantData();
  return {
    RequestId: nextId(),
    NationalCode: m.nationalCode,
    FirstName: 'علی',
    LastName: 'رضایی',
    Mobile: '09351234567',
    ShopName: 'نانوایی علی & پسران',
    GuildCode: '11-031',
    PostalCode: m.postalCode,
    Address: 'اصفهان',
    Sheba: m.sheba,
    BankCode: 'B012',
    ...overrides,
  };
}

async function decide(op: string, fields: Record<string, string>): Promise<SoapAnswer> {
  const sub = await soap(op, { RequestId: nextId(), ...fields });
  expect(sub.status).toBe(200);
  expect(sub.payload.name).toBe(`${op}Response`);
  expect(sub.text('State')).toBe('0');
  await s.verdicts();
  return soap('GetRequestStatus', { TrackingCode: sub.text('TrackingCode')! });
}

async function activeTerminal(): Promise<string> {
  const { RequestId: _r, ...reg } = registration();
  const v = await decide('RegisterMerchant', reg);
  expect(v.text('State')).toBe('1');
  const terminalId = v.text('TerminalId')!;
  expect(
    (await decide('DefineDevice', { TerminalId: terminalId, DeviceModel: '101', Serial: `BSN-${nextId()}` })).text('State'),
  ).toBe('1');
  return terminalId;
}

beforeAll(async () => {
  s = await startSim('b');
});
afterAll(async () => {
  await s.close();
});

describe('PSP-B WSDL and envelope', () => {
  it('serves a WSDL at ?wsdl naming every operation, the service address and the security header', async () => {
    const res = await fetch(`${s.sim.url}/soap?wsdl`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/xml');
    const wsdl = parseXml(await res.text());
    expect(wsdl.name).toBe('definitions');
    expect(wsdl.attrs.targetNamespace).toBe(PSP_B_NS);
    const portType = child(wsdl, 'portType')!;
    expect(portType.children.map((o) => o.attrs.name).sort()).toEqual(Object.keys(SOAP_OPERATIONS).sort());
    const address = child(child(child(wsdl, 'service'), 'port'), 'address')!;
    expect(address.attrs.location).toBe(`${s.sim.url}/soap`);
    expect(JSON.stringify(wsdl)).toContain('UsernameToken');
  });

  it('answers bad credentials, a missing header, bad XML and an unknown operation with SOAP 1.1 faults', async () => {
    const bad = await soap('GetTerminal', { TerminalId: '1' }, { user: 'kartabl', pass: 'nope' });
    expect(bad.status).toBe(500);
    expect(bad.payload.name).toBe('Fault');
    expect(bad.text('faultcode')).toBe('soap:Client');
    expect(bad.text('Code')).toBe('401');
    expect(bad.text('faultstring')).toContain('گذرواژه');
    expect((await soap('GetTerminal', { TerminalId: '1' }, null)).text('Code')).toBe('401');
    const unknown = await soap('Explode', {});
    expect(unknown.text('faultcode')).toBe('soap:Client');
    const res = await fetch(`${s.sim.url}/soap`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: '<soap:Envelope><broken',
    });
    expect(res.status).toBe(500);
    const fault = parseXml(await res.text());
    expect(child(child(fault, 'Body'), 'Fault')).toBeDefined();
  });
});

describe('PSP-B operations', () => {
  it('registers asynchronously (state 0 then 1) with its own ids, escaping text both ways', async () => {
    const reg = registration();
    const sub = await soap('RegisterMerchant', reg);
    expect(sub.status).toBe(200);
    expect(sub.contentType).toContain('text/xml');
    const tracking = sub.text('TrackingCode')!;
    expect(tracking).toMatch(/^9\d{8}$/);
    expect((await soap('GetRequestStatus', { TrackingCode: tracking })).text('State')).toBe('0');
    await s.verdicts();
    const v = await soap('GetRequestStatus', { TrackingCode: tracking });
    expect(v.text('State')).toBe('1');
    expect(v.text('RequestId')).toBe(reg.RequestId);
    const terminalId = v.text('TerminalId')!;
    expect(terminalId).toMatch(/^73\d{6}$/);
    const t = await soap('GetTerminal', { TerminalId: terminalId });
    expect(t.text('ShopName')).toBe('نانوایی علی & پسران');
    expect(t.text('Status')).toBe('awaiting_device');
  });

  it.each([
    ['invalid national code', { NationalCode: '0000000001' }, '301'],
    ['PSP-A guild code', { GuildCode: '5411' }, '303'],
    ['PSP-A bank code', { BankCode: '012' }, '306'],
  ])('rejects a registration with %s (code %s)', async (_w, override, code) => {
    const { RequestId: _r, ...reg } = registration(override);
    const v = await decide('RegisterMerchant', reg);
    expect(v.text('State')).toBe('2');
    expect(v.text('ReasonCode')).toBe(code);
    expect(v.text('ReasonText')).toMatch(/[\u0600-\u06FF]/);
  });

  it('rejects a duplicate shop and a Sheba of another owner', async () => {
    const { RequestId: _r, ...reg } = registration();
    expect((await decide('RegisterMerchant', reg)).text('State')).toBe('1');
    expect((await decide('RegisterMerchant', reg)).text('ReasonCode')).toBe('302');
    const { RequestId: _r2, ...other } = registration();
    await control(s.sim, 'POST', 'sheba-owners', { sheba: other.Sheba, nationalCode: reg.NationalCode });
    expect((await decide('RegisterMerchant', other)).text('ReasonCode')).toBe('304');
  });

  it('defines, swaps, changes account and info, collects; refuses PSP-A codes for models and reasons', async () => {
    const terminalId = await activeTerminal();
    expect(
      (await decide('SwapDevice', { TerminalId: terminalId, DeviceModel: 'S90', Serial: 'Q1', ReasonCode: 'F' })).text(
        'ReasonCode',
      ),
    ).toBe('307');
    expect(
      (await decide('SwapDevice', { TerminalId: terminalId, DeviceModel: '202', Serial: 'Q1', ReasonCode: '10' })).text(
        'ReasonCode',
      ),
    ).toBe('311');
    expect(
      (await decide('SwapDevice', { TerminalId: terminalId, DeviceModel: '202', Serial: 'Q1', ReasonCode: 'U' })).text('State'),
    ).toBe('1');
    const sheba = makeSheba('056', 5_550_001);
    expect((await decide('ChangeAccount', { TerminalId: terminalId, Sheba: sheba, BankCode: 'B056' })).text('State')).toBe('1');
    expect(
      (await decide('ChangeAccount', { TerminalId: terminalId, Sheba: makeSheba('062', 1), BankCode: 'B062' })).text(
        'ReasonCode',
      ),
    ).toBe('306');
    expect((await decide('ChangeMerchantInfo', { TerminalId: terminalId, Address: 'شیراز' })).text('State')).toBe('1');
    expect((await decide('ChangeMerchantInfo', { TerminalId: terminalId, PostalCode: '12' })).text('ReasonCode')).toBe('312');
    const t = await soap('GetTerminal', { TerminalId: terminalId });
    expect(t.text('Serial')).toBe('Q1');
    expect(t.text('Sheba')).toBe(sheba);
    expect((await decide('CollectTerminal', { TerminalId: terminalId, ReasonCode: '4' })).text('ReasonCode')).toBe('311');
    expect((await decide('CollectTerminal', { TerminalId: terminalId, ReasonCode: '3' })).text('State')).toBe('1');
    expect((await soap('GetTerminal', { TerminalId: terminalId })).text('Status')).toBe('collected');
  });

  it('reactivates after a Shaparak deactivation and serves the daily transactions', async () => {
    const terminalId = await activeTerminal();
    expect((await decide('ReactivateTerminal', { TerminalId: terminalId })).text('ReasonCode')).toBe('310');
    await control(s.sim, 'POST', 'deactivate', { terminalId });
    expect((await soap('GetTerminal', { TerminalId: terminalId })).text('Status')).toBe('deactivated');
    expect((await decide('ReactivateTerminal', { TerminalId: terminalId })).text('State')).toBe('1');
    await control(s.sim, 'POST', 'transactions', { date: '2026-04-01' });
    const feed = await soap('GetDailyTransactions', { TerminalId: terminalId, Date: '2026-04-01' });
    const list = child(feed.payload, 'Transactions')!.children;
    expect(list.length).toBeGreaterThanOrEqual(3);
    expect(child(list[0], 'TerminalId')!.text).toBe(terminalId);
    expect(Number(child(list[0], 'Amount')!.text)).toBeGreaterThanOrEqual(0);
    const missing = await soap('GetTerminal', { TerminalId: '1' });
    expect(missing.text('Code')).toBe('404');
  });
});

describe('PSP-B idempotency, faults and restart', () => {
  afterEach(async () => {
    await control(s.sim, 'DELETE', 'faults');
  });

  it('registers once for a repeated RequestId and records the duplicate; another body is a fault 409', async () => {
    const reg = registration();
    const a = await soap('RegisterMerchant', reg);
    const b = await soap('RegisterMerchant', reg);
    expect(b.text('TrackingCode')).toBe(a.text('TrackingCode'));
    const changed = await soap('RegisterMerchant', { ...reg, ShopName: 'دیگر' });
    expect(changed.status).toBe(500);
    expect(changed.text('Code')).toBe('409');
    const dups = (await control(s.sim, 'GET', 'duplicates')) as { clientRequestId: string; sameBody: boolean }[];
    expect(dups.filter((d) => d.clientRequestId === reg.RequestId).map((d) => d.sameBody)).toEqual([true, false]);
  });

  it('injects a server fault (soap:Server), a malformed answer and a lost answer', async () => {
    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'error', times: 1 });
    const reg = registration();
    const failed = await soap('RegisterMerchant', reg);
    expect(failed.status).toBe(503);
    expect(failed.text('faultcode')).toBe('soap:Server');

    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'malformed', times: 1 });
    const res = await fetch(`${s.sim.url}/soap`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: envelope('RegisterMerchant', reg),
    });
    const text = await res.text();
    expect(() => parseXml(text)).toThrow();

    await control(s.sim, 'PUT', 'faults', { operation: 'register', failure: 'lost', times: 1 });
    const reg2 = registration();
    await expect(
      fetch(`${s.sim.url}/soap`, {
        method: 'POST',
        headers: { 'content-type': 'text/xml' },
        body: envelope('RegisterMerchant', reg2),
      }),
    ).rejects.toThrow();
    const requests = (await control(s.sim, 'GET', 'requests')) as { clientRequestId: string }[];
    expect(requests.filter((r) => r.clientRequestId === reg.RequestId || r.clientRequestId === reg2.RequestId)).toHaveLength(2);
  });

  it('keeps its state across a restart', async () => {
    const terminalId = await activeTerminal();
    await s.restart();
    expect((await soap('GetTerminal', { TerminalId: terminalId })).text('Status')).toBe('active');
  });
});
