import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_USERS } from '@nutmeg/server/seed';
import { README_PATIENT, namedDemoPatients } from '@nutmeg/server/synthetic';
import { startE2E, type E2E } from './harness.ts';
import { screenshot } from './screenshots.ts';

/**
 * Screenshots of the key screens, for a person to look at (e2e/artifacts/screenshots; CI keeps them): home for
 * every access type, search results, the record of the README's demo patient and the recommender of an infant.
 * The layout guard checks the same pages.
 */
describe('screenshots of the key screens', () => {
  let e: E2E;
  const ids = new Map<string, string>();

  const csrf = async (p: Page) => ({
    'x-csrf-token': await p.evaluate(async () => ((await (await fetch('/api/me')).json()) as { csrfToken: string }).csrfToken),
  });

  /** Enters a named demo patient through the API, as its clinic would. */
  async function enter(user: string, record: ReturnType<typeof namedDemoPatients>[number]['record']) {
    const page = await e.newPage();
    await e.signIn(page, user);
    const headers = await csrf(page);
    const created = await page.request.post('/api/patients', { data: { ...record.patient, confirmNew: true }, headers });
    expect(created.status(), await created.text()).toBe(201);
    const id = ((await created.json()) as { id: string }).id;
    for (const dose of record.doses) {
      const res = await page.request.post(`/api/patients/${id}/doses`, { data: dose, headers });
      expect(res.status(), await res.text()).toBe(201);
    }
    ids.set(record.patient.name.first, id);
  }

  beforeAll(async () => {
    e = await startE2E();
    const [olivia, mateo] = namedDemoPatients();
    await enter('clinicstaff', olivia!.record);
    await enter('ceo', mateo!.record);
  });
  afterAll(async () => {
    await e?.close();
  });

  it('shows each access type its home page', async () => {
    for (const u of DEMO_USERS) {
      const page = await e.newPage();
      await e.signIn(page, u.username);
      await screenshot(page, `home-${u.accessType}-${u.username}`);
    }
  });

  it('shows search results, the record with its history and recommender, and an infant’s recommender', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'clinicstaff');
    await page.goto(`/patients?lastName=${README_PATIENT.last}&dob=${README_PATIENT.dob}`);
    await page.getByTestId('search-result').first().waitFor();
    await screenshot(page, 'search-results');

    await page.goto(`/patients/${ids.get(README_PATIENT.first)}`);
    await page.getByTestId('recommender-panel').waitFor();
    await page.getByTestId('dose-findings').first().waitFor();
    await screenshot(page, 'record-olivia-brennan');
    await screenshot(page, 'recommender-olivia-brennan', 'recommender-panel');

    await page.goto(`/patients/${ids.get('Mateo')}`);
    await page.getByTestId('recommender-panel').waitFor();
    await screenshot(page, 'recommender-mateo-ruiz-castillo', 'recommender-panel');
  });

  it('shows DPH the recommender seasons page', async () => {
    const page = await e.newPage();
    await e.signIn(page, 'dphadmin');
    await page.goto('/admin/recommender');
    await page.getByRole('heading', { name: 'Recommender seasons' }).waitFor();
    await screenshot(page, 'admin-recommender-seasons');
  });
});
