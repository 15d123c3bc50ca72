// "Certificate of Immunization" (official immunization record) as a PDF, full or COVID-19 only.
// Fonts are embedded (DejaVu Sans, subset) so that any name prints: Nguyễn Thị Ánh, Zoë Müller, Łukasz.
// The only I/O is reading the two font files, once, lazily; callers may pass font bytes instead.

import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { canonicalCvx, fieldLabel } from '@nutmeg/codes';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export const DEFAULT_JURISDICTION_HEADER = 'State of Connecticut Department of Public Health — Immunization Program';

export interface CertificateDose {
  /** 'YYYY-MM-DD' */
  date: string;
  vaccine: string;
  cvx: string;
  /** Dose number in the series from the recommender, if it counted. */
  doseNumber?: number | string | undefined;
  /** Recommender evaluation, e.g. 'Valid', 'Not valid: too soon', 'Extraneous'. */
  validity?: string | undefined;
}

export interface CertificateGroup {
  /** Vaccine group name, e.g. 'DTaP/Tdap/Td', 'MMR', 'COVID-19'. */
  group: string;
  doses: CertificateDose[];
}

export interface CertificateInput {
  kind: 'full' | 'covid';
  patient: {
    first: string;
    middle?: string | undefined;
    last: string;
    suffix?: string | undefined;
    dob: string;
    sex: string;
    iisId: string;
    guardian?: string | undefined;
  };
  groups: CertificateGroup[];
  /** 'YYYY-MM-DD' */
  printedOn: string;
  /** Clinic (or school, or DPH) that printed the record. */
  printedBy: string;
  /** Short code a reader can check at the registry; see `certificateVerificationCode`. */
  verificationCode: string;
  jurisdictionHeader?: string | undefined;
  /** Where to verify the code, printed under it. */
  verificationUrl?: string | undefined;
  /** Evidence of immunity / contraindications worth printing (e.g. 'Varicella: history of disease 2019-05-02'). */
  notes?: string[] | undefined;
}

export interface CertificateFonts {
  regular: Uint8Array;
  bold: Uint8Array;
}

let fontsPromise: Promise<CertificateFonts> | undefined;

/** Reads the embedded fonts from packages/server/assets/fonts once per process. */
export function loadCertificateFonts(): Promise<CertificateFonts> {
  fontsPromise ??= (async () => {
    const dir = new URL('../../../assets/fonts/', import.meta.url);
    const [regular, bold] = await Promise.all([readFile(new URL('DejaVuSans.ttf', dir)), readFile(new URL('DejaVuSans-Bold.ttf', dir))]);
    return { regular, bold };
  })();
  return fontsPromise;
}

/** Canonical JSON (sorted keys) so the same record always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// Crockford base32: no I, L, O, U — easy to read aloud and type.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Verification code of a record: HMAC-SHA256(secret, canonical JSON of the content), first 50 bits in
 * Crockford base32, as 'XXXXX-XXXXX'. The registry recomputes it from the stored record to check a paper copy.
 */
export function certificateVerificationCode(content: unknown, secret: string | Buffer): string {
  const mac = createHmac('sha256', secret).update(canonical(content)).digest();
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of mac) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < 10) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
    if (out.length >= 10) break;
  }
  return `${out.slice(0, 5)}-${out.slice(5, 10)}`;
}

/** The content a verification code covers: identity and doses, not the print date. */
export function certificateContent(input: Pick<CertificateInput, 'kind' | 'patient' | 'groups'>): unknown {
  return {
    kind: input.kind,
    patient: input.patient,
    groups: input.groups.map((g) => ({ group: g.group, doses: g.doses.map((d) => ({ date: d.date, cvx: d.cvx })) })),
  };
}

// ---- layout ---------------------------------------------------------------------------------------------

const PAGE_W = 612; // US Letter
const PAGE_H = 792;
const MARGIN = 48;
const ROW_H = 16;
const NAVY = rgb(0.07, 0.2, 0.4);
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.75, 0.78, 0.82);
const COLUMNS = [
  { title: 'Date given', x: MARGIN + 6, width: 78 },
  { title: 'Vaccine', x: MARGIN + 88, width: 210 },
  { title: 'CVX', x: MARGIN + 302, width: 34 },
  { title: 'Dose', x: MARGIN + 338, width: 34 },
  { title: 'Status', x: MARGIN + 374, width: PAGE_W - MARGIN - (MARGIN + 374) },
] as const;

type Row = { type: 'group'; text: string } | { type: 'dose'; dose: CertificateDose } | { type: 'note'; text: string };

/** Leading of the second and later lines of a wrapped cell. */
const LINE_H = 11;
const NOTE_WIDTH = PAGE_W - 2 * MARGIN - 12;

/** Words of `text` in lines no wider than `width` (a word longer than a line is split). Nothing is cut off. */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** The text of each cell of a dose row. */
function doseCells(d: CertificateDose): string[] {
  return [
    usDate(d.date),
    d.vaccine,
    canonicalCvx(d.cvx) ?? d.cvx /* as CDC prints it: 08, 03 */,
    d.doseNumber === undefined ? '' : String(d.doseNumber),
    d.validity ?? '',
  ];
}

/** Lines of each cell of a row, and the height the row takes. */
function layRow(row: Row, regular: PDFFont): { cells: string[][]; height: number } {
  if (row.type === 'group') return { cells: [[row.text]], height: ROW_H + 4 };
  const cells =
    row.type === 'note'
      ? [wrapText(row.text, regular, 9, NOTE_WIDTH)]
      : doseCells(row.dose).map((text, i) => wrapText(text, regular, 9, COLUMNS[i]!.width - 4));
  const lines = Math.max(...cells.map((c) => c.length));
  return { cells, height: ROW_H + (lines - 1) * LINE_H };
}

function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

function usDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : iso;
}

export function fullName(p: CertificateInput['patient']): string {
  return [p.first, p.middle, p.last, p.suffix].filter((s) => s && s.trim()).join(' ');
}

/** Render the certificate. Rows flow over as many pages as needed; each page has "Page i of N". */
export async function renderCertificatePdf(input: CertificateInput, fonts?: CertificateFonts): Promise<Uint8Array> {
  const f = fonts ?? (await loadCertificateFonts());
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(f.regular, { subset: true });
  const bold = await doc.embedFont(f.bold, { subset: true });
  const title = input.kind === 'covid' ? 'COVID-19 Vaccination Record' : 'Certificate of Immunization';
  doc.setTitle(`${title} — ${fullName(input.patient)}`);
  doc.setAuthor(input.jurisdictionHeader ?? DEFAULT_JURISDICTION_HEADER);
  doc.setCreator('Nutmeg IIS');
  doc.setProducer('Nutmeg IIS');
  doc.setCreationDate(new Date(`${input.printedOn}T12:00:00Z`));
  doc.setModificationDate(new Date(`${input.printedOn}T12:00:00Z`));

  const groups = input.kind === 'covid' ? input.groups.filter((g) => /covid/i.test(g.group)) : input.groups;
  const rows: Row[] = [];
  for (const g of groups) {
    rows.push({ type: 'group', text: g.group });
    const doses = [...g.doses].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const dose of doses) rows.push({ type: 'dose', dose });
    if (doses.length === 0) rows.push({ type: 'note', text: 'No doses recorded' });
  }
  if (groups.length === 0)
    rows.push({ type: 'note', text: input.kind === 'covid' ? 'No COVID-19 vaccinations recorded.' : 'No vaccinations recorded.' });
  if (input.notes?.length) {
    rows.push({ type: 'group', text: 'Evidence of immunity, contraindications and exemptions' });
    for (const n of input.notes) rows.push({ type: 'note', text: n });
  }

  // Page capacity: the first page carries the identity block.
  const firstTop = PAGE_H - MARGIN - 190;
  const otherTop = PAGE_H - MARGIN - 80;
  const bottom = MARGIN + 70;
  const laid = rows.map((row) => ({ row, ...layRow(row, regular) }));
  const pages: (typeof laid)[] = [];
  let current: typeof laid = [];
  let y = firstTop;
  for (let i = 0; i < laid.length; i++) {
    const item = laid[i]!;
    // Keep a group heading with its first dose.
    const need = item.row.type === 'group' ? item.height + (laid[i + 1]?.height ?? 0) : item.height;
    if (y - need < bottom && current.length > 0) {
      pages.push(current);
      current = [];
      y = otherTop;
    }
    current.push(item);
    y -= item.height;
  }
  pages.push(current);

  const ctx = { regular, bold, input, title, total: pages.length };
  pages.forEach((pageRows, index) => {
    const page = doc.addPage([PAGE_W, PAGE_H]);
    let top = drawHeader(page, ctx, index);
    top = drawTableHeader(page, ctx, top);
    for (const item of pageRows) top = drawRow(page, ctx, item, top);
    drawFooter(page, ctx, index);
  });
  return doc.save({ useObjectStreams: false });
}

interface DrawCtx {
  regular: PDFFont;
  bold: PDFFont;
  input: CertificateInput;
  title: string;
  total: number;
}

function drawHeader(page: PDFPage, c: DrawCtx, index: number): number {
  const { regular, bold, input } = c;
  let y = PAGE_H - MARGIN;
  page.drawRectangle({ x: MARGIN, y: y - 6, width: PAGE_W - 2 * MARGIN, height: 6, color: NAVY });
  y -= 24;
  page.drawText(fit(input.jurisdictionHeader ?? DEFAULT_JURISDICTION_HEADER, bold, 10.5, PAGE_W - 2 * MARGIN), {
    x: MARGIN,
    y,
    size: 10.5,
    font: bold,
    color: NAVY,
  });
  y -= 24;
  page.drawText(index === 0 ? c.title : `${c.title} (continued)`, { x: MARGIN, y, size: 18, font: bold });
  y -= 12;
  page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE_W - MARGIN, y }, thickness: 0.8, color: NAVY });
  if (index > 0) {
    y -= 16;
    page.drawText(`${fullName(input.patient)} · DOB ${usDate(input.patient.dob)} · IIS ID ${input.patient.iisId}`, {
      x: MARGIN,
      y,
      size: 9.5,
      font: regular,
    });
    return y - 14;
  }
  y -= 22;
  const field = (label: string, value: string, x: number, yy: number): void => {
    page.drawText(label.toUpperCase(), { x, y: yy + 11, size: 6.5, font: regular, color: GREY });
    page.drawText(value, { x, y: yy, size: 11, font: bold });
  };
  field('Patient name', fit(fullName(input.patient), bold, 11, 330), MARGIN, y);
  field('Date of birth', usDate(input.patient.dob), MARGIN + 340, y);
  field('Sex', fieldLabel('sex', input.patient.sex) ?? input.patient.sex, MARGIN + 440, y);
  y -= 30;
  field('Registry (IIS) ID', input.patient.iisId, MARGIN, y);
  field('Parent / guardian', fit(input.patient.guardian ?? '—', bold, 11, 260), MARGIN + 170, y);
  y -= 24;
  const statement =
    input.kind === 'covid'
      ? 'COVID-19 vaccinations reported to the state Immunization Information System as of the date printed.'
      : 'Immunizations reported to the state Immunization Information System as of the date printed.';
  page.drawText(statement, { x: MARGIN, y, size: 8.5, font: regular, color: GREY });
  y -= 12;
  page.drawText('Dose status is the registry recommender’s evaluation under the current ACIP schedule (CDC CDSi).', {
    x: MARGIN,
    y,
    size: 8.5,
    font: regular,
    color: GREY,
  });
  return y - 16;
}

function drawTableHeader(page: PDFPage, c: DrawCtx, y: number): number {
  page.drawRectangle({ x: MARGIN, y: y - 5, width: PAGE_W - 2 * MARGIN, height: ROW_H, color: rgb(0.9, 0.92, 0.95) });
  for (const col of COLUMNS) page.drawText(col.title, { x: col.x, y, size: 8.5, font: c.bold });
  return y - ROW_H - 2;
}

function drawRow(page: PDFPage, c: DrawCtx, item: { row: Row; cells: string[][]; height: number }, y: number): number {
  const { row, cells } = item;
  if (row.type === 'group') {
    y -= 4;
    page.drawText(fit(row.text, c.bold, 10, PAGE_W - 2 * MARGIN), { x: MARGIN + 2, y, size: 10, font: c.bold, color: NAVY });
    page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: PAGE_W - MARGIN, y: y - 4 }, thickness: 0.5, color: RULE });
    return y - ROW_H;
  }
  cells.forEach((lines, i) => {
    const x = row.type === 'note' ? MARGIN + 6 : COLUMNS[i]!.x;
    lines.forEach((text, n) =>
      page.drawText(text, { x, y: y - n * LINE_H, size: 9, font: c.regular, ...(row.type === 'note' ? { color: GREY } : {}) }),
    );
  });
  return y - item.height;
}

function drawFooter(page: PDFPage, c: DrawCtx, index: number): void {
  const { regular, bold, input } = c;
  const y = MARGIN + 40;
  page.drawLine({ start: { x: MARGIN, y: y + 14 }, end: { x: PAGE_W - MARGIN, y: y + 14 }, thickness: 0.5, color: RULE });
  page.drawText(`Printed ${usDate(input.printedOn)} by ${input.printedBy}`, { x: MARGIN, y, size: 8.5, font: regular });
  page.drawText(`Verification code: ${input.verificationCode}`, { x: MARGIN, y: y - 13, size: 9, font: bold });
  if (input.verificationUrl)
    page.drawText(`Verify at ${input.verificationUrl}`, { x: MARGIN, y: y - 25, size: 8, font: regular, color: GREY });
  const label = `Page ${index + 1} of ${c.total}`;
  page.drawText(label, { x: PAGE_W - MARGIN - regular.widthOfTextAtSize(label, 8.5), y, size: 8.5, font: regular });
  const official = 'Official immunization record';
  page.drawText(official, { x: PAGE_W - MARGIN - regular.widthOfTextAtSize(official, 8), y: y - 13, size: 8, font: regular, color: GREY });
}
