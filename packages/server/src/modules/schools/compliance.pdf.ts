// The compliance report of a grade as a PDF (letter, portrait) with the certificate's embedded DejaVu fonts, so
// every name prints: the survey counts, then each student's status and what is missing or the exemption, then the
// requirements checked. Page numbers on every page; the table's header repeats on each.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ComplianceReport, StudentCompliance } from '@nutmeg/api-types';
import { loadCertificateFonts, wrapPdfText } from '../patients/index.ts';
import { STATUS_TEXT } from './compliance.ts';
import { schoolYearLabel } from './school-year.ts';

const W = 612;
const H = 792;
const M = 48;
const SIZE = 9;
const LINE = 12;
/** Columns: student, date of birth, status, details (x positions and widths). */
const COLS = [
  { x: M, w: 150, title: 'Student' },
  { x: M + 155, w: 62, title: 'Date of birth' },
  { x: M + 222, w: 85, title: 'Status' },
  { x: M + 312, w: W - M - (M + 312), title: 'Missing, or exemption' },
];

const gradeName = (g: string) => (g === 'PK' ? 'Pre-K' : g === 'K' ? 'Kindergarten' : `Grade ${g}`);

/** What the report says of a student beyond the status, as one text. */
export function studentDetails(s: StudentCompliance): string {
  const parts: string[] = [];
  if (s.exemption)
    parts.push(
      `${s.exemption.kind === 'medical' ? 'Medical' : 'Religious'} exemption, document ${s.exemption.documentDate}` +
        (s.exemption.expiresOn ? `, until ${s.exemption.expiresOn}` : ''),
    );
  if (s.exemptFrom.length) parts.push(`exempt from ${s.exemptFrom.join(', ')}`);
  for (const m of s.missing)
    parts.push(
      `${m.requirement}: ${m.problem}${m.dueDate ? `; due ${m.dueDate}` : ''}${m.pastDueDate ? `, overdue from ${m.pastDueDate}` : ''}`,
    );
  return parts.join('. ') || '—';
}

interface Ctx {
  doc: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
  page: PDFPage;
  y: number;
}

function newPage(c: Ctx, r: ComplianceReport): void {
  c.page = c.doc.addPage([W, H]);
  c.y = H - M;
  c.page.drawText(`${r.school.name}: school-entry compliance, ${gradeName(r.grade)}, ${schoolYearLabel(r.schoolYear)}`, {
    x: M,
    y: c.y,
    size: 12,
    font: c.bold,
  });
  c.y -= 16;
  c.page.drawText(`As of ${r.asOf}${r.school.town ? ` · ${r.school.town}` : ''}`, { x: M, y: c.y, size: SIZE, font: c.regular });
  c.y -= 20;
}

function tableHeader(c: Ctx): void {
  for (const col of COLS) c.page.drawText(col.title, { x: col.x, y: c.y, size: SIZE, font: c.bold });
  c.y -= 4;
  c.page.drawLine({ start: { x: M, y: c.y }, end: { x: W - M, y: c.y }, thickness: 0.5, color: rgb(0.4, 0.4, 0.4) });
  c.y -= LINE;
}

function text(c: Ctx, r: ComplianceReport, line: string, font: PDFFont, size = SIZE): void {
  if (c.y < M + LINE) newPage(c, r);
  c.page.drawText(line, { x: M, y: c.y, size, font });
  c.y -= size + 4;
}

export async function renderCompliancePdf(r: ComplianceReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = await loadCertificateFonts();
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  doc.setTitle(`School-entry compliance — ${r.school.name}, ${gradeName(r.grade)}, ${schoolYearLabel(r.schoolYear)}`);
  doc.setCreator('Nutmeg IIS');
  doc.setProducer('Nutmeg IIS');
  doc.setCreationDate(new Date(`${r.asOf}T12:00:00Z`));
  doc.setModificationDate(new Date(`${r.asOf}T12:00:00Z`));
  const c: Ctx = { doc, regular, bold, page: undefined as unknown as PDFPage, y: 0 };
  newPage(c, r);

  const n = r.counts;
  text(c, r, `Enrolled ${n.total} · compliant ${n.compliant} · in process ${n.in_process} · not compliant ${n.not_compliant}`, bold);
  text(c, r, `Exempt, medical ${n.exempt_medical} · exempt, religious ${n.exempt_religious}`, bold);
  if (r.forecastsPending > 0) text(c, r, `${r.forecastsPending} student(s) have a recent change not yet in the stored forecast.`, regular);
  c.y -= 8;
  tableHeader(c);
  for (const s of r.students) {
    const cells = [
      wrapPdfText(`${s.name} (${s.studentId})`, regular, SIZE, COLS[0]!.w),
      [s.dob],
      [STATUS_TEXT[s.status]],
      wrapPdfText(studentDetails(s), regular, SIZE, COLS[3]!.w),
    ];
    const lines = Math.max(...cells.map((x) => x.length));
    if (c.y - lines * LINE < M) {
      newPage(c, r);
      tableHeader(c);
    }
    cells.forEach((cell, i) =>
      cell.forEach((line, k) => c.page.drawText(line, { x: COLS[i]!.x, y: c.y - k * LINE, size: SIZE, font: regular })),
    );
    c.y -= lines * LINE + 4;
  }
  c.y -= 10;
  text(c, r, 'Requirements checked', bold, 11);
  for (const q of r.requirements) for (const line of wrapPdfText(`• ${q.rule}`, regular, SIZE, W - 2 * M)) text(c, r, line, regular);

  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(`Page ${i + 1} of ${pages.length}`, { x: W - M - 60, y: M / 2, size: 8, font: regular }));
  return doc.save();
}
