/**
 * nutmeg bench reports [--clinic PIN] [--runs N]
 *
 * Times the two reports the issue sets targets for, on the database of DATABASE_URL / DATA_DIR, through the same
 * service functions the routes call (as a DPH user; each run is audited like any other): reminder/recall for the
 * clinic with the most active patients (or --clinic), every child 0–18 years, the childhood vaccine groups, due or
 * overdue in the next 30 days; and statewide 24–35-month coverage by county. Prints the population sizes, the
 * median and worst of N runs, and the memory the process grew by. Run `nutmeg forecast refresh` first.
 */
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { addDays, jurisdictionToday } from '@nutmeg/server/dates';
import { findOrganizationByPin, listActiveOrganizations } from '@nutmeg/server/organizations';
import { coverageReport, runReminderRecall } from '@nutmeg/server/reports';
import { benchDphActor } from './bench-actor.ts';
import { parseOptions } from './options.ts';

const GROUPS = ['DTaP/Tdap/Td', 'Polio', 'MMR', 'Hib', 'HepB', 'Varicella', 'Pneumococcal', 'HepA', 'Rotavirus', 'Influenza'];

async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ result: T; median: number; worst: number }> {
  const times: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { result: result!, median: times[Math.floor(times.length / 2)]!, worst: times.at(-1)! };
}

export async function benchReports(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const runs = Number(o.runs ?? 5);
  const { ctx, engine, close } = await createServerContext(loadConfig({ ...process.env, LOG_LEVEL: 'silent' }));
  try {
    const actor = await benchDphActor(ctx, ['analyst_readonly']);
    const clinics =
      typeof o.clinic === 'string' ? [await findOrganizationByPin(ctx.db, o.clinic)] : await listActiveOrganizations(ctx.db, 'clinic');
    const today = jurisdictionToday(ctx.clock);
    const criteria = (organizationId: string) => ({
      organizationId,
      population: 'owned_or_active' as const,
      ageFromMonths: 0,
      ageToMonths: 215,
      vaccineGroups: GROUPS,
      status: 'both' as const,
      windowFrom: today,
      windowTo: addDays(today, 30),
    });
    const rss0 = process.memoryUsage().rss;
    let best = { id: '', name: '', listed: -1 };
    for (const c of clinics) {
      if (!c) throw new Error(`No clinic with PIN ${String(o.clinic)}`);
      const l = await runReminderRecall(ctx, actor, criteria(c.id));
      if (l.patients.length > best.listed) best = { id: c.id, name: c.name, listed: l.patients.length };
    }
    const rr = await timed(runs, () => runReminderRecall(ctx, actor, criteria(best.id)));
    const cov = await timed(runs, () => coverageReport(ctx, actor, { preset: 'child', by: 'county' }));
    const grew = (process.memoryUsage().rss - rss0) / 1048576;
    console.log(`${engine}; ${runs} runs each`);
    console.log(
      `reminder/recall, ${best.name}: ${rr.result.patients.length} patients listed; median ${rr.median.toFixed(0)} ms, worst ${rr.worst.toFixed(0)} ms`,
    );
    console.log(
      `coverage 24–35 months statewide by county: ${cov.result.total.population} children; median ${cov.median.toFixed(0)} ms, worst ${cov.worst.toFixed(0)} ms`,
    );
    console.log(`process memory grew by ${grew.toFixed(0)} MB (RSS), heap ${(process.memoryUsage().heapUsed / 1048576).toFixed(0)} MB`);
    return 0;
  } finally {
    await close();
  }
}
