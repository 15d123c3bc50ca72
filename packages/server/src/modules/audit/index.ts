export { appendActorAudit, appendAudit, type AuditActor, type AuditEntry } from './audit.service.ts';
export { useInstallKeys } from './audit-chain.ts';
export { verifyAuditChain, type ChainCheck } from './audit-verify.ts';
export {
  auditJobHandlers,
  initAuditChain,
  scheduleAuditCheckpoints,
  writeAuditCheckpoint,
  AUDIT_CHECKPOINT_JOB,
} from './audit-checkpoint.ts';
export { checkpointFileOf } from './checkpoint-file.ts';
