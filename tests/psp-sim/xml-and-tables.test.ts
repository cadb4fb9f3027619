import { SEED_ITEMS } from '../../db/seed-basedata';
import { child, el, escapeXml, parseXml, textEl, XmlError } from '../../domain/xml';
import { PSP_A, PSP_B, type PspProfile } from '../../psp-sim/core/tables';

describe('the SOAP XML reader/writer', () => {
  it('reads namespaces, attributes, entities, CDATA and comments', () => {
    const doc = parseXml(
      `<?xml version="1.0"?><!-- c --><s:E xmlns:s="urn:s" xmlns="urn:d" a='1 &amp; 2'><x>a &lt;b&gt; &#x6A9;&#1740;</x><!--n--><y><![CDATA[<raw>&]]></y><z/></s:E>`,
    );
    expect(doc).toMatchObject({ name: 'E', ns: 'urn:s', attrs: { a: '1 & 2' } });
    expect(child(doc, 'x')).toMatchObject({ ns: 'urn:d', text: 'a <b> کی' });
    expect(child(doc, 'y')!.text).toBe('<raw>&');
    expect(child(doc, 'z')!.children).toEqual([]);
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['an undeclared prefix', '<p:a/>'],
    ['a bare ampersand', '<a>x & y</a>'],
    ['trailing content', '<a/><b/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['no root', '   '],
  ])('refuses %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
  });

  it('writes escaped text and attributes that read back the same', () => {
    const tricky = `<"R&D"> 'x' ۱۲۳`;
    const xml = el('r', { xmlns: 'urn:r', v: tricky }, textEl('t', tricky), textEl('skip', undefined), el('e'));
    const back = parseXml(xml);
    expect(back.attrs.v).toBe(tricky);
    expect(child(back, 't')!.text).toBe(tricky);
    expect(child(back, 'skip')).toBeUndefined();
    expect(escapeXml('&<>"\'')).toBe('&amp;&lt;&gt;&quot;&apos;');
  });
});

describe('the simulators’ code tables against the seeded per-PSP mappings', () => {
  const tableOf = (p: PspProfile, kind: string): Record<string, string> | null =>
    ({
      guild: p.guilds,
      'device-model': p.deviceModels,
      'collect-reason': p.collectReasons,
      'swap-reason': p.swapReasons,
      bank: p.banks,
    })[kind] ?? null;

  it.each([
    ['psp-a', PSP_A],
    ['psp-b', PSP_B],
  ] as const)('every %s code the seed maps exists in that simulator’s table', (pspCode, profile) => {
    const missing: string[] = [];
    let checked = 0;
    for (const [kind, items] of Object.entries(SEED_ITEMS)) {
      const table = tableOf(profile, kind);
      if (!table) continue;
      for (const i of items as { code: string; map?: Record<string, string> }[]) {
        const mapped = i.map?.[pspCode];
        if (mapped === undefined) continue;
        checked++;
        if (!(mapped in table)) missing.push(`${kind}/${i.code} → ${mapped}`);
      }
    }
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(20);
  });

  it('the two PSPs really differ (no shared guild or model codes; bank codes differ in form)', () => {
    expect(Object.keys(PSP_A.guilds).filter((g) => g in PSP_B.guilds)).toEqual([]);
    expect(Object.keys(PSP_A.deviceModels).filter((g) => g in PSP_B.deviceModels)).toEqual([]);
    expect(PSP_A.banks['012']).toBe('012');
    expect(PSP_B.banks.B012).toBe('012');
    expect(PSP_B.banks['062']).toBeUndefined();
  });
});
