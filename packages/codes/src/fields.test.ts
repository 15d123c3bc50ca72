import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acceptedCodes,
  acceptsCode,
  cvx,
  FIELDS,
  fieldLabel,
  fieldOptions,
  hl7Language,
  isAdministrable,
  isLanguageCode,
  languageLabel,
  languageOptions,
  type FieldName,
} from './index.ts';

const codesOf = (field: FieldName, current?: string) => fieldOptions(field, current).map((o) => o.code);

describe('coded fields', () => {
  it('offers every active administrative site, the vastus lateralis ones too (the drift of issue 10)', () => {
    expect(codesOf('site')).toEqual(expect.arrayContaining(['LT', 'RT', 'LD', 'RD', 'LA', 'RA', 'LVL', 'RVL']));
    expect(acceptedCodes('site')).toEqual(codesOf('site'));
    expect(fieldLabel('site', 'LVL')).toBe('Left Vastus Lateralis');
  });

  it('stores HL7 route codes, not their NCIT equivalents, and accepts a deprecated one a record may hold', () => {
    expect(codesOf('route')).toEqual(expect.arrayContaining(['IM', 'SC', 'ID', 'PO', 'NS']));
    expect(codesOf('route')).not.toContain('C28161');
    expect(acceptsCode('route', 'C28161')).toBe(false);
    expect(codesOf('route')).not.toContain('IN');
    expect(acceptsCode('route', 'IN')).toBe(true);
    expect(fieldLabel('route', 'IM')).toBe('Intramuscular');
  });

  it('keeps a field to the codes Nutmeg stores, in its order', () => {
    expect(acceptedCodes('sex')).toEqual(['F', 'M', 'X', 'U']);
    expect(acceptsCode('sex', 'O')).toBe(false);
    expect(acceptedCodes('vfcEligibility')).toEqual(['V01', 'V02', 'V03', 'V04', 'V05', 'V07']);
    expect(acceptsCode('vfcEligibility', 'V08')).toBe(false);
    expect(codesOf('historicalSource')).toEqual(['01', '02', '03', '04', '05', '06', '07', '08']);
  });

  it('labels a code Nutmeg stores in its own words with the table code it stands for', () => {
    expect(fieldOptions('fundingSource')).toEqual([
      { code: 'public', label: 'Public' },
      { code: 'private', label: 'Private funds' },
    ]);
    expect(fieldLabel('fundingSource', 'VXC50')).toBeUndefined();
  });

  it('looks a phone use up in 0201, and a cell phone in 0202', () => {
    expect(fieldLabel('phoneUse', 'PRN')).toBe('Primary residence number');
    expect(fieldLabel('phoneUse', 'CP')).toBe('Cellular phone');
  });

  it('accepts a deprecated race code a record holds and lists it as retired, but does not offer it', () => {
    expect(codesOf('race')).not.toContain('W');
    expect(acceptsCode('race', 'W')).toBe(true);
    expect(fieldOptions('race', 'W').at(-1)).toEqual({ code: 'W', label: 'White', retired: true });
    expect(codesOf('race', 'nonsense')).not.toContain('nonsense');
    expect(codesOf('race')).toEqual(expect.arrayContaining(['2106-3', 'PHC1175', 'ASKU']));
  });

  it('offers a child’s responsible persons and still accepts the ignored codes older records hold', () => {
    expect(codesOf('relationship')).toEqual(['MTH', 'FTH', 'PAR', 'GRD', 'GRP', 'CGV']);
    expect(acceptsCode('relationship', 'OTH')).toBe(true);
    expect(fieldLabel('relationship', 'FCH')).toBe('Foster Child');
  });

  it('refuses a code the table calls invalid', () => {
    expect(acceptsCode('vfcEligibility', 'V00')).toBe(false);
  });

  it('names only codes of the tables it draws from', () => {
    for (const [field, spec] of Object.entries(FIELDS) as [FieldName, (typeof FIELDS)[FieldName]][]) {
      const codes: readonly string[] = 'codes' in spec ? spec.codes : [];
      const offered: readonly string[] = 'offer' in spec ? spec.offer : [];
      for (const code of [...codes, ...offered]) expect(acceptsCode(field, code), `${field} ${code}`).toBe(true);
    }
  });
});

describe('preferred language', () => {
  it('offers ISO 639-1 codes by name and converts them to the ISO 639-2 codes of HL7 table 0296', () => {
    expect(languageOptions().slice(0, 2)).toEqual([
      { code: 'en', label: 'English' },
      { code: 'es', label: 'Spanish' },
    ]);
    expect(languageOptions('sw').at(-1)).toEqual({ code: 'sw', label: 'Swahili' });
    expect(hl7Language('pt')).toBe('por');
    expect(hl7Language('eng')).toBe('eng');
    expect(languageLabel('zz')).toBe('zz');
  });

  it('tells a language code from anything else', () => {
    expect(isLanguageCode('pt')).toBe(true);
    expect(isLanguageCode('spa')).toBe(true);
    expect(isLanguageCode('zz')).toBe(false);
    expect(isLanguageCode('EN')).toBe(false);
    expect(isLanguageCode('english')).toBe(false);
  });
});

describe('CVX for an administered dose', () => {
  it('allows products CDC lists, active or not, immune globulins too; refuses unspecified, non-US and "no vaccine"', () => {
    expect(isAdministrable(cvx('03')!)).toBe(true);
    expect(isAdministrable(cvx('300')!)).toBe(true); // inactive since 2023: a correction keeps it
    expect(isAdministrable(cvx('146')!)).toBe(true); // Vaxelis, which AIRA still calls 'pending'
    expect(isAdministrable(cvx('30')!)).toBe(true); // HBIG, given at birth
    expect(isAdministrable(cvx('45')!)).toBe(false); // Hep B, unspecified formulation
    expect(isAdministrable(cvx('998')!)).toBe(false);
    expect(isAdministrable(cvx('500')!)).toBe(false); // COVID-19 non-US
  });
});

describe('@nutmeg/codes/tables, the web UI’s entry', () => {
  const src = path.dirname(new URL(import.meta.url).pathname);
  /** Every file the entry imports, directly or not. */
  function reachable(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    if (!file.endsWith('.ts')) return seen;
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s(?!type\b)[^;]*?from '(\.[^']+)'/gms))
      reachable(path.resolve(path.dirname(file), m[1]!), seen);
    return seen;
  }

  it('reads only the small data files (tables and MVX), never CVX, NDC, trade names or VIS', () => {
    const data = [...reachable(path.join(src, 'tables-index.ts'))].filter((f) => f.endsWith('.json')).map((f) => path.basename(f));
    expect(data.sort()).toEqual(['mvx.json', 'tables.json']);
    const all = [...reachable(path.join(src, 'index.ts'))].filter((f) => f.endsWith('.json')).map((f) => path.basename(f));
    expect(all).toContain('ndc.json'); // the check can see the large files when they are imported
  });
});
