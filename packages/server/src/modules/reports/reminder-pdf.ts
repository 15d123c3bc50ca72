// The reminder/recall PDFs (letters, Avery 5160 labels, the call list) rendered from a built list: the same code
// for the direct download (up to REPORT_PDF_INLINE_MAX patients) and for a background report run above it.
import type { ReminderList, ReminderPatient } from '@nutmeg/api-types';
import { mergeLetter, type Language } from './letter-template.ts';
import { renderCallList } from './call-list.pdf.ts';
import { renderLabels, renderLetters } from './letters.pdf.ts';
import { ageOn, formatPhone } from './reminder.ts';

export type ReminderPdfKind = 'letters' | 'labels' | 'call_list';

export interface ReminderPdf {
  pdf: Uint8Array;
  filename: string;
  /** Listed patients left out for a missing or incomplete address (letters and labels). */
  skipped: number;
  /** The patients the file discloses (audited with each download). */
  disclosed: ReminderPatient[];
  /** The audit entry's format ('letters-en', 'labels', 'call-list-pdf'), as the direct downloads name it. */
  format: string;
}

/** The patients a PDF of this kind holds: letters and labels go to complete addresses only; the call list to all. */
export function pdfPatients(list: ReminderList, kind: ReminderPdfKind): ReminderPatient[] {
  return kind === 'call_list' ? list.patients : list.patients.filter((p) => p.addressProblem === null);
}

export async function renderReminderPdf(
  list: ReminderList,
  kind: ReminderPdfKind,
  opts: { language: Language; template: string },
): Promise<ReminderPdf> {
  const disclosed = pdfPatients(list, kind);
  const skipped = list.patients.length - disclosed.length;
  if (kind === 'letters') {
    const letters = disclosed.map((p) => ({
      addressLines: [p.guardian ? `${p.guardian}, for ${p.name}` : p.name, ...p.address],
      body: mergeLetter(
        opts.template,
        { patientName: p.name, guardianName: p.guardian, dob: p.dob, clinicName: list.clinic.name, today: list.runOn, due: p.due },
        opts.language,
      ),
    }));
    const pdf = await renderLetters(list.clinic.name, list.runOn, letters, `Reminder letters — ${list.clinic.name}`);
    return { pdf, skipped, disclosed, filename: `reminder-letters-${list.runOn}-${opts.language}.pdf`, format: `letters-${opts.language}` };
  }
  if (kind === 'labels') {
    const labels = disclosed.map((p) => [p.guardian ? `${p.guardian}, for ${p.name}` : p.name, ...p.address]);
    const pdf = await renderLabels(labels, `Mailing labels — ${list.clinic.name}`);
    return { pdf, skipped, disclosed, filename: `reminder-labels-${list.runOn}.pdf`, format: 'labels' };
  }
  const rows = disclosed.map((p) => ({
    name: p.name,
    born: `born ${p.dob}`,
    age: ageOn(p.dob, list.runOn),
    phones: p.phones.map((ph) => `${formatPhone(ph.number)} ${ph.label}`),
    guardian: p.guardian,
    due: p.due.map((d) => `${d.vaccineGroup}${d.doseNumber ? ` dose ${d.doseNumber}` : ''} (${d.status})`),
  }));
  const pdf = await renderCallList(
    {
      title: `Call list — ${list.clinic.name}`,
      subtitle: `${list.patients.length} patients due or overdue, listed on ${list.runOn}. Tick each call's outcome.`,
    },
    rows,
  );
  return { pdf, skipped, disclosed, filename: `call-list-${list.runOn}.pdf`, format: 'call-list-pdf' };
}
