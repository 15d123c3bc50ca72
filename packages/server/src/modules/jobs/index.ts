export { enqueueJob, ensureJobScheduled, runOneJob, startJobWorker, type JobHandler, type JobWorker } from './job-queue.ts';
export { maintenanceHandlers, scheduleMaintenance, SESSION_CLEANUP } from './maintenance-jobs.ts';
