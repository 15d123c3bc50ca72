export { appendActorAudit, appendAudit, verifyAuditChain, type AuditActor, type AuditEntry, type ChainCheck } from './audit.service.ts';
