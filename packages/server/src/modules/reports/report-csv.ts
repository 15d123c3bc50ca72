// The CSV of a report, the same whether it was run on screen or as a background run (formula cells neutralised by src/csv.ts).
import type { CoverageReport, DosesAdministeredReport } from '@nutmeg/api-types';
import { toCsv } from '../../csv.ts';

export function coverageCsv(r: CoverageReport): string {
  const header = ['Area', 'Population', ...r.total.measures.map((m) => `${m.label} %`), 'Combined %', 'Combined up to date'];
  return toCsv(
    header,
    [...r.rows, r.total].map((row) => [
      row.label,
      row.population,
      ...row.measures.map((m) => m.percent),
      row.combined.percent,
      row.combined.upToDate,
    ]),
  );
}

/** The filters a doses-administered CSV was made with, as rows under the total (a file read later says what it counts). */
function doseFilterRows(r: DosesAdministeredReport): Array<[string, string]> {
  const f = r.filters;
  const rows: Array<[string, string | null]> = [
    ['Dates', `${r.from} to ${r.to}`],
    ['Vaccine group', f.vaccineGroup],
    ['CVX', f.cvx],
    ['Funding source', f.fundingSource],
    ['VFC eligibility', f.vfcEligibility],
    ['Clinic', f.clinicName],
    ['Age group', f.ageGroup],
  ];
  return rows.filter((x): x is [string, string] => x[1] !== null);
}

export function dosesCsv(r: DosesAdministeredReport): string {
  return toCsv([r.by, 'Doses'], [...r.rows.map((x) => [x.label, x.count]), ['Total', r.total], ['', ''], ...doseFilterRows(r)]);
}
