// The official immunization records (Certificates of Immunization) of a class, as one PDF: each linked student's
// certificate, printed through the immunizations module (which authorizes, records the issue and audits each one),
// pages copied into one document.
import { PDFDocument } from 'pdf-lib';
import type { SchoolGrade } from '@nutmeg/db';
import type { AppContext } from '../../context.ts';
import { AppError, invalid } from '../../errors.ts';
import type { Actor } from '../access/index.ts';
import { renderCertificate } from '../immunizations/index.ts';
import * as repo from './roster.repo.ts';
import { schoolFor } from './school.policy.ts';

export async function classRecordsPdf(
  ctx: AppContext,
  actor: Actor,
  schoolId: string,
  year: number,
  grade: SchoolGrade,
): Promise<{ pdf: Uint8Array; filename: string }> {
  const school = await schoolFor(ctx, actor, schoolId, 'manage');
  const students = (await repo.listEntries(ctx.db, school.id, year)).filter((e) => e.grade === grade && e.patient_id);
  if (students.length === 0)
    throw invalid('No student of this grade is linked to a registry record', [{ path: 'grade', message: 'No linked student' }]);
  const out = await PDFDocument.create();
  out.setTitle(`Immunization records — ${school.name}, grade ${grade}, ${year}`);
  for (const s of students) {
    let one;
    try {
      one = await renderCertificate(ctx, actor, s.patient_id!, 'full');
    } catch (err) {
      // A record that left the caller's view since linking (opted out, merged away) is skipped, not fatal.
      if (err instanceof AppError && err.kind === 'not_found') continue;
      throw err;
    }
    const doc = await PDFDocument.load(one.pdf);
    for (const page of await out.copyPages(doc, doc.getPageIndices())) out.addPage(page);
  }
  const safeName = (school.pin ?? 'school').replace(/[^A-Za-z0-9-]/g, '');
  return { pdf: await out.save(), filename: `immunization-records-${safeName}-${year}-grade-${grade}.pdf` };
}
