import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { acceptedCodes, type FieldName } from '@nutmeg/codes/tables';
import type { DbHandle } from './create-db.ts';
import { createTestDb } from './testing.ts';

/**
 * The coded columns whose CHECK lists fixed codes, and the field of @nutmeg/codes that lists the same codes (their
 * TypeScript types are FieldCode<field>): a migration that widens a CHECK must widen the field, and back.
 */
const CHECKED: Array<[table: string, column: string, field: FieldName, local?: string[]]> = [
  ['patients', 'sex', 'sex'],
  ['patient_names', 'type', 'nameType'],
  ['patient_addresses', 'type', 'addressType'],
  ['patient_phones', 'use', 'phoneUse'],
  ['patient_identifiers', 'type', 'identifierType', ['IIS']],
  ['doses', 'funding_source', 'fundingSource'],
  ['doses', 'vfc_eligibility', 'vfcEligibility'],
];

describe('coded columns', () => {
  let h: DbHandle;
  beforeAll(async () => {
    h = await createTestDb();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each(CHECKED)('%s.%s holds exactly the codes of the field %s', async (table, column, field, local = []) => {
    const { rows } = await sql<{ def: string }>`
      SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'c' AND c.conrelid = ${table}::regclass AND a.attname = ${column}`.execute(h.db);
    expect(rows).toHaveLength(1);
    const codes = [...rows[0]!.def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]);
    expect(codes.sort()).toEqual([...acceptedCodes(field), ...local].sort());
  });
});
