/**
 * nutmeg bench-forecast [file.jsonl ...] [--seconds N] [--data DIR]
 *
 * Loads the supporting data (timed), then runs the full forecast of ALL vaccine groups for every
 * test-case patient repeatedly on one core for a few seconds; prints patients/second, data load
 * time and heap / RSS.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateAndForecast } from '@nutmeg/forecast';
import { parseCaseLine } from '@nutmeg/forecast';
import { defaultSupportingDataDir, loadSupportingDataFromDir } from '@nutmeg/forecast/node';
import type { ForecastInput } from '@nutmeg/forecast';

const DEFAULT_CASES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared/cdsi/testcases');

export async function benchForecast(argv: string[]): Promise<number> {
  const files: string[] = [];
  let seconds = 5;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--seconds') seconds = Number(argv[++i]);
    else if (a === '--data') dataDir = argv[++i];
    else files.push(a);
  }
  if (files.length === 0) {
    for (const f of readdirSync(DEFAULT_CASES)) if (f.endsWith('.jsonl')) files.push(path.join(DEFAULT_CASES, f));
  }
  const loadCpu0 = process.cpuUsage();
  const t0 = performance.now();
  const data = loadSupportingDataFromDir(dataDir ?? defaultSupportingDataDir());
  const loadMs = performance.now() - t0;
  const loadCpu = process.cpuUsage(loadCpu0);
  const inputs: ForecastInput[] = [];
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const c = parseCaseLine(line);
      inputs.push({
        patient: { dob: c.dob, sex: c.gender },
        observations: c.observations.map((o) => ({ code: o.code, date: o.date })),
        doses: c.doses.map((d, i) => ({ id: String(i + 1), date: d.dateAdministered, cvx: d.cvx, mvx: d.mvx })),
        assessmentDate: c.assessmentDate,
      });
    }
  }
  if (inputs.length === 0) {
    console.error('bench-forecast: no patients');
    return 2;
  }
  // warm-up
  for (const inp of inputs) evaluateAndForecast(inp, data);
  let n = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const end = start + seconds * 1000;
  let bestRound = Number.POSITIVE_INFINITY;
  while (performance.now() < end) {
    const r0 = performance.now();
    for (const inp of inputs) {
      sink += evaluateAndForecast(inp, data).vaccineGroups.length;
      n++;
    }
    bestRound = Math.min(bestRound, performance.now() - r0);
  }
  const elapsed = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mem = process.memoryUsage();
  console.log(
    `supporting data ${data.version}: loaded in ${loadMs.toFixed(0)} ms (${((loadCpu.user + loadCpu.system) / 1000).toFixed(0)} ms CPU; ${data.counts.antigens} antigens, ${data.counts.series} series, ${data.counts.targetDoses} target doses)`,
  );
  console.log(
    `${inputs.length} patients x ${Math.round(n / inputs.length)} rounds in ${elapsed.toFixed(2)} s (${sink > 0 ? 'all vaccine groups' : 'no output'})`,
  );
  console.log(
    `${Math.round(n / elapsed)} patients/s (wall clock; ${Math.round(n / cpuSeconds)} patients per CPU-second of this process; best round ${Math.round((inputs.length * 1000) / bestRound)} patients/s)`,
  );
  console.log(`heap ${(mem.heapUsed / 1048576).toFixed(1)} MB, rss ${(mem.rss / 1048576).toFixed(1)} MB`);
  return 0;
}
