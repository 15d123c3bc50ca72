// Reminder letters (one page each) and Avery 5160 mailing labels, as PDF with the embedded DejaVu fonts the
// certificate uses (pdf-lib; every glyph of Spanish and of names with diacritics prints).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { loadCertificateFonts, wrapText } from '../patients/index.ts';

const PAGE_W = 612;
const PAGE_H = 792;

export interface Letter {
  addressLines: string[];
  body: string;
}

/** A PDF with the certificate's DejaVu fonts embedded (subset), regular and bold. */
export async function newDoc() {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts = await loadCertificateFonts();
  const regular = await doc.embedFont(fonts.regular, { subset: true });
  const bold = await doc.embedFont(fonts.bold, { subset: true });
  return { doc, regular, bold };
}

function drawLines(page: PDFPage, lines: readonly string[], x: number, y: number, font: PDFFont, size: number, leading: number): number {
  for (const l of lines) {
    page.drawText(l, { x, y, size, font });
    y -= leading;
  }
  return y;
}

/** One letter a page: clinic and date, the recipient's address block (window envelope position), the body. */
export async function renderLetters(clinicName: string, date: string, letters: readonly Letter[], title: string): Promise<Uint8Array> {
  const { doc, regular, bold } = await newDoc();
  doc.setTitle(title);
  const margin = 72;
  const width = PAGE_W - 2 * margin;
  for (const letter of letters) {
    let page = doc.addPage([PAGE_W, PAGE_H]);
    page.drawText(clinicName, { x: margin, y: PAGE_H - 60, size: 13, font: bold });
    page.drawText(date, { x: margin, y: PAGE_H - 78, size: 10, font: regular });
    let y = drawLines(page, letter.addressLines, margin, PAGE_H - 150, regular, 11, 14) - 40;
    for (const para of letter.body.split('\n')) {
      const lines = para.trim() === '' ? [''] : wrapText(para, regular, 11, width);
      for (const line of lines) {
        if (y < margin) {
          page = doc.addPage([PAGE_W, PAGE_H]);
          y = PAGE_H - margin;
        }
        if (line) page.drawText(line, { x: margin, y, size: 11, font: regular });
        y -= 15;
      }
    }
  }
  if (letters.length === 0)
    doc
      .addPage([PAGE_W, PAGE_H])
      .drawText('No letters: nobody on the list has a mailing address.', { x: 72, y: 700, size: 11, font: regular });
  return doc.save();
}

// Avery 5160: letter paper, 3 × 10 labels of 2⅝" × 1", top margin ½", side margin 3⁄16", ⅛" between columns.
const LABEL = { w: 189, h: 72, top: 36, left: 13.5, pitchX: 198, cols: 3, rows: 10, pad: 8 };

/** Mailing labels in the Avery 5160 layout, 30 a sheet; text shrinks to fit a label, never cut. */
export async function renderLabels(labels: ReadonlyArray<readonly string[]>, title: string): Promise<Uint8Array> {
  const { doc, regular } = await newDoc();
  doc.setTitle(title);
  const perPage = LABEL.cols * LABEL.rows;
  let page: PDFPage | undefined;
  labels.forEach((lines, i) => {
    if (i % perPage === 0) page = doc.addPage([PAGE_W, PAGE_H]);
    const n = i % perPage;
    const x = LABEL.left + (n % LABEL.cols) * LABEL.pitchX + LABEL.pad;
    const top = PAGE_H - LABEL.top - Math.floor(n / LABEL.cols) * LABEL.h;
    const maxW = LABEL.w - 2 * LABEL.pad;
    let size = 10;
    while (size > 6 && lines.some((l) => regular.widthOfTextAtSize(l, size) > maxW)) size -= 0.5;
    const shown = lines.slice(0, 4);
    drawLines(page!, shown, x, top - LABEL.pad - size, regular, size, size + 2);
  });
  if (labels.length === 0)
    doc
      .addPage([PAGE_W, PAGE_H])
      .drawText('No labels: nobody on the list has a mailing address.', { x: 72, y: 700, size: 11, font: regular });
  return doc.save();
}
