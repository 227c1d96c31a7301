/** The concurrency limit holds under any interleaving of finishing tasks, waiters and newcomers. */
import { describe, expect, it } from 'vitest';
import { Semaphore, mapLimited } from '../../src/grafana/semaphore.ts';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('Semaphore', () => {
  it('never lets a newcomer take the slot a finishing task hands to its waiter', async () => {
    const semaphore = new Semaphore(1);
    let inFlight = 0;
    let most = 0;
    const enter = (): void => {
      inFlight += 1;
      most = Math.max(most, inFlight);
    };
    const first = deferred();
    let firstTask: Promise<void> = Promise.resolve();
    const a = semaphore.run(() => {
      enter();
      firstTask = first.promise.then(() => {
        inFlight -= 1;
      });
      return firstTask;
    });
    const waiter = async (): Promise<void> => {
      enter();
      await Promise.resolve();
      inFlight -= 1;
    };
    const b = semaphore.run(waiter);
    // Registered after the semaphore's own wait on the first task: runs right after the slot is released, before
    // the waiting task resumes. A newcomer arriving then must wait too.
    let c: Promise<void> = Promise.resolve();
    const newcomer = firstTask.then(() => {
      c = semaphore.run(waiter);
    });
    first.resolve();
    await Promise.all([a, b, newcomer]);
    await c;
    expect(most).toBe(1);
  });

  it('keeps any limit under many tasks finishing in a shuffled order', async () => {
    for (const limit of [1, 2, 3]) {
      const semaphore = new Semaphore(limit);
      let inFlight = 0;
      let most = 0;
      const gates = Array.from({ length: 40 }, () => deferred());
      const task = (i: number) => async (): Promise<void> => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await gates[i]?.promise;
        inFlight -= 1;
        // A newcomer on every completion, in the same turn as the release.
        if (i < 20) void semaphore.run(task(i + 20));
      };
      const started = Array.from({ length: 20 }, (_, i) => semaphore.run(task(i)));
      // Open the gates in a fixed shuffled order, letting microtasks run in between.
      const order = Array.from({ length: 40 }, (_, i) => (i * 17) % 40);
      for (const i of order) {
        gates[i]?.resolve();
        await Promise.resolve();
      }
      for (const gate of gates) gate.resolve();
      await Promise.all(started);
      for (let i = 0; i < 10; i += 1) await new Promise((r) => setImmediate(r));
      expect(most).toBe(limit);
      expect(inFlight).toBe(0);
    }
  });

  it('runs mapLimited work in input order of results', async () => {
    expect(await mapLimited([3, 1, 2], 2, (n) => Promise.resolve(n * 10))).toEqual([30, 10, 20]);
  });
});
