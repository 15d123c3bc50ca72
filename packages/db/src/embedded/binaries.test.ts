import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hydrateSymlinks } from './binaries.ts';

describe('the binaries of the embedded server', () => {
  it('get the library symlinks the package postinstall script would make, when install scripts did not run', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'nutmeg-bin-'));
    const native = path.join(base, 'native');
    fs.mkdirSync(path.join(native, 'lib'), { recursive: true });
    fs.writeFileSync(path.join(native, 'lib', 'libicuuc.so.60.2'), 'x');
    fs.writeFileSync(
      path.join(native, 'pg-symlinks.json'),
      JSON.stringify([
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so.60' },
        { source: 'native/lib/libicuuc.so.60.2', target: 'native/lib/libicuuc.so' },
      ]),
    );
    hydrateSymlinks(native);
    hydrateSymlinks(native); // again: nothing to do
    expect(fs.readlinkSync(path.join(native, 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
    expect(fs.readFileSync(path.join(native, 'lib', 'libicuuc.so'), 'utf8')).toBe('x');
    fs.rmSync(base, { recursive: true, force: true });
  });
});
