/**
 * nutmeg hl7 process <file> [--interface <id>] [--restart] [--batch K] [--workers W]
 *
 * Runs every message of a file (one after another, each starting with MSH; CR, LF or CRLF; FHS/BHS envelopes
 * accepted) through the same pipeline as the HTTP and SOAP transports, as the given interface (default: the
 * demo interface the seed creates). One response per message on stdout, a progress bar on stderr, a summary at
 * the end. Resumable: the number of messages done is kept in <file>.progress and an interrupted run continues
 * after them (and a message processed twice records its doses once anyway).
 * --batch K messages share a transaction (each in its own savepoint: a failed one is undone alone; default 50);
 * --workers W batches run at once on W connections, one person's messages always in the same one (default 2).
 */
import fs from 'node:fs';
import cliProgress from 'cli-progress';
import { loadConfig } from '@nutmeg/server/config';
import { createServerContext } from '@nutmeg/server/context-factory';
import { demoInterface, interfaceWithClinics, messagesOfFile, processMessages } from '@nutmeg/server/hl7';
import { parseOptions } from './options.ts';

function positive(v: unknown, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`--${name} must be a whole number from 1 to 1000`);
  return n;
}

export async function hl7Process(argv: string[]): Promise<number> {
  const o = parseOptions(argv);
  const file = o._[0];
  if (!file) throw new Error('give the file: nutmeg hl7 process <file> [--interface <id>]');
  const messages = messagesOfFile(fs.readFileSync(file, 'utf8'));
  const progressFile = `${file}.progress`;
  const done = o.restart || !fs.existsSync(progressFile) ? 0 : Number(fs.readFileSync(progressFile, 'utf8').trim()) || 0;
  const { ctx, close } = await createServerContext(loadConfig());
  try {
    const id = typeof o.interface === 'string' ? o.interface : undefined;
    const sender = id ? await interfaceWithClinics(ctx.db, id) : await demoInterface(ctx.db);
    if (!sender) throw new Error(id ? `no interface ${id}` : 'no demo interface: seed the demo data or pass --interface <id>');
    const bar = new cliProgress.SingleBar(
      {
        format: 'messages {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    if (done > 0) process.stderr.write(`Resuming after ${done} message(s) already processed (--restart to start over).\n`);
    bar.start(messages.length, done, { rate: 0 });
    const summary = { accepted: 0, warnings: 0, rejected: 0, failed: 0 };
    const started = performance.now();
    await processMessages(ctx, sender, messages, done, {
      batchSize: positive(o.batch, 'batch', 50),
      workers: positive(o.workers, 'workers', 2),
      transport: 'cli',
      onChunk(answers, upTo) {
        for (const answer of answers) {
          process.stdout.write(`${answer.response.replace(/\r/g, '\n')}\n`);
          summary[answer.status === 'received' ? 'failed' : answer.status === 'accepted' ? 'accepted' : answer.status]++;
        }
        fs.writeFileSync(progressFile, String(upTo));
        bar.update(upTo, { rate: Math.round((upTo - done) / ((performance.now() - started) / 1000)) });
      },
    });
    bar.stop();
    fs.rmSync(progressFile, { force: true });
    const secs = (performance.now() - started) / 1000;
    process.stderr.write(
      `${messages.length - done} of ${messages.length} message(s) processed: ${summary.accepted} accepted, ${summary.warnings} accepted with warnings, ${summary.rejected} rejected, ${summary.failed} failed (kept for reprocessing); ${(Math.max(messages.length - done, 0) / Math.max(secs, 0.001)).toFixed(1)} messages/s\n`,
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    await close();
  }
}
