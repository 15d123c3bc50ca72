import fs from 'node:fs';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import pg from 'pg';
import { readDatabase, writeDatabase, type Chunk, type Query } from './logical-copy.ts';

/**
 * `nutmeg backup` / `nutmeg restore`: the database as gzip-compressed JSON lines (a header, then the
 * logical-copy chunks), read in one repeatable-read snapshot while Nutmeg keeps running. Independent of
 * the PostgreSQL version, so it also carries data across a major upgrade of the embedded server.
 */
const FORMAT = 'nutmeg-backup-1';

export async function writeBackup(url: string, file: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tmp = `${file}.partial`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(tmp, { mode: 0o600 }); // patient data: readable by its owner only
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query('SET LOCAL statement_timeout = 0');
    const q: Query = (text, params) => client.query(text, params);
    await write(JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString() }));
    let counts: Record<string, number> = {};
    for await (const c of readDatabase(q)) {
      // Rows are JSON already: written as they are, not parsed and printed again.
      if (c.kind === 'rows') await write(`{"kind":"rows","table":${JSON.stringify(c.table)},"rows":[${c.rows.join(',')}]}`);
      else await write(JSON.stringify(c));
      if (c.kind === 'end') counts = c.counts;
    }
    await client.query('COMMIT');
    gzip.end();
    await once(out, 'close');
    fs.renameSync(tmp, file);
    return counts;
  } catch (err) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

export async function* readBackup(file: string): AsyncGenerator<Chunk> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let first = true;
  for await (const line of lines) {
    const value = JSON.parse(line) as Record<string, unknown>;
    if (first) {
      if (value.format !== FORMAT) throw new Error(`${file} is not a Nutmeg backup (${FORMAT}).`);
      first = false;
      continue;
    }
    const chunk = value as Chunk;
    if (chunk.kind === 'rows') yield { ...chunk, rows: (chunk.rows as unknown[]).map((r) => JSON.stringify(r)) };
    else yield chunk;
  }
}

/** Loads a backup into an empty database (all or nothing). */
export async function restoreBackup(file: string, url: string, migrationsDir?: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await writeDatabase(client, readBackup(file), migrationsDir);
  } finally {
    await client.end();
  }
}
