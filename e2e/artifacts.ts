// What the browser tests leave for people to look at (CI keeps the folder): screenshots of the key screens, and
// a screenshot of each page the layout guard found fault with. Emptied at the start of a run; its path is
// printed at the end (vitest globalSetup).
import fs from 'node:fs';
import path from 'node:path';

export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, 'artifacts');
export const SCREENSHOTS_DIR = path.join(ARTIFACTS_DIR, 'screenshots');
export const LAYOUT_FAILURES_DIR = path.join(ARTIFACTS_DIR, 'layout-failures');

const count = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).length : 0);

export default function setup(): () => void {
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  return () => {
    const shots = count(SCREENSHOTS_DIR);
    const failures = count(LAYOUT_FAILURES_DIR);
    if (shots) console.log(`\nScreenshots of the key screens (${shots}): ${SCREENSHOTS_DIR}`);
    if (failures) console.log(`Pages the layout guard found fault with (${failures}): ${LAYOUT_FAILURES_DIR}`);
  };
}
