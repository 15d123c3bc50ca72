export {
  enqueueJob,
  ensureJobScheduled,
  MAX_ATTEMPTS,
  runOneJob,
  startJobWorker,
  type JobAttempt,
  type JobHandler,
  type JobWorker,
} from './job-queue.ts';
export { nextDailyRun } from './daily-run.ts';
