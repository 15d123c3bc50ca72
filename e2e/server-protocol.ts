import path from 'node:path';

/** The built web UI the e2e server serves (`npm run build`). */
export const WEB_DIST = path.resolve(import.meta.dirname, '../packages/web/dist');

/** Messages between the browser tests (harness.ts) and their server process (server-process.ts). */
export type ToServer = { type: 'query'; id: number; sql: string; parameters: readonly unknown[] } | { type: 'close' };

export type FromServer =
  | { type: 'ready'; baseUrl: string }
  | { type: 'result'; id: number; rows: Record<string, unknown>[]; numAffectedRows: bigint | undefined }
  | { type: 'error'; id: number; message: string };
