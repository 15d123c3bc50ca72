// A provider agreement revision as a PDF: the clinic, the provider profile and lists, the exact conditions text,
// each signature with its time and SHA-256, and DPH's review. Fonts: the certificate's embedded DejaVu Sans.

import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import type { AgreementDetail } from '@nutmeg/api-types';
import { loadCertificateFonts, wrapPdfText } from '../patients/index.ts';

const PAGE = { w: 612, h: 792 };
const MARGIN = 54;
const WIDTH = PAGE.w - 2 * MARGIN;
const PROGRAMS = { cvp: 'Connecticut Vaccine Program (VFC)', covid19: 'CDC COVID-19 Vaccination Program' } as const;
const SIGNERS = { cmo: 'Chief Medical Officer/Physician', ceo: 'Chief Executive or Fiduciary Officer' } as const;

/** Writes lines top to bottom, starting a new page when one is full. */
class Writer {
  private page: PDFPage;
  private y = PAGE.h - MARGIN;
  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = doc.addPage([PAGE.w, PAGE.h]);
  }
  text(text: string, opts: { size?: number; bold?: boolean; gap?: number } = {}): void {
    const size = opts.size ?? 10;
    const font = opts.bold ? this.bold : this.regular;
    for (const line of wrapPdfText(text, font, size, WIDTH)) {
      if (this.y < MARGIN + size) {
        this.page = this.doc.addPage([PAGE.w, PAGE.h]);
        this.y = PAGE.h - MARGIN;
      }
      this.page.drawText(line, { x: MARGIN, y: this.y - size, size, font, color: rgb(0, 0, 0) });
      this.y -= size * 1.35;
    }
    this.y -= opts.gap ?? 2;
  }
}

export async function renderAgreementPdf(a: AgreementDetail): Promise<Uint8Array> {
  const fonts = await loadCertificateFonts();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const w = new Writer(doc, await doc.embedFont(fonts.regular, { subset: true }), await doc.embedFont(fonts.bold, { subset: true }));
  const d = a.data;
  w.text(a.conditionsTitle, { size: 15, bold: true, gap: 6 });
  w.text(`${PROGRAMS[a.program]}, program year ${a.programYear}, revision ${a.revision} (conditions ${a.conditionsVersion})`);
  w.text(`${d.clinic.name} (PIN ${d.clinic.pin ?? '—'}). Status: ${a.status}.`, { gap: 10 });
  w.text('Provider profile: children expected to receive VFC vaccine', { bold: true });
  for (const [category, bands] of Object.entries(d.providerProfile))
    w.text(`${category}: under 1 year ${bands.under1}; 1 to 6 years ${bands.age1to6}; 7 to 18 years ${bands.age7to18}`);
  w.text('Prescribers', { bold: true });
  for (const p of d.prescribers)
    w.text(`${p.name}: ${p.licenseType} ${p.licenseNumber} (${p.licenseState}), expires ${p.licenseExpires}; NPI ${p.npi}`);
  if (d.prescribers.length === 0) w.text('None listed.');
  w.text(`Vaccines offered: ${d.vaccines.join(', ') || 'none listed'}`, { bold: false });
  w.text('Storage units', { bold: true });
  for (const u of d.storageUnits)
    w.text(
      `${u.name}: ${u.kind}${u.make || u.model ? `, ${[u.make, u.model].filter(Boolean).join(' ')}` : ''}; data logger ${u.dataLoggerId ?? 'not given'}`,
    );
  if (d.storageUnits.length === 0) w.text('None listed.');
  w.text('Conditions', { bold: true, gap: 4 });
  for (const paragraph of a.conditionsText.split(/\n+/)) w.text(paragraph, { size: 9, gap: 4 });
  w.text('Signatures', { bold: true });
  for (const s of a.signatures)
    w.text(`${SIGNERS[s.role]}: ${s.signerName} (${s.signerUsername}), ${s.signedAt}. SHA-256 of the text and data signed: ${s.sha256}`);
  if (a.signatures.length === 0) w.text('Not signed.');
  w.text('DPH review', { bold: true });
  w.text(
    a.status === 'approved'
      ? `Approved by ${a.reviewedBy ?? 'DPH'} on ${a.reviewedAt}; covers ${a.validFrom} to ${a.validUntil}.`
      : a.status === 'returned'
        ? `Returned by ${a.reviewedBy ?? 'DPH'} on ${a.reviewedAt}: ${a.reviewComment ?? ''}`
        : 'Not reviewed yet.',
  );
  w.text(`Hash of this revision as stored now: ${a.contentHash}`, { size: 8 });
  return doc.save();
}
