// Properties over generated messages: encoding and parsing are inverse, and values survive escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { value } from './access.ts';
import { STANDARD_DELIMITERS as D } from './delimiters.ts';
import { encodeMessage } from './encode.ts';
import { escapeText, unescapeText } from './escape.ts';
import type { Segment } from './message.ts';
import { parseMessage } from './parse.ts';
import { createMessage } from './build.ts';

/** Any text, delimiters, escape characters and line breaks included. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('|', '^', '~', '\\', '&', '\r', '\n', 'X', '0', 'F'),
    fc.string({ minLength: 1, maxLength: 1, unit: 'grapheme' }),
  ),
  maxLength: 12,
});
/** A field as repetitions × components × subcomponents of text. */
const field = fc.array(fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }), {
  minLength: 1,
  maxLength: 3,
});
const segmentName = fc.constantFrom('PID', 'PD1', 'NK1', 'ORC', 'RXA', 'RXR', 'OBX', 'ZXY', 'Z01');

function raw(f: string[][][]): string {
  return f.map((rep) => rep.map((comp) => comp.map((s) => escapeText(s, D)).join(D.subcomponent!)).join(D.component)).join(D.repetition);
}

const segment = fc
  .tuple(segmentName, fc.array(field, { maxLength: 8 }))
  .map(([name, fields]) => ({ name, fields, seg: { name, fields: [name, ...fields.map(raw)] } as Segment }));
const msh: Segment = {
  name: 'MSH',
  fields: ['MSH', '|', '^~\\&', 'EHR', 'CLINIC', '', '', '20261207', '', 'VXU^V04^VXU_V04', 'ID1', 'P', '2.5.1'],
};

describe('properties', () => {
  it('unescape ∘ escape is the identity on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => unescapeText(escapeText(s, D), D) === s));
  });

  it('parse ∘ encode gives back the generated message, and every value reads back as written', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 6 }),
        fc.constantFrom('\r', '\n', '\r\n') as fc.Arbitrary<'\r' | '\n' | '\r\n'>,
        (segs, terminator) => {
          const built = createMessage([msh, ...segs.map((s) => s.seg)]);
          const text = encodeMessage(built, { terminator });
          const parsed = parseMessage(text);
          expect(parsed.segments).toEqual(built.segments);
          expect(encodeMessage(parsed)).toBe(text);
          segs.forEach((s, i) => {
            s.fields.forEach((f, j) => {
              f.forEach((rep, r) =>
                rep.forEach((comp, c) =>
                  comp.forEach((sub, k) => {
                    const read = value(parsed.segments[i + 1]!, j + 1, parsed.delimiters, {
                      repetition: r + 1,
                      component: c + 1,
                      subcomponent: k + 1,
                    });
                    expect(read ?? '').toBe(sub);
                  }),
                ),
              );
            });
          });
        },
      ),
    );
  });

  it('encode ∘ parse is the identity on any text made of segment lines', () => {
    const line = fc
      .tuple(segmentName, fc.string({ unit: fc.constantFrom('|', '^', '~', '\\', '&', 'a', '1', ' ', 'é'), maxLength: 40 }))
      .map(([n, rest]) => `${n}|${rest}`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.constantFrom('\r', '\n', '\r\n'), fc.boolean(), (lines, t, final) => {
        const text = ['MSH|^~\\&|A|B', ...lines].join(t) + (final ? t : '');
        expect(encodeMessage(parseMessage(text))).toBe(text);
      }),
    );
  });
});
