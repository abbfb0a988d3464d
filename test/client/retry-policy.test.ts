import * as assert from "node:assert/strict";
import {
  defaultRetryTuning,
  mayHaveBeenProcessed,
  requestedWaitMs,
  retryDecision,
  type FailedOutcome,
  type RetryContext,
} from "../../provider/client/retry-policy";

const NOW = Date.parse("2030-01-01T00:00:00Z");
const status = (s: number, headers: Record<string, string> = {}): FailedOutcome => ({ kind: "status", status: s, headers });
const network = (code: string): FailedOutcome => ({ kind: "network", code });

function decide(outcome: FailedOutcome, over: Partial<RetryContext> = {}) {
  return retryDecision({
    attempt: 1,
    maxRetries: 5,
    method: "GET",
    repeatable: true,
    outcome,
    now: NOW,
    random: () => 0.5,
    tuning: defaultRetryTuning,
    ...over,
  });
}

describe("retryDecision", () => {
  it("fails at once on statuses that retrying cannot fix", () => {
    for (const s of [400, 401, 403, 404, 409, 500]) assert.deepEqual(decide(status(s)), { action: "fail", reason: "not-retryable" });
    assert.deepEqual(decide(network("ENOTFOUND")), { action: "fail", reason: "not-retryable" });
  });

  it("backs off exponentially with full jitter, capped", () => {
    assert.deepEqual(decide(status(503), { attempt: 1 }), { action: "retry", delayMs: 125 });
    assert.deepEqual(decide(status(502), { attempt: 3 }), { action: "retry", delayMs: 500 });
    assert.deepEqual(decide(network("ECONNRESET"), { attempt: 12, maxRetries: 20 }), { action: "retry", delayMs: 10_000 });
    assert.deepEqual(decide(status(504), { random: () => 0 }), { action: "retry", delayMs: 0 });
  });

  it("honours Retry-After and X-RateLimit-Reset, and refuses waits over the maximum", () => {
    assert.deepEqual(decide(status(429, { "retry-after": "10" })), { action: "retry", delayMs: 10_000 });
    assert.deepEqual(decide(status(429, { "x-ratelimit-reset": String(NOW / 1000 + 30) })), { action: "retry", delayMs: 30_000 });
    assert.deepEqual(decide(status(429, { "retry-after": "121" })), { action: "fail", reason: "rate-limit-too-long", retryAt: NOW + 121_000 });
    assert.deepEqual(decide(status(429)), { action: "retry", delayMs: 125 });
  });

  it("stops after maxRetries, keeping the rate-limit time", () => {
    assert.deepEqual(decide(status(503), { attempt: 6 }), { action: "fail", reason: "retries-exhausted" });
    assert.deepEqual(decide(status(429, { "retry-after": "2" }), { attempt: 6 }), { action: "fail", reason: "retries-exhausted", retryAt: NOW + 2000 });
    assert.deepEqual(decide(status(503), { attempt: 1, maxRetries: 0 }), { action: "fail", reason: "retries-exhausted" });
  });

  it("asks to verify a non-repeatable request that may have been processed", () => {
    const post = { method: "POST" as const, repeatable: false };
    for (const o of [status(502), status(503), status(504), network("ECONNRESET"), network("ETIMEDOUT")]) {
      assert.deepEqual(decide(o, post), { action: "verify-then-retry", delayMs: 125 });
    }
    for (const o of [status(429), network("ECONNREFUSED")]) assert.deepEqual(decide(o, post), { action: "retry", delayMs: 125 });
    assert.equal(mayHaveBeenProcessed(network("EHOSTUNREACH")), false);
  });
});

describe("requestedWaitMs", () => {
  it("reads seconds, HTTP dates and Unix reset times; ignores junk", () => {
    assert.equal(requestedWaitMs({ "retry-after": "1.5" }, NOW), 1500);
    assert.equal(requestedWaitMs({ "retry-after": new Date(NOW + 5000).toUTCString() }, NOW), 5000);
    assert.equal(requestedWaitMs({ "retry-after": new Date(NOW - 5000).toUTCString() }, NOW), 0);
    assert.equal(requestedWaitMs({ "x-ratelimit-reset": String(NOW / 1000 - 1) }, NOW), 0);
    assert.equal(requestedWaitMs({ "retry-after": "soon" }, NOW), undefined);
    assert.equal(requestedWaitMs({}, NOW), undefined);
  });
});
