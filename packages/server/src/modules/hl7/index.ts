// What other parts of the server may use from hl7: its routes, and the pipeline the CLI runs files through.
import type { AppContext } from '../../context.ts';
import type { App } from '../../http.ts';
import { registerInterfaceRoutes } from './interface.routes.ts';
import { registerMessageLogRoutes } from './message-log.routes.ts';
import { registerSeverityRoutes } from './severity.routes.ts';
import { registerSoapRoutes } from './soap.routes.ts';
import { registerTransportRoutes } from './transport.routes.ts';

export { authenticateInterface, interfaceWithClinics, type AuthenticatedInterface } from './interface.service.ts';
export { receiveMessage, type Answer, type Inbound } from './receive.service.ts';
export { messagesOfFile } from './batch-file.ts';
export { receiveMessages } from './receive-batch.service.ts';
export { processMessages, type ProcessOptions } from './process-messages.service.ts';
export { runFuzz, type FuzzResult } from './fuzz-run.service.ts';
export { demoInterface, issueDemoInterfaceSecret, seedDemoInterface } from './demo-interface.ts';

export function registerHl7Routes(app: App, ctx: AppContext): void {
  registerInterfaceRoutes(app, ctx);
  registerTransportRoutes(app, ctx);
  registerMessageLogRoutes(app, ctx);
  registerSoapRoutes(app, ctx);
  registerSeverityRoutes(app, ctx);
}
