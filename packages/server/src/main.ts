import { loadConfig } from './config.ts';
import { createServer } from './server.ts';
import { listDemoLogins } from './seed/seed.ts';
import { printBanner } from './banner.ts';

const started = Date.now();
const config = loadConfig();
const server = await createServer(config);
const address = await server.app.listen({ port: config.PORT, host: config.HOST });
server.startBackgroundWork();
const demoLogins =
  server.seed.kind === 'demo' ? server.seed.demoLogins : config.NUTMEG_SEED === 'demo' ? await listDemoLogins(server.ctx) : undefined;
printBanner({
  url: config.PUBLIC_URL,
  address,
  engine: server.handle.engine,
  dataDir: config.DATABASE_URL ? undefined : config.DATA_DIR,
  seed: server.seed,
  demoLogins,
  smtpConfigured: !!config.SMTP_URL,
  ms: Date.now() - started,
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.shutdown().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
