// Provider agreements per program year. What other modules need today: whether a clinic has an approved
// agreement covering a day (ordering public vaccine requires one).

import type { Kysely } from 'kysely';
import type { AgreementProgram, Database } from '@nutmeg/db';
import * as repo from './agreement.repo.ts';

type Db = Kysely<Database>;

/** True when DPH approved the clinic's agreement for the program and it covers `onDate` ('YYYY-MM-DD'). */
export function hasCurrentAgreement(db: Db, organizationId: string, program: AgreementProgram, onDate: string): Promise<boolean> {
  return repo.approvedCovering(db, organizationId, program, onDate);
}
