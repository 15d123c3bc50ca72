import { loadConfig } from './config.ts';
import { createServer, type Server } from './server.ts';
import { listDemoLogins } from './seed/seed.ts';
import { printBanner } from './banner.ts';

const started = Date.now();
const config = loadConfig();
let server: Server;
try {
  server = await createServer(config);
} catch (err) {
  // The launcher's messages are written for people (what is wrong and what to do): no stack trace.
  console.error(`Nutmeg could not start: ${(err as Error).message}`);
  process.exit(1);
}
const address = await server.app.listen({ port: config.PORT, host: config.HOST });
server.startBackgroundWork();
const demoLogins =
  server.seed.kind === 'demo' ? server.seed.demoLogins : config.NUTMEG_SEED === 'demo' ? await listDemoLogins(server.ctx) : undefined;
printBanner({
  url: config.PUBLIC_URL,
  address,
  database: server.handle.description,
  seed: server.seed,
  demoLogins,
  smtpConfigured: !!config.SMTP_URL,
  ms: Date.now() - started,
});

// First SIGINT/SIGTERM: orderly shutdown, bounded (see Server.shutdown). A second one: the database server
// is stopped at once (it recovers from its write-ahead log on the next start) and the process exits.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) {
      console.error('Stopping now.');
      server.handle.kill();
      process.exit(1);
    }
    stopping = true;
    console.log('Stopping… (send the signal again to stop at once)');
    server.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        server.handle.kill();
        process.exit(1);
      },
    );
  });
}
