// @nutmeg/codes/tables: the HL7/CDC tables and Nutmeg's coded fields only, for the web UI. It never imports the CVX,
// NDC, trade-name or VIS data (about 560 kB): the UI searches vaccines through the server (GET /api/codes/vaccines).
export type { CodeEntry, CodeTableData, Deprecation, EntrySource, EntryStatus, UseAge, UseDate } from './types.ts';
export { activeEntries, entry, isActive, isKnown, label, table, TABLE_IDS, useAgeStatus, useDateStatus } from './tables.ts';
export type { CodeTable, TableId, WindowStatus } from './tables.ts';
export { acceptedCodes, acceptsCode, FIELDS, fieldEntry, fieldLabel, fieldOptions } from './fields.ts';
export type { CodeOption, FieldCode, FieldName, FieldSpec } from './fields.ts';
export { hl7Language, isLanguageCode, LANGUAGES, languageLabel, languageOptions } from './languages.ts';
export { COUNTRIES, countryLabel } from './countries.ts';
