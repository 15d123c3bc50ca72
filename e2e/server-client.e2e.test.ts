import { describe, expect, it } from 'vitest';
import { startServerProcess } from './server-client.ts';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The browser tests' server process: reachable from the tests, and unable to freeze them when it hangs. */
describe('e2e server process', () => {
  it('serves the demo data to queries compiled in the test process', async () => {
    const server = await startServerProcess();
    try {
      const users = await server.db.selectFrom('users').select('username').where('username', '=', 'coordinator').execute();
      expect(users).toEqual([{ username: 'coordinator' }]);
      await expect(
        server.db
          .selectFrom('users')
          .select('no_such_column' as 'id')
          .execute(),
      ).rejects.toThrow(/no_such_column/);
    } finally {
      await server.close();
    }
    expect(isRunning(server.pid)).toBe(false);
  });

  it('fails a query to a server that stopped answering, then kills that server', async () => {
    const server = await startServerProcess({ queryMs: 2000, reportMs: 500 });
    process.kill(server.pid, 'SIGSTOP'); // as frozen as a server spinning inside a query
    await expect(server.db.selectFrom('users').select('id').execute()).rejects.toThrow(/did not answer within 2 s/);
    await server.close(); // resolves once the hung server has been killed
    expect(isRunning(server.pid)).toBe(false);
  });
});
