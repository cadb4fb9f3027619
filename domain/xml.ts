/**
 * A small, strict XML reader and writer for SOAP 1.1 envelopes (no XML package is installed): the
 * PSP-B simulator (psp-sim/psp-b.ts) and Kartabl's PSP-B adapter (activities/psp/psp-b-soap.ts) share it.
 * Pure (no Node built-ins).
 * Reads elements, attributes, text, CDATA, comments, the XML declaration and the five predefined and
 * numeric entities, resolving namespaces; refuses DOCTYPEs (no entity expansion), mismatched tags and
 * trailing content. Throws XmlError on anything else.
 */
export class XmlError extends Error {}

export interface XmlElement {
  /** Local name (without prefix). */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text directly inside this element. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);|&/g, (m, e: string | undefined) => {
    if (e === undefined) throw new XmlError('bare & in text');
    if (e === 'lt') return '<';
    if (e === 'gt') return '>';
    if (e === 'amp') return '&';
    if (e === 'quot') return '"';
    if (e === 'apos') return "'";
    const cp = e.startsWith('#x') ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    if (!Number.isFinite(cp) || cp > 0x10ffff) throw new XmlError(`bad character reference ${m}`);
    return String.fromCodePoint(cp);
  });
}

export function parseXml(input: string): XmlElement {
  let i = 0;
  const src = input.replace(/^\uFEFF/, '');
  const skipMisc = (): void => {
    for (;;) {
      while (i < src.length && /\s/.test(src[i])) i++;
      if (src.startsWith('<?', i)) {
        const end = src.indexOf('?>', i);
        if (end < 0) throw new XmlError('unterminated processing instruction');
        i = end + 2;
      } else if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else if (src.startsWith('<!DOCTYPE', i) || src.startsWith('<!doctype', i)) {
        throw new XmlError('DOCTYPE is not allowed');
      } else return;
    }
  };

  const parseElement = (scope: Record<string, string>): XmlElement => {
    if (src[i] !== '<') throw new XmlError(`expected < at ${i}`);
    i++;
    const m = NAME.exec(src.slice(i));
    if (!m) throw new XmlError(`bad element name at ${i}`);
    const qname = m[0];
    i += qname.length;
    const rawAttrs: Record<string, string> = {};
    let selfClosing = false;
    for (;;) {
      const ws = /^\s*/.exec(src.slice(i))![0].length;
      i += ws;
      if (src.startsWith('/>', i)) {
        i += 2;
        selfClosing = true;
        break;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (!ws) throw new XmlError(`expected whitespace or > at ${i}`);
      const am = NAME.exec(src.slice(i));
      if (!am) throw new XmlError(`bad attribute at ${i}`);
      i += am[0].length;
      const eq = /^\s*=\s*(["'])/.exec(src.slice(i));
      if (!eq) throw new XmlError(`attribute ${am[0]} without a quoted value`);
      i += eq[0].length;
      const end = src.indexOf(eq[1], i);
      if (end < 0) throw new XmlError('unterminated attribute value');
      const value = src.slice(i, end);
      if (value.includes('<')) throw new XmlError('< in attribute value');
      if (am[0] in rawAttrs) throw new XmlError(`duplicate attribute ${am[0]}`);
      rawAttrs[am[0]] = decodeEntities(value);
      i = end + 1;
    }
    const nsScope = { ...scope };
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns') nsScope[''] = v;
      else if (k.startsWith('xmlns:')) nsScope[k.slice(6)] = v;
    }
    const [prefix, local] = qname.includes(':') ? (qname.split(':') as [string, string]) : ['', qname];
    const ns = nsScope[prefix];
    if (prefix && ns === undefined) throw new XmlError(`undeclared namespace prefix ${prefix}`);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(rawAttrs)) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
      attrs[k.includes(':') ? k.split(':')[1] : k] = v;
    }
    const el: XmlElement = { name: local, ns: ns ?? '', attrs, children: [], text: '' };
    if (selfClosing) return el;
    for (;;) {
      if (i >= src.length) throw new XmlError(`unclosed element ${qname}`);
      if (src.startsWith('</', i)) {
        const close = /^<\/([^\s>]+)\s*>/.exec(src.slice(i));
        if (!close || close[1] !== qname) throw new XmlError(`mismatched closing tag for ${qname} at ${i}`);
        i += close[0].length;
        return el;
      }
      if (src.startsWith('<!--', i)) {
        const end = src.indexOf('-->', i);
        if (end < 0) throw new XmlError('unterminated comment');
        i = end + 3;
      } else if (src.startsWith('<![CDATA[', i)) {
        const end = src.indexOf(']]>', i);
        if (end < 0) throw new XmlError('unterminated CDATA');
        el.text += src.slice(i + 9, end);
        i = end + 3;
      } else if (src.startsWith('<?', i) || src.startsWith('<!', i)) {
        throw new XmlError(`unexpected markup at ${i}`);
      } else if (src[i] === '<') {
        el.children.push(parseElement(nsScope));
      } else {
        const end = src.indexOf('<', i);
        const text = src.slice(i, end < 0 ? src.length : end);
        el.text += decodeEntities(text);
        i += text.length;
      }
    }
  };

  skipMisc();
  if (src[i] !== '<') throw new XmlError('no root element');
  const root = parseElement({ xml: 'http://www.w3.org/XML/1998/namespace' });
  skipMisc();
  if (i !== src.length) throw new XmlError('content after the root element');
  return root;
}

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The first child with this local name (any namespace). */
export const child = (el: XmlElement | undefined, name: string): XmlElement | undefined =>
  el?.children.find((c) => c.name === name);

/** A tiny element builder: `el('tns:Status', {}, 'done')`, children as nested strings. */
export function el(qname: string, attrs: Record<string, string> = {}, ...content: (string | undefined)[]): string {
  const a = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const inner = content.filter((c): c is string => c !== undefined).join('');
  return inner === '' ? `<${qname}${a}/>` : `<${qname}${a}>${inner}</${qname}>`;
}

/** A text element (escaped). */
export const textEl = (qname: string, value: string | number | boolean | undefined): string | undefined =>
  value === undefined ? undefined : `<${qname}>${escapeXml(String(value))}</${qname}>`;
