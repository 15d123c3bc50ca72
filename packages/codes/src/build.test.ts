import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCodes, DATA_DIR } from '../scripts/build-codes.ts';
import { dosesInPackage, dosesInUnit } from '../scripts/read-ndc.ts';

describe('the shipped data files', () => {
  it('are exactly what the build script makes from ../shared/hl7 (rebuild with npx tsx packages/codes/scripts/build-codes.ts)', () => {
    const built = buildCodes();
    expect([...built.keys()].sort()).toEqual(fs.readdirSync(DATA_DIR).sort());
    for (const [name, text] of built)
      expect(fs.readFileSync(path.join(DATA_DIR, name), 'utf8') === text, `codesets/${name} is stale`).toBe(true);
  });
});

describe('doses per NDC package', () => {
  it.each([
    ['CARTON, 10 SYRINGE', undefined, 10],
    ['PACKAGE, 10-SYRINGE', undefined, 10],
    ['CARTON OF 10 SINGLE-DOSE VIALS', undefined, 10],
    ['CARTON, 10 PRE-FILLED GLASS SYRINGES', undefined, 10],
    ['CARTON, 1 KIT, 10 DOSES', undefined, 10],
    ['PACKAGE OF 10', 1, 10],
    ['CARTON, 10 VIAL', 1, 10],
    ['CARTON, 10 MULTI-DOSE VIALS', 3, 30],
    ['SYRINGE, GLASS', undefined, 1],
  ] as const)('%s with units of %s dose(s) holds %s doses', (description, unit, doses) => {
    expect(dosesInPackage(description, unit)).toBe(doses);
  });
  it.each([['CARTON, 10 VIAL, MULTI-DOSE'], ['CARTON, 10 VIAL'], ['CARTON'], ['CARTON, 5 KIT'], ['PACKAGE OF 10']])(
    'does not guess the doses of %s',
    (d) => {
      expect(dosesInPackage(d, undefined)).toBeUndefined();
    },
  );
  it.each([
    ['SYRINGE, 0.5 mL', 1],
    ['VIAL, SINGLE-DOSE', 1],
    ['APPLICATOR', 1],
    ['VIAL, MULTI-DOSE, 5 DOSES, 5 mcg/0.5 mL', 5],
    ['VIAL, MULTI-DOSE', undefined],
    ['VIAL', undefined],
  ] as const)('a unit of use %s holds %s dose(s)', (description, doses) => {
    expect(dosesInUnit(description)).toBe(doses);
  });
});
