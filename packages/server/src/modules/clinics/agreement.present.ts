import type { AgreementData, AgreementDetail, AgreementSignatureView, AgreementSummary } from '@nutmeg/api-types';
import type { AgreementProgram } from '@nutmeg/db';
import { agreementHash } from './agreement-hash.ts';
import type { AgreementRow, SignatureRow } from './agreement.repo.ts';

/** Who must sign an agreement of the program: the CMO always, the CEO/fiduciary officer too for COVID-19. */
export function requiredSigners(program: AgreementProgram): Array<'cmo' | 'ceo'> {
  return program === 'cvp' ? ['cmo'] : ['cmo', 'ceo'];
}

export function contentHashOf(r: AgreementRow): string {
  return agreementHash({
    program: r.program,
    programYear: r.program_year,
    revision: r.revision,
    conditionsVersion: r.conditions_version,
    conditionsText: r.conditions_text,
    data: r.data,
  });
}

export function presentSummary(r: AgreementRow, signatures: readonly SignatureRow[]): AgreementSummary {
  return {
    id: r.id,
    organizationId: r.organization_id,
    program: r.program,
    programYear: r.program_year,
    revision: r.revision,
    status: r.status,
    signers: requiredSigners(r.program),
    signedBy: signatures.filter((s) => s.agreement_id === r.id).map((s) => s.signer_role),
    reviewComment: r.review_comment,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    updatedAt: r.updated_at.toISOString(),
  };
}

function presentSignature(s: SignatureRow): AgreementSignatureView {
  return {
    role: s.signer_role,
    signerName: s.signer_name,
    signerUsername: s.signer_username,
    signedAt: s.signed_at.toISOString(),
    ip: s.ip,
    sha256: s.sha256,
  };
}

export function presentDetail(
  r: AgreementRow,
  signatures: readonly SignatureRow[],
  extra: { conditionsTitle: string; reviewedBy: string | null; canEdit: boolean; signRefusal: string | null; canReview: boolean },
): AgreementDetail {
  return {
    ...presentSummary(r, signatures),
    conditionsVersion: r.conditions_version,
    conditionsTitle: extra.conditionsTitle,
    conditionsText: r.conditions_text,
    data: r.data as unknown as AgreementData,
    signedHash: r.signed_hash,
    contentHash: contentHashOf(r),
    signatures: signatures.map(presentSignature),
    reviewedBy: extra.reviewedBy,
    reviewedAt: r.reviewed_at?.toISOString() ?? null,
    version: r.version,
    canEdit: extra.canEdit,
    canSign: extra.signRefusal === null,
    signRefusal: extra.signRefusal,
    canReview: extra.canReview,
  };
}
