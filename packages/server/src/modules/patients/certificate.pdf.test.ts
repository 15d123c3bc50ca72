import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  certificateContent,
  certificateVerificationCode,
  renderCertificatePdf,
  type CertificateGroup,
  type CertificateInput,
} from './certificate.pdf.ts';

function buildCertificate(over: Partial<CertificateInput> = {}): CertificateInput {
  return {
    kind: 'full',
    patient: {
      first: 'Ánh',
      middle: 'Thị',
      last: 'Nguyễn',
      dob: '2019-03-12',
      sex: 'F',
      iisId: 'CT0001234567',
      guardian: 'Zoë Müller (Mother)',
    },
    groups: [
      {
        group: 'DTaP/Tdap/Td',
        doses: [
          { date: '2019-05-14', vaccine: 'DTaP-HepB-IPV (Pediarix)', cvx: '110', doseNumber: 1, validity: 'Valid' },
          { date: '2019-07-16', vaccine: 'DTaP-HepB-IPV (Pediarix)', cvx: '110', doseNumber: 2, validity: 'Valid' },
        ],
      },
      { group: 'MMR', doses: [{ date: '2020-03-20', vaccine: 'MMR', cvx: '03', doseNumber: 1, validity: 'Valid' }] },
      {
        group: 'COVID-19',
        doses: [{ date: '2023-10-02', vaccine: 'COVID-19 mRNA 2023–2024 (Pfizer)', cvx: '309', doseNumber: 1, validity: 'Valid' }],
      },
    ],
    printedOn: '2026-11-25',
    printedBy: 'Fair Haven Community Health Care',
    verificationCode: 'K7M2Q-9XH4T',
    ...over,
  };
}

/** Text of each page, via pdf.js (pure JS: no poppler needed). */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const out: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const content = await page.getTextContent();
    out.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .normalize('NFC'),
    );
  }
  await pdf.destroy();
  return out;
}

describe('renderCertificatePdf', () => {
  it('prints names with diacritics, the doses, page numbers and the verification code', async () => {
    const bytes = await renderCertificatePdf(buildCertificate());
    const [text, ...rest] = await pageTexts(bytes);
    expect(rest).toHaveLength(0);
    expect(text).toContain('State of Connecticut Department of Public Health — Immunization Program');
    expect(text).toContain('Certificate of Immunization');
    expect(text).toContain('Ánh Thị Nguyễn');
    expect(text).toContain('Zoë Müller (Mother)');
    expect(text).toContain('03/12/2019');
    expect(text).toContain('DTaP-HepB-IPV (Pediarix)');
    expect(text).toContain('05/14/2019');
    expect(text).toContain('COVID-19 mRNA 2023–2024 (Pfizer)');
    expect(text).toContain('Verification code: K7M2Q-9XH4T');
    expect(text).toContain('Printed 11/25/2026 by Fair Haven Community Health Care');
    expect(text).toContain('Page 1 of 1');
  });

  it('prints long evaluations and vaccine names whole, over more lines, and CVX codes with two digits', async () => {
    const groups: CertificateGroup[] = [
      {
        group: 'HepB',
        doses: [
          { date: '2024-05-17', vaccine: 'Hep B, adolescent or pediatric', cvx: '8', doseNumber: 1, validity: 'Valid' },
          {
            date: '2024-06-01',
            vaccine: 'Hepatitis B vaccine, pediatric or pediatric/adolescent dosage (preservative free)',
            cvx: '8',
            validity: 'Extraneous: Series Already Complete',
          },
        ],
      },
    ];
    const [page] = await pageTexts(await renderCertificatePdf(buildCertificate({ groups })));
    const text = page!.replace(/\s+/g, ' ');
    expect(text).not.toContain('…');
    expect(text).toContain('Extraneous: Series Already Complete');
    expect(text).toContain('Hepatitis B vaccine, pediatric or pediatric/adolescent dosage (preservative free)');
    expect(text).toMatch(/ 08 1 Valid/);
  });

  it('embeds a subset of the font, keeping the file small', async () => {
    const bytes = await renderCertificatePdf(buildCertificate());
    expect(bytes.length).toBeLessThan(200_000);
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('flows a long history over several pages numbered "Page i of N"', async () => {
    const groups: CertificateGroup[] = Array.from({ length: 12 }, (_, g) => ({
      group: `Group ${g + 1}`,
      doses: Array.from({ length: 8 }, (_, d) => ({
        date: `20${10 + d}-0${(g % 9) + 1}-15`,
        vaccine: `Vaccine ${g + 1}.${d + 1}`,
        cvx: String(100 + g),
        doseNumber: d + 1,
        validity: 'Valid',
      })),
    }));
    const texts = await pageTexts(await renderCertificatePdf(buildCertificate({ groups })));
    expect(texts.length).toBeGreaterThanOrEqual(3);
    texts.forEach((t, i) => {
      expect(t).toContain(`Page ${i + 1} of ${texts.length}`);
      expect(t).toContain('Verification code: K7M2Q-9XH4T');
    });
    expect(texts[1]).toContain('(continued)');
    const all = texts.join(' ');
    for (let g = 1; g <= 12; g++) expect(all).toContain(`Vaccine ${g}.8`);
  });

  it('prints only COVID-19 doses on the COVID record', async () => {
    const [text] = await pageTexts(await renderCertificatePdf(buildCertificate({ kind: 'covid' })));
    expect(text).toContain('COVID-19 Vaccination Record');
    expect(text).toContain('COVID-19 mRNA 2023–2024 (Pfizer)');
    expect(text).not.toContain('Pediarix');
    expect(text).not.toContain('MMR');
  });

  it('uses a configured jurisdiction header', async () => {
    const [text] = await pageTexts(
      await renderCertificatePdf(buildCertificate({ jurisdictionHeader: 'Commonwealth of Nutmeg — Vaccine Registry' })),
    );
    expect(text).toContain('Commonwealth of Nutmeg — Vaccine Registry');
  });
});

describe('certificateVerificationCode', () => {
  const content = certificateContent(buildCertificate());

  it('is short, readable and stable for the same content and secret', () => {
    const code = certificateVerificationCode(content, 'secret-1');
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(certificateVerificationCode(structuredClone(content), 'secret-1')).toBe(code);
  });

  it('changes with the secret and with any dose', () => {
    const code = certificateVerificationCode(content, 'secret-1');
    expect(certificateVerificationCode(content, 'secret-2')).not.toBe(code);
    const changed = buildCertificate();
    changed.groups[1]!.doses[0]!.date = '2020-03-21';
    expect(certificateVerificationCode(certificateContent(changed), 'secret-1')).not.toBe(code);
  });

  it('does not depend on key order or the print date', () => {
    const a = certificateContent(buildCertificate({ printedOn: '2026-01-01' }));
    const b = certificateContent(buildCertificate({ printedOn: '2026-12-31' }));
    expect(certificateVerificationCode(a, 's')).toBe(certificateVerificationCode(b, 's'));
  });
});
