// The HTTP leg of `nutmeg bench hl7 --via http`: POST /api/hl7/v2 with C requests in flight, to a running server
// (--url) or to one started in this process on the same database (API only, no job worker).
import { loadConfig } from '@nutmeg/server/config';
import { createServer } from '@nutmeg/server';

export async function sendOverHttp(
  texts: readonly string[],
  credential: { username: string; secret: string },
  o: { url: string | undefined; concurrency: number },
): Promise<string[]> {
  const server = o.url ? undefined : await createServer(loadConfig({ ...process.env, JOB_WORKER: 'off', LOG_LEVEL: 'warn' }));
  try {
    const base = o.url ?? (await server!.app.listen({ port: 0, host: '127.0.0.1' }));
    const auth = `Basic ${Buffer.from(`${credential.username}:${credential.secret}`).toString('base64')}`;
    const out = new Array<string>(texts.length);
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < texts.length; i = next++) {
        const res = await fetch(`${base}/api/hl7/v2`, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/hl7-v2' },
          body: texts[i],
        });
        const body = await res.text();
        out[i] = res.status !== 200 ? `http ${res.status}` : (/\rMSA\|(A[AER])/.exec(body)?.[1] ?? 'no MSA');
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, lane));
    return out;
  } finally {
    await server?.shutdown();
  }
}
