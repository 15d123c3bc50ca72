// Set-based synthetic stored forecasts for the reports benchmark (`nutmeg bench population`): for each person and
// vaccine group, the doses of a fixed schedule that were due by the assessment date, most people up to date and
// some a dose or half the series behind (a hash of id and group decides), stored as the refresh jobs store a
// computed forecast: status, next dose dates, valid dose dates. Not the CDSi engine: a population shaped like the
// real one for timing the reports, loaded in one INSERT … SELECT per slice instead of hours of engine runs.
import { sql, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';

type Db = Kysely<Database>;

/** Vaccine group → the ages in months of its doses (US childhood and adolescent schedule, simplified). */
export const BENCH_SCHEDULE: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['DTaP/Tdap/Td', [2, 4, 6, 15, 48, 132]],
  ['Polio', [2, 4, 6, 48]],
  ['MMR', [12, 48]],
  ['Hib', [2, 4, 12]],
  ['HepB', [0, 1, 6]],
  ['Varicella', [12, 48]],
  ['Pneumococcal', [2, 4, 6, 12]],
  ['HepA', [12, 18]],
  ['Rotavirus', [2, 4]],
  ['Influenza', [6, 7]],
  ['Meningococcal', [132, 192]],
  ['HPV', [132, 138]],
];

/** Stores the synthetic forecasts of these people (none stored yet) and their run rows; the caller's transaction. */
export async function insertBenchForecasts(
  db: Db,
  people: ReadonlyArray<{ id: string; dob: string }>,
  o: { asOf: string; release: string; refreshOn: string },
): Promise<number> {
  if (people.length === 0) return 0;
  // One row per group and number of doses due: [from, to) months of age in which that many doses were due.
  const brackets = BENCH_SCHEDULE.flatMap(([group, ages]) =>
    ages.concat(100_000).map((to, due) => ({ group, ages: `{${ages.join(',')}}`, from: due === 0 ? -1 : ages[due - 1]!, to, due })),
  );
  // JIT compiling this statement costs more than running it; the materialized steps compute each value once.
  await sql`SET LOCAL jit = off`.execute(db);
  const r = await sql`
    WITH p AS MATERIALIZED (
      SELECT id, dob, (date_part('year', age(${o.asOf}::date, dob)) * 12 + date_part('month', age(${o.asOf}::date, dob)))::int AS months
      FROM unnest(${people.map((x) => x.id)}::uuid[], ${people.map((x) => x.dob)}::date[]) AS p(id, dob)
    ),
    g AS MATERIALIZED (
      SELECT name, ages_text::int[] AS ages, age_from, age_to, due
      FROM unnest(${brackets.map((b) => b.group)}::text[], ${brackets.map((b) => b.ages)}::text[], ${brackets.map((b) => b.from)}::int[],
                  ${brackets.map((b) => b.to)}::int[], ${brackets.map((b) => b.due)}::int[]) AS g(name, ages_text, age_from, age_to, due)
    ),
    x AS MATERIALIZED (
      SELECT p.id, p.dob, g.name, g.ages, g.due, hashtext(p.id::text || g.name) & 2147483647 AS h
      FROM p JOIN g ON p.months >= g.age_from AND p.months < g.age_to
    ),
    y AS MATERIALIZED (
      SELECT x.*, CASE WHEN h % 100 < 78 THEN due WHEN h % 100 < 92 THEN greatest(due - 1, 0) ELSE due / 2 END AS given FROM x
    ),
    z AS MATERIALIZED (
      SELECT y.*, CASE WHEN given < cardinality(ages) THEN (dob + make_interval(months => ages[given + 1]))::date END AS next_on,
        ARRAY(SELECT to_char(least(${o.asOf}::date, (dob + make_interval(months => a))::date + (h % 10)), 'YYYY-MM-DD')
              FROM unnest(ages[1:given]) AS a) AS dates
      FROM y
    ),
    s AS MATERIALIZED (
      SELECT z.*, CASE
        WHEN next_on IS NULL THEN 'Complete'
        -- a childhood dose not given by the 19th birthday is no longer recommended
        WHEN name <> 'Influenza' AND next_on < (dob + interval '19 years')::date AND ${o.asOf}::date >= (dob + interval '19 years')::date THEN 'Aged Out'
        ELSE 'Not Complete' END AS status
      FROM z
    )
    INSERT INTO stored_forecasts (patient_id, vaccine_group, series_type, status, forecast_dose_number, earliest_date,
                                  recommended_date, past_due_date, latest_date, valid_dose_dates)
    SELECT id, name, 'Standard', status,
      CASE WHEN status = 'Not Complete' THEN given + 1 END,
      CASE WHEN status = 'Not Complete' THEN next_on - 28 END,
      CASE WHEN status = 'Not Complete' THEN next_on END,
      CASE WHEN status = 'Not Complete' THEN (next_on + interval '1 month')::date END,
      NULL, dates
    FROM s`.execute(db);
  await sql`INSERT INTO stored_forecast_runs (patient_id, cdsi_release, computed_for, refresh_on)
    SELECT id, ${o.release}, ${o.asOf}::date, ${o.refreshOn}::date FROM unnest(${people.map((x) => x.id)}::uuid[]) AS t(id)`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}

/** Tables the bench load writes here (their non-unique indexes are built after a first load). */
export const BENCH_FORECAST_TABLES = ['stored_forecasts', 'stored_forecast_runs'] as const;
