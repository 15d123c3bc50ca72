// The browser tests' server, in its own process (forked by harness.ts), on a database of the test run's
// PostgreSQL server (the embedded one by default, see e2e/vitest.config.ts). Kept out of the test process so
// that a server that stops answering fails the test by timeout, with a diagnostic report, instead of
// freezing the test runner's own timers with it.
import { CompiledQuery } from 'kysely';
import { createTestDb } from '@nutmeg/db/testing';
import { testConfig } from '@nutmeg/server/config';
import { createServer } from '@nutmeg/server';
import { seedDemo, seedReference } from '@nutmeg/server/seed';
import { WEB_DIST, type FromServer, type ToServer } from './server-protocol.ts';

function send(msg: FromServer): void {
  process.send!(msg);
}

async function main(): Promise<void> {
  const handle = await createTestDb();
  const config = testConfig({ WEB_DIST, PORT: 0, HOST: '127.0.0.1' });
  const seedCtx = { db: handle.db, config, clock: { now: () => new Date() }, mailer: { send: async () => {} } };
  await seedReference(seedCtx);
  await seedDemo(seedCtx);
  const server = await createServer(config, { handle });
  const baseUrl = await server.app.listen({ port: 0, host: '127.0.0.1' });

  process.on('message', (msg: ToServer) => {
    if (msg.type === 'close') {
      void server.shutdown().then(
        () => process.exit(0),
        () => process.exit(1),
      );
      return;
    }
    // Tests read and seed the database with Kysely queries compiled in the test process.
    handle.db.executeQuery(CompiledQuery.raw(msg.sql, [...msg.parameters])).then(
      (r) => send({ type: 'result', id: msg.id, rows: r.rows as Record<string, unknown>[], numAffectedRows: r.numAffectedRows }),
      (err: unknown) => send({ type: 'error', id: msg.id, message: err instanceof Error ? err.message : String(err) }),
    );
  });
  // The parent going away (killed runner) must not leave a server behind.
  process.on('disconnect', () => process.exit(1));
  send({ type: 'ready', baseUrl });
}

main().catch((err: unknown) => {
  console.error('e2e server failed to start:', err);
  process.exit(1);
});
