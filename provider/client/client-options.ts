import { defaultRetryTuning, type RetryTuning } from "./retry-policy";
import type { RequestListener } from "./request-events";

/** Optional behaviour of a client, beyond the provider configuration. All have defaults. */
export interface ClientOptions {
  /** Called after every HTTP request, with no secrets. Default: none. */
  readonly onRequest?: RequestListener;
  /** Clock, ms since the epoch. Default `Date.now`. */
  readonly now?: () => number;
  /** Waits between retries. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Jitter source, uniform in [0, 1). Default `Math.random`. */
  readonly random?: () => number;
  /** Backoff base (250 ms), cap (20 s) and longest accepted rate-limit wait (120 s). */
  readonly retry?: Partial<RetryTuning>;
  /** Renew OAuth access tokens this long before they expire. Default 60000 (60 s). */
  readonly tokenRenewalMarginMs?: number;
}

export type ResolvedClientOptions = Required<Omit<ClientOptions, "onRequest" | "retry">> & {
  readonly onRequest: RequestListener | undefined;
  readonly retry: RetryTuning;
};

const timerSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The one place where client option defaults are applied. */
export function normalizeClientOptions(options: ClientOptions = {}): ResolvedClientOptions {
  return {
    onRequest: options.onRequest,
    now: options.now ?? Date.now,
    sleep: options.sleep ?? timerSleep,
    random: options.random ?? Math.random,
    retry: { ...defaultRetryTuning, ...options.retry },
    tokenRenewalMarginMs: options.tokenRenewalMarginMs ?? 60_000,
  };
}
