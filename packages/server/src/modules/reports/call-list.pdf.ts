// The reminder/recall call list as a landscape PDF table (the DejaVu fonts the letters embed): who to call, their
// age, every phone labelled, the guardian, the due vaccines, and outcome boxes to tick by hand.
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { wrapText } from '../patients/index.ts';
import { newDoc } from './letters.pdf.ts';

const PAGE_W = 792;
const PAGE_H = 612;
const MARGIN = 36;
const SIZE = 9;
const LEADING = 11;
const PAD = 4;
const OUTCOMES = ['Reached', 'Message left', 'No answer', 'Wrong number', 'Appointment on ______'];
const COLUMNS = [
  { title: 'Patient', width: 150 },
  { title: 'Phones', width: 205 },
  { title: 'Guardian', width: 110 },
  { title: 'Due', width: 140 },
  { title: 'Outcome', width: 115 },
] as const;
const GREY = rgb(0.6, 0.6, 0.6);

export interface CallListRow {
  name: string;
  /** "born 2024-01-10". */
  born: string;
  /** "2 years 5 months" on the day listed. */
  age: string;
  /** "(203) 555-0101 Cellular phone", one a number; empty when none is on record. */
  phones: string[];
  guardian: string | null;
  due: string[];
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** The text lines of each column but the outcome boxes, wrapped to the column width. */
function cellLines(row: CallListRow, f: Fonts): string[][] {
  const wrap = (texts: readonly string[], i: number) => texts.flatMap((t) => wrapText(t, f.regular, SIZE, COLUMNS[i]!.width - 2 * PAD));
  return [
    [...wrapText(row.name, f.bold, SIZE, COLUMNS[0].width - 2 * PAD), ...wrap([row.born, row.age], 0)],
    wrap(row.phones.length ? row.phones : ['No phone on record'], 1),
    wrap([row.guardian ?? '—'], 2),
    wrap(row.due, 3),
  ];
}

function drawHeader(page: PDFPage, f: Fonts, title: string, subtitle: string): number {
  page.drawText(title, { x: MARGIN, y: PAGE_H - MARGIN - 12, size: 13, font: f.bold });
  page.drawText(subtitle, { x: MARGIN, y: PAGE_H - MARGIN - 28, size: 9, font: f.regular });
  let x = MARGIN;
  const y = PAGE_H - MARGIN - 50;
  for (const c of COLUMNS) {
    page.drawText(c.title, { x: x + PAD, y, size: SIZE, font: f.bold });
    x += c.width;
  }
  page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: PAGE_W - MARGIN, y: y - 4 }, thickness: 1 });
  return y - 4;
}

function drawRow(page: PDFPage, f: Fonts, cells: string[][], top: number, height: number): void {
  let x = MARGIN;
  cells.forEach((lines, i) => {
    lines.forEach((l, n) => {
      page.drawText(l, { x: x + PAD, y: top - PAD - SIZE - n * LEADING, size: SIZE, font: i === 0 && n === 0 ? f.bold : f.regular });
    });
    x += COLUMNS[i]!.width;
  });
  OUTCOMES.forEach((o, n) => {
    const y = top - PAD - SIZE - n * LEADING;
    page.drawRectangle({ x: x + PAD, y: y - 1, width: 7, height: 7, borderColor: rgb(0, 0, 0), borderWidth: 0.6 });
    page.drawText(o, { x: x + PAD + 11, y, size: SIZE - 1, font: f.regular });
  });
  page.drawLine({ start: { x: MARGIN, y: top - height }, end: { x: PAGE_W - MARGIN, y: top - height }, thickness: 0.4, color: GREY });
}

/** The call list, as many landscape pages as it takes (a row never split across pages), numbered "Page i of n". */
export async function renderCallList(heading: { title: string; subtitle: string }, rows: readonly CallListRow[]): Promise<Uint8Array> {
  const { doc, regular, bold } = await newDoc();
  const f = { regular, bold };
  doc.setTitle(heading.title);
  let page = doc.addPage([PAGE_W, PAGE_H]);
  let y = drawHeader(page, f, heading.title, heading.subtitle);
  for (const row of rows) {
    const cells = cellLines(row, f);
    const lines = Math.max(OUTCOMES.length, ...cells.map((c) => c.length));
    const height = lines * LEADING + 2 * PAD;
    if (y - height < MARGIN + 14) {
      page = doc.addPage([PAGE_W, PAGE_H]);
      y = drawHeader(page, f, heading.title, heading.subtitle);
    }
    drawRow(page, f, cells, y, height);
    y -= height;
  }
  if (rows.length === 0) page.drawText('Nobody is due or overdue on these criteria.', { x: MARGIN, y: y - 20, size: 11, font: regular });
  const pages = doc.getPages();
  pages.forEach((p, i) =>
    p.drawText(`Page ${i + 1} of ${pages.length}`, { x: PAGE_W - MARGIN - 60, y: MARGIN - 12, size: 8, font: regular }),
  );
  return doc.save();
}
