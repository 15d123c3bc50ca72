// Started by embedded-postgres.int.test.ts as a separate Node process that gets killed with SIGKILL.
import { startEmbeddedPostgres } from './embedded-postgres.ts';

const server = await startEmbeddedPostgres({ dir: process.argv[2]!, log: () => {} });
process.stdout.write(`${server.pid}\n`);
setInterval(() => {}, 1000);
