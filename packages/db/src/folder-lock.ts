import fs from 'node:fs';
import path from 'node:path';

export interface FolderLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite does not lock its data folder; two processes on one folder silently lose rows.
 * We take an exclusive lock file holding our pid, and take over a stale one left by a dead process.
 */
export function acquireFolderLock(dataDir: string): FolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'nutmeg.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
          } catch {
            // already gone
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `The database folder ${dataDir} is in use by another Nutmeg process (pid ${pid}). ` +
            'Stop it, or set DATA_DIR to another folder.',
        );
      }
      fs.unlinkSync(file); // stale: its process is gone
    }
  }
  throw new Error(`Could not take the lock file ${file}`);
}
