import { describe, expect, it } from 'vitest';
import { parseXml, XmlError } from './xml.ts';

describe('minimal XML reader', () => {
  it('reads nested elements, empty elements, entities and forced arrays', () => {
    const doc = parseXml(
      '<?xml version="1.0"?>\r\n<a>\r\n<!-- c --><b attr="1">x &amp; y &#x2265; 1</b><c/><d></d><e><f>1</f></e><e><f>2</f></e><g><h>3</h></g></a>',
      new Set(['a.g']),
    );
    expect(doc).toEqual({ a: { b: 'x & y ≥ 1', c: '', d: '', e: [{ f: '1' }, { f: '2' }], g: [{ h: '3' }] } });
  });
  it('rejects mismatched tags', () => {
    expect(() => parseXml('<a><b></a>', new Set())).toThrow(XmlError);
    expect(() => parseXml('<a><b></b>', new Set())).toThrow(/unclosed/);
  });
});
