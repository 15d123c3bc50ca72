export {
  appendActorAudit,
  appendAudit,
  appendSubmitterAudit,
  auditBatchMark,
  dropAuditBatchAfter,
  withAuditBatch,
  type AuditActor,
  type AuditEntry,
  type AuditSubmitter,
} from './audit.service.ts';
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
export { registerAuditRoutes } from './audit.routes.ts';
export { auditRefusal } from './refusal-audit.ts';
