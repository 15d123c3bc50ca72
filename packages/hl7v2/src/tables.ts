// The acknowledgment vocabulary of the CDC IG (HL7 tables 0008, 0516, 0357 and the IG's 0533): protocol constants
// the codec writes into MSA and ERR. Clinical code sets live in @nutmeg/codes.

/** HL7 table 0008 (MSA-1). AA accepted; AE accepted with errors/warnings; AR rejected. */
export const AckCode = { AA: 'AA', AE: 'AE', AR: 'AR' } as const;
export type AckCode = keyof typeof AckCode;

/** HL7 table 0516 (ERR-4). */
export const ErrorSeverity = { E: 'E', W: 'W', I: 'I' } as const;
export type ErrorSeverity = keyof typeof ErrorSeverity;

/** HL7 table 0357, message error condition codes (ERR-3). */
export const HL7_ERROR_CODES = {
  '0': 'Message accepted',
  '100': 'Segment sequence error',
  '101': 'Required field missing',
  '102': 'Data type error',
  '103': 'Table value not found',
  '200': 'Unsupported message type',
  '201': 'Unsupported event code',
  '202': 'Unsupported processing id',
  '203': 'Unsupported version id',
  '204': 'Unknown key identifier',
  '205': 'Duplicate key identifier',
  '206': 'Application record locked',
  '207': 'Application internal error',
  // Not in the v2.5.1 table, but what the NIST IZ test plan's expected ACKs send for an application-level error.
  '999': 'Application error',
} as const;
export type Hl7ErrorCode = keyof typeof HL7_ERROR_CODES;

/** CDC IG table 0533, application error codes (ERR-5). */
export const APPLICATION_ERROR_CODES = {
  '1': 'Illogical Date error',
  '2': 'Invalid Date',
  '3': 'Illogical Value error',
  '4': 'Invalid value',
  '5': 'Table value not found',
  '6': 'Required observation missing',
} as const;
export type ApplicationErrorCode = keyof typeof APPLICATION_ERROR_CODES;
