import * as assert from "node:assert/strict";
import { ConcurrencyLimiter } from "../../provider/client/concurrency-limiter";

describe("ConcurrencyLimiter", () => {
  it("runs at most `limit` tasks at once, in order, and frees slots on failure", async () => {
    const limiter = new ConcurrencyLimiter(2);
    let active = 0;
    let max = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      active++;
      max = Math.max(max, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
      if (i % 3 === 0) throw new Error(`task ${i}`);
      return i;
    };
    const results = await Promise.allSettled(Array.from({ length: 9 }, (_, i) => limiter.run(task(i))));
    assert.equal(max, 2);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(results.filter((r) => r.status === "rejected").length, 3);
    assert.equal(limiter.inFlight, 0);
  });

  it("rejects a limit that is not a positive integer", () => {
    assert.throws(() => new ConcurrencyLimiter(0), RangeError);
    assert.throws(() => new ConcurrencyLimiter(1.5), RangeError);
  });
});
