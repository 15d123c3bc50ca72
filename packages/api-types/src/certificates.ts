// POST /api/certificate-verifications: the public check of a printed certificate's code.

/** What the certificate certifies, as the registry holds it now (nothing the paper does not show). */
export interface CertificateValid {
  status: 'valid';
  name: string;
  dob: string;
  kind: 'full' | 'covid';
  printedOn: string;
  printedBy: string;
  doses: Array<{ group: string; date: string }>;
}

/** Printed by the registry, but the record has changed since: ask for a new certificate. */
export interface CertificateSuperseded {
  status: 'superseded';
  printedOn: string;
  printedBy: string;
}

export type CertificateVerification = CertificateValid | CertificateSuperseded | { status: 'unknown' };
