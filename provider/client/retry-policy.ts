/**
 * The retry decision, in one ordered function (as ky's): what failed, whether it is safe to
 * repeat for this method, whether attempts remain, and how long to wait.
 *
 * 1. Only 429, 502, 503, 504 and network failures are retryable; anything else fails.
 * 2. A 429 waits as the instance asks (`Retry-After` seconds or HTTP date, else
 *    `X-RateLimit-Reset` Unix time, else backoff); a wait above `maxRateLimitWaitMs` fails now.
 * 3. At most `maxRetries` retries after the first attempt.
 * 4. A POST is repeated only when it certainly did not reach the server (connection refused,
 *    host unreachable, DNS busy, 429). After a 502/503/504, reset or timeout it may have created
 *    the record: the caller must check first ("verify-then-retry").
 * 5. Otherwise exponential backoff with full jitter: random() × min(cap, base × 2^(attempt-1)).
 */

/** HTTP methods the client sends. */
export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type FailedOutcome =
  | { readonly kind: "status"; readonly status: number; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: "network"; readonly code: string };

export interface RetryTuning {
  /** Backoff base in ms. Default 250. */
  readonly baseDelayMs: number;
  /** Backoff cap in ms. Default 20000. */
  readonly maxDelayMs: number;
  /** Longest rate-limit wait the client accepts, in ms. Default 120000. */
  readonly maxRateLimitWaitMs: number;
}

export const defaultRetryTuning: RetryTuning = { baseDelayMs: 250, maxDelayMs: 20_000, maxRateLimitWaitMs: 120_000 };

export interface RetryContext {
  /** The attempt that just failed, from 1. */
  readonly attempt: number;
  readonly maxRetries: number;
  readonly method: Method;
  /**
   * The request may be repeated even if the server processed it (true for GET, PATCH, PUT,
   * DELETE; for a POST only when repeating is harmless, like an OAuth token request).
   */
  readonly repeatable: boolean;
  readonly outcome: FailedOutcome;
  /** Current time, ms since the epoch. */
  readonly now: number;
  /** Uniform in [0, 1). */
  readonly random: () => number;
  readonly tuning: RetryTuning;
}

export type RetryDecision =
  | { readonly action: "retry"; readonly delayMs: number }
  | { readonly action: "verify-then-retry"; readonly delayMs: number }
  | {
      readonly action: "fail";
      readonly reason: "not-retryable" | "retries-exhausted" | "rate-limit-too-long";
      /** For 429: when the instance allows requests again (ms since the epoch), if known. */
      readonly retryAt?: number;
    };

const retryableStatuses = new Set([429, 502, 503, 504]);
/** The request never reached the server: safe to repeat for any method. */
const notSentCodes = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** Permanent: repeating cannot help. */
const permanentCodes = new Set(["ENOTFOUND", "CERT_HAS_EXPIRED", "DEPTH_ZERO_SELF_SIGNED_CERT", "ERR_TLS_CERT_ALTNAME_INVALID", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "SELF_SIGNED_CERT_IN_CHAIN", "ERR_INVALID_URL"]);

export function retryDecision(ctx: RetryContext): RetryDecision {
  const { outcome, tuning } = ctx;

  // 1. Retryable at all?
  if (outcome.kind === "status" && !retryableStatuses.has(outcome.status)) return { action: "fail", reason: "not-retryable" };
  if (outcome.kind === "network" && permanentCodes.has(outcome.code)) return { action: "fail", reason: "not-retryable" };

  // 2. The instance's own wait (429, and 503 when it says).
  const asked = outcome.kind === "status" ? requestedWaitMs(outcome.headers, ctx.now) : undefined;
  const retryAt = asked !== undefined ? ctx.now + asked : undefined;
  if (asked !== undefined && asked > tuning.maxRateLimitWaitMs) {
    return { action: "fail", reason: "rate-limit-too-long", ...(retryAt !== undefined ? { retryAt } : {}) };
  }

  // 3. Attempts left?
  if (ctx.attempt > ctx.maxRetries) return { action: "fail", reason: "retries-exhausted", ...(retryAt !== undefined ? { retryAt } : {}) };

  const delayMs = asked ?? Math.floor(ctx.random() * Math.min(tuning.maxDelayMs, tuning.baseDelayMs * 2 ** (ctx.attempt - 1)));

  // 4. Safe to repeat?
  if (!ctx.repeatable && mayHaveBeenProcessed(outcome)) return { action: "verify-then-retry", delayMs };

  // 5.
  return { action: "retry", delayMs };
}

/** False when the request certainly did not take effect (429, connection refused, ...). */
export function mayHaveBeenProcessed(outcome: FailedOutcome): boolean {
  if (outcome.kind === "status") return outcome.status !== 429;
  return !notSentCodes.has(outcome.code);
}

/** The default `repeatable` for a method: everything but POST. */
export function isIdempotent(method: Method): boolean {
  return method !== "POST";
}

/**
 * How long the instance asks to wait, in ms: `Retry-After` (seconds or an HTTP date), else
 * `X-RateLimit-Reset` (Unix seconds). Undefined when neither is present or readable.
 */
export function requestedWaitMs(headers: Readonly<Record<string, string>>, now: number): number | undefined {
  const retryAfter = headers["retry-after"]?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter) * 1000);
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = headers["x-ratelimit-reset"]?.trim();
  if (reset && /^\d+(\.\d+)?$/.test(reset)) return Math.max(0, Math.ceil(Number(reset) * 1000 - now));
  return undefined;
}
