// A message runs first without a savepoint per vaccination; only a refused one (ItemSavepointsNeeded) makes the
// caller undo the message and run it again with them. Any other failure is the caller's to record.
import { describe, expect, it } from 'vitest';
import { redoWithItemSavepoints } from './receive.service.ts';
import { ItemSavepointsNeeded } from './vxu.service.ts';

describe('redoWithItemSavepoints', () => {
  it('runs once without item savepoints when nothing is refused', async () => {
    const calls: boolean[] = [];
    let undone = 0;
    const out = await redoWithItemSavepoints(
      async (withSavepoints) => (calls.push(withSavepoints), 'ack'),
      () => void undone++,
    );
    expect([out, calls, undone]).toEqual(['ack', [false], 0]);
  });

  it('after a refusal, undoes the attempt and runs again with item savepoints', async () => {
    const calls: boolean[] = [];
    let undone = 0;
    const out = await redoWithItemSavepoints(
      async (withSavepoints) => {
        calls.push(withSavepoints);
        if (!withSavepoints) throw new ItemSavepointsNeeded();
        return 'ack with warning';
      },
      () => void undone++,
    );
    expect([out, calls, undone]).toEqual(['ack with warning', [false, true], 1]);
  });

  it('passes any other failure on without a second attempt', async () => {
    const calls: boolean[] = [];
    await expect(
      redoWithItemSavepoints(
        async (withSavepoints) => {
          calls.push(withSavepoints);
          throw new Error('connection lost');
        },
        () => undefined,
      ),
    ).rejects.toThrow('connection lost');
    expect(calls).toEqual([false]);
  });
});
