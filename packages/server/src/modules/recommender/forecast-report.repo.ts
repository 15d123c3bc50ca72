// Report reads of the forecast store that take their population as a subquery built by the population's owner
// (patients' `reminderPopulationIds`, `coverageCohort`): one statement per report instead of an id list shipped
// to Node and back, and only what the report keeps leaves the server (the due rows; each person's measures met).
import { sql, type Expression, type Kysely } from 'kysely';
import type { Database } from '@nutmeg/db';
import { storedForecastRow, type StoredForecastDbRow, type StoredForecastRow } from './forecast-store.repo.ts';

type Db = Kysely<Database>;

/**
 * The stored forecasts of `population` (optionally only some vaccine groups) that may be due or overdue in
 * [from, to]: a series not complete with a recommended date, still givable on `from`, past due by `to` or
 * recommended within the window. A pre-filter: the reports' rule (`dueInWindow`) decides on these rows, and
 * keeps none that this leaves out.
 */
export async function storedForecastsDueIn(
  db: Db,
  population: Expression<{ id: string }>,
  groups: readonly string[],
  window: { from: string; to: string },
): Promise<StoredForecastRow[]> {
  // Per person of the population a LATERAL read through the primary key. As a join the planner misjudged the
  // population (a UNION) and hashed it against a parallel seq scan of every stored forecast (8.6 GB at 5 M
  // people, 12 s); OFFSET 0 keeps the subquery from being flattened back into that join, and the groups are
  // filtered outside it: inside, PostgreSQL 15 descended the index once per group (ten times per person).
  const rows = await sql<StoredForecastDbRow>`
    SELECT f.patient_id, f.vaccine_group, f.series_type, f.status, f.forecast_dose_number, f.earliest_date,
           f.recommended_date, f.past_due_date, f.latest_date, r.cdsi_release, r.computed_for
    FROM (${population}) AS pop
    CROSS JOIN LATERAL (
      SELECT * FROM stored_forecasts f
      WHERE f.patient_id = pop.id
        AND f.status = 'Not Complete' AND f.recommended_date IS NOT NULL
        AND (f.latest_date IS NULL OR f.latest_date >= ${window.from}::date)
        AND (f.past_due_date <= ${window.to}::date OR f.recommended_date BETWEEN ${window.from}::date AND ${window.to}::date)
      OFFSET 0
    ) AS f
    JOIN stored_forecast_runs r ON r.patient_id = f.patient_id
    WHERE ${groups.length === 0}::boolean OR f.vaccine_group = ANY(${[...groups]}::text[])
    ORDER BY f.patient_id, f.vaccine_group`.execute(db);
  return rows.rows.map(storedForecastRow);
}

/** A coverage measure as the forecast store applies it (the reports module's `MeasureRule`, structurally). */
export interface CoverageRule {
  key: string;
  group: string;
  doses: number;
  /** Doses count only from this birthday. */
  fromAgeYears?: number;
  /** Stored statuses that meet the measure whatever the count. */
  statuses?: readonly string[];
}

/**
 * Per person of `cohort` (id and dob), the keys of the measures met on `on`: at least `doses` valid doses given on
 * or before `on` (and on or after the `fromAgeYears` birthday), or, when `statusesCount`, a stored status of the
 * rule's. The same rule as reports' `measuresMet`, counted in SQL so a statewide cohort sends one short row per
 * person instead of every group's dose dates. People meeting none are absent.
 */
export async function coverageMetOf(
  db: Db,
  cohort: Expression<{ id: string; dob: string }>,
  rules: readonly CoverageRule[],
  on: string,
  statusesCount: boolean,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (rules.length === 0) return out;
  // Dates are compared as 'YYYY-MM-DD' text byte by byte (COLLATE "C"), as the rule in Node compares them; the
  // birthday as yearsLater() spells it (29 February stays the 29th).
  const minDoses = rules.map((r) => r.doses);
  // Per person a LATERAL aggregate: it is run for each cohort member, reading that member's rows through the
  // primary key. As a plain join the planner hashed the whole table (a seq scan of every stored forecast) for a
  // cohort that is ~1/60 of the state. The person's rows are read once (OFFSET 0 keeps the planner from
  // descending the index once per measure instead: 7 times per person, 12 s at 5 M people) and then matched to
  // the measures.
  const rows = await sql<{ patient_id: string; met: string[] }>`
    WITH m AS (
      SELECT * FROM unnest(${rules.map((r) => r.key)}::text[], ${rules.map((r) => r.group)}::text[],
                           ${minDoses}::int[], ${rules.map((r) => r.fromAgeYears ?? 0)}::int[],
                           ${rules.map((r) => (r.statuses ?? []).join('|'))}::text[]) AS m(key, grp, min_doses, from_years, statuses)
    )
    SELECT c.id AS patient_id, x.met
    FROM (${cohort}) AS c
    CROSS JOIN LATERAL (
      SELECT array_agg(m.key ORDER BY m.key) AS met
      FROM (SELECT f.vaccine_group, f.status, f.valid_dose_dates FROM stored_forecasts f WHERE f.patient_id = c.id OFFSET 0) AS f
      JOIN m ON m.grp = f.vaccine_group
      WHERE ((${statusesCount}::boolean AND f.status = ANY(string_to_array(m.statuses, '|')))
          OR (SELECT count(*) FROM unnest(f.valid_dose_dates) AS d
              WHERE d COLLATE "C" <= ${on}::text
                AND d COLLATE "C" >= CASE WHEN m.from_years = 0 THEN ''
                      ELSE lpad((extract(year FROM c.dob)::int + m.from_years)::text, 4, '0') || substr(to_char(c.dob, 'YYYY-MM-DD'), 5) END
             ) >= m.min_doses)
    ) AS x
    WHERE x.met IS NOT NULL`.execute(db);
  for (const r of rows.rows) out.set(r.patient_id, r.met);
  return out;
}
