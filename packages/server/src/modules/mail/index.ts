export { createMailer, type MailMessage, type Mailer } from './mailer.ts';
export { registerOutboxRoutes } from './outbox.routes.ts';
