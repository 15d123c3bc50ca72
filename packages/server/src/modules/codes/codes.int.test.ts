import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VaccineChoices } from '@nutmeg/api-types';
import { createTestServer, type TestServer } from '../../testing/test-server.ts';

describe('GET /api/codes/vaccines (the dose form’s vaccine picker)', () => {
  let s: TestServer;
  let headers: Awaited<ReturnType<TestServer['signIn']>>;
  const search = async (query: string) => {
    const res = await s.app.inject({ method: 'GET', url: `/api/codes/vaccines?${query}`, headers });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as VaccineChoices).choices;
  };
  beforeAll(async () => {
    s = await createTestServer();
    headers = await s.signIn('clinicstaff');
  });
  afterAll(async () => {
    await s.shutdown();
  });

  it('finds a vaccine by trade name with its CVX and manufacturer', async () => {
    const [first] = await search('q=proquad');
    expect(first).toEqual({
      cvx: '94',
      label: 'PROQUAD — MMRV (CVX 94)',
      matchedBy: 'trade-name',
      active: true,
      conceptType: 'vaccine',
      tradeName: 'PROQUAD',
      mvx: 'MSD',
      ndc: null,
    });
  });

  it('turns a scanned NDC (11 digits, no dashes) into its product, CVX and MVX', async () => {
    const choices = await search('q=00006417100');
    expect(choices).toHaveLength(1);
    expect(choices[0]).toMatchObject({ cvx: '94', mvx: 'MSD', ndc: '00006-4171-00', matchedBy: 'ndc', active: true });
  });

  it('marks an NDC no longer distributed on the dose date as inactive, after the active products', async () => {
    const [old] = await search(`q=${encodeURIComponent('0006-4999-00')}&date=2024-01-10`);
    expect(old).toMatchObject({ cvx: '94', ndc: '00006-4999-00', active: false });
  });

  it('offers unspecified formulations for a historical dose only', async () => {
    const administered = await search('q=hep%20b&limit=50');
    expect(administered.map((c) => c.cvx)).toContain('08');
    expect(administered.map((c) => c.cvx)).not.toContain('45');
    const historical = await search('q=hep%20b&kind=historical&limit=50');
    expect(historical.find((c) => c.cvx === '45')).toMatchObject({ conceptType: 'unspecified', active: false });
  });

  it('lists active products first', async () => {
    const choices = await search('q=hep%20b&kind=historical&limit=50');
    const firstInactive = choices.findIndex((c) => !c.active);
    expect(firstInactive).toBeGreaterThan(0);
    expect(choices.slice(firstInactive).every((c) => !c.active)).toBe(true);
  });

  it('says what to type when the query is empty, naming the field', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/codes/vaccines?q=%20', headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual([{ path: 'q', message: 'Type a vaccine name, CVX code or NDC' }]);
  });

  it('is for signed-in users only', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/codes/vaccines?q=mmr' });
    expect(res.statusCode).toBe(401);
  });
});
