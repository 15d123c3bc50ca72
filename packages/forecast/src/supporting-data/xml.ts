/**
 * Minimal, fast XML reader for the CDSi supporting data (elements and text only; attributes,
 * comments, processing instructions and DOCTYPE are skipped). Produces plain objects: an element
 * with child elements becomes an object, a text-only element its trimmed text ('' when empty).
 * Elements whose path is in `arrayPaths` are always arrays.
 */

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

export class XmlError extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

interface Frame {
  name: string;
  path: string;
  obj: XmlNode | undefined;
  textStart: number;
  text: string;
}

export function parseXml(xml: string, arrayPaths: ReadonlySet<string>): XmlNode {
  const root: XmlNode = {};
  const stack: Frame[] = [{ name: '', path: '', obj: root, textStart: 0, text: '' }];
  let i = 0;
  const n = xml.length;
  const add = (parent: Frame, name: string, path: string, value: XmlValue) => {
    if (!parent.obj) parent.obj = {};
    const o = parent.obj;
    const cur = o[name];
    if (arrayPaths.has(path)) {
      if (Array.isArray(cur)) cur.push(value);
      else o[name] = [value];
    } else if (cur === undefined) o[name] = value;
    else if (Array.isArray(cur)) cur.push(value);
    else o[name] = [cur, value];
  };
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const top = stack[stack.length - 1] as Frame;
    if (lt > i) top.text += xml.slice(i, lt);
    const c = xml.charCodeAt(lt + 1);
    if (c === 63 /* ? */) {
      const e = xml.indexOf('?>', lt);
      if (e < 0) throw new XmlError('unterminated processing instruction');
      i = e + 2;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const e = xml.indexOf('-->', lt);
        if (e < 0) throw new XmlError('unterminated comment');
        i = e + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const e = xml.indexOf(']]>', lt);
        if (e < 0) throw new XmlError('unterminated CDATA');
        top.text += xml.slice(lt + 9, e).replace(/&/g, '&amp;');
        i = e + 3;
      } else {
        const e = xml.indexOf('>', lt);
        i = e < 0 ? n : e + 1;
      }
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new XmlError('unterminated tag');
    if (c === 47 /* / */) {
      const name = xml.slice(lt + 2, gt).trim();
      const frame = stack.pop();
      if (!frame || frame.name !== name) throw new XmlError(`mismatched closing tag </${name}>${frame ? `, expected </${frame.name}>` : ''}`);
      const parent = stack[stack.length - 1] as Frame;
      add(parent, name, frame.path, frame.obj ?? decode(frame.text.trim()));
      i = gt + 1;
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const inner = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const sp = inner.search(/\s/);
    const name = sp < 0 ? inner : inner.slice(0, sp);
    const path = top.path ? `${top.path}.${name}` : name;
    if (selfClosing) add(top, name, path, '');
    else stack.push({ name, path, obj: undefined, textStart: gt + 1, text: '' });
    i = gt + 1;
  }
  if (stack.length !== 1) throw new XmlError(`unclosed element <${(stack[stack.length - 1] as Frame).name}>`);
  return root;
}
