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

interface Trie {
  readonly children: Map<string, Trie>;
  isArray: boolean;
}

function buildTrie(paths: ReadonlySet<string>): Trie {
  const root: Trie = { children: new Map(), isArray: false };
  for (const p of paths) {
    let node = root;
    for (const part of p.split('.')) {
      let next = node.children.get(part);
      if (!next) {
        next = { children: new Map(), isArray: false };
        node.children.set(part, next);
      }
      node = next;
    }
    node.isArray = true;
  }
  return root;
}

const NO_TRIE: Trie = { children: new Map(), isArray: false };
const TRIES = new WeakMap<ReadonlySet<string>, Trie>();

interface Frame {
  name: string;
  trie: Trie;
  obj: XmlNode | undefined;
  textStart: number;
}

function add(parent: Frame, name: string, isArray: boolean, value: XmlValue): void {
  if (!parent.obj) parent.obj = {};
  const o = parent.obj;
  const cur = o[name];
  if (isArray) {
    if (Array.isArray(cur)) cur.push(value);
    else o[name] = [value];
  } else if (cur === undefined) o[name] = value;
  else if (Array.isArray(cur)) cur.push(value);
  else o[name] = [cur, value];
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 /* / */ || c === 62; /* > */
}

export function parseXml(xml: string, arrayPaths: ReadonlySet<string>): XmlNode {
  let rootTrie = TRIES.get(arrayPaths);
  if (!rootTrie) {
    rootTrie = buildTrie(arrayPaths);
    TRIES.set(arrayPaths, rootTrie);
  }
  const rootFrame: Frame = { name: '', trie: rootTrie, obj: {}, textStart: 0 };
  const stack: Frame[] = [rootFrame];
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) break;
    const top = stack[stack.length - 1] as Frame;
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
        throw new XmlError('CDATA sections are not supported');
      } else {
        const e = xml.indexOf('>', lt);
        i = e < 0 ? n : e + 1;
      }
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt < 0) throw new XmlError('unterminated tag');
    if (c === 47 /* / */) {
      let e = lt + 2;
      while (e < gt && !isNameEnd(xml.charCodeAt(e))) e++;
      const name = xml.slice(lt + 2, e);
      const frame = stack.pop();
      if (!frame || frame.name !== name)
        throw new XmlError(`mismatched closing tag </${name}>${frame ? `, expected </${frame.name}>` : ''}`);
      const parent = stack[stack.length - 1] as Frame;
      add(parent, name, frame.trie.isArray, frame.obj ?? decode(xml.slice(frame.textStart, lt).trim()));
      i = gt + 1;
      continue;
    }
    let e = lt + 1;
    while (e < gt && !isNameEnd(xml.charCodeAt(e))) e++;
    const name = xml.slice(lt + 1, e);
    const trie = top.trie.children.get(name) ?? NO_TRIE;
    if (xml.charCodeAt(gt - 1) === 47) add(top, name, trie.isArray, '');
    else stack.push({ name, trie, obj: undefined, textStart: gt + 1 });
    i = gt + 1;
  }
  if (stack.length !== 1) throw new XmlError(`unclosed element <${(stack[stack.length - 1] as Frame).name}>`);
  return rootFrame.obj as XmlNode;
}
