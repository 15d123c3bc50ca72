import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDb } from '@nutmeg/db/testing';
import type { DbHandle } from '@nutmeg/db';
import { compactName, foldDiacritics, soundex, trigramSimilarity } from './name-normalize.ts';

// The TS keys must equal what the database computes, so keys stored by the application and keys computed in
// SQL (fuzzystrmatch soundex, pg_trgm similarity) block the same candidates.
const NAMES = [
  'Robert',
  'Rupert',
  'Ashcraft',
  'Tymczak',
  'Pfister',
  'Honeyman',
  "O'Brien",
  'Nguyễn',
  'Müller',
  'Garcia-Lopez',
  'Lloyd',
  'Schmidt',
  'Washington',
  'Lee',
  'Gutierrez',
  'Jackson',
  'VanDeusen',
  'Zoë',
  'Đặng',
  'Wiśniewski',
];

describe('name keys match the database', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h.close();
  });

  it('computes soundex like fuzzystrmatch on the folded name', async () => {
    for (const n of NAMES) {
      const folded = compactName(n);
      const row = (await sql<{ s: string }>`SELECT soundex(${folded}) AS s`.execute(h.db)).rows[0]!;
      expect(soundex(folded), n).toBe(row.s);
    }
  });

  it('computes trigram similarity like pg_trgm', async () => {
    const pairs: Array<[string, string]> = [
      ['smith', 'smtih'],
      ['garcia lopez', 'lopez'],
      ['john', 'jonh'],
      ['katherine', 'catherine'],
      ['nguyen', 'nguyen'],
    ];
    for (const [a, b] of pairs) {
      const row = (await sql<{ s: number }>`SELECT similarity(${a}, ${b})::float8 AS s`.execute(h.db)).rows[0]!;
      expect(trigramSimilarity(a, b), `${a}/${b}`).toBeCloseTo(row.s, 5);
    }
  });

  it('folds diacritics like unaccent for the names we generate', async () => {
    for (const n of ['Nguyễn', 'Zoë', 'Müller', 'José', 'Côté', 'Gonçalves']) {
      const row = (await sql<{ s: string }>`SELECT unaccent(${n}) AS s`.execute(h.db)).rows[0]!;
      expect(foldDiacritics(n)).toBe(row.s);
    }
  });
});
