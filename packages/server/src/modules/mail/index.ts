export { createMailer, MAIL_DELIVERY_JOB, type MailMessage, type Mailer } from './mailer.ts';
export { mailJobHandlers } from './mail-jobs.ts';
export { registerOutboxRoutes } from './outbox.routes.ts';
