export { appendAudit, verifyAuditChain, type AuditEntry, type ChainCheck } from './audit.service.ts';
