/**
 * Injected faults, decided per request in one ordered function: latency, dropped connection,
 * deterministic failures (`failNext`), rate limits (Table API only, as the 429 body says),
 * then random errors. Control endpoints never come here.
 */
import { EmulatorApiError, errorForStatus, rateLimited } from "./errors";
import type { FailNext, FaultOptions } from "./options";

export interface RequestInfo {
  readonly method: string;
  /** Table of a Table API request. */
  readonly table: string | undefined;
  readonly tableApi: boolean;
}

/** What to do with a request: answer normally, fail first, or fail after processing it. */
export type FaultDecision =
  | { readonly kind: "pass"; readonly after?: EmulatorApiError | "drop" }
  | { readonly kind: "fail"; readonly error: EmulatorApiError }
  | { readonly kind: "drop" };

const HOUR_MS = 3_600_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function check(f: FaultOptions): void {
  const nonNegative = ["latencyMs", "jitterMs", "rateLimitEvery", "rateLimitPerHour", "slowBodyMs"] as const;
  for (const k of nonNegative) {
    const v = f[k];
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v) && v >= 0)) throw new TypeError(`Fault \`${k}\` must be a number >= 0`);
  }
  for (const k of ["errorRate", "dropRate"] as const) {
    const v = f[k];
    if (v !== undefined && !(typeof v === "number" && v >= 0 && v <= 1)) throw new TypeError(`Fault \`${k}\` must be a number from 0 to 1`);
  }
  if (f.errorStatuses !== undefined && !(Array.isArray(f.errorStatuses) && f.errorStatuses.length > 0 && f.errorStatuses.every((s) => Number.isInteger(s) && s >= 400 && s <= 599))) {
    throw new TypeError("Fault `errorStatuses` must be a non-empty list of statuses 400-599");
  }
  for (const n of f.failNext ?? []) {
    if (typeof n !== "object" || n === null || !Number.isInteger(n.status) || (n.status !== 0 && (n.status < 400 || n.status > 599))) {
      throw new TypeError("Each `failNext` entry needs a `status` from 400 to 599 (or 0 to drop the connection)");
    }
  }
}

export class Faults {
  private options: FaultOptions = {};
  private failNext: FailNext[] = [];
  private counted = 0;
  private hourWindow = -1;
  private hourCount = 0;

  constructor(
    initial: FaultOptions,
    /** Value of `X-RateLimit-Rule`: the sys_id of the rate-limit rule on an instance. */
    private readonly rule: string,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {
    this.set(initial);
  }

  /** Replaces every fault; throws a TypeError naming a bad option. */
  set(f: FaultOptions): void {
    check(f);
    this.options = { ...f };
    this.failNext = (f.failNext ?? []).map((n) => ({ ...n, count: n.count ?? 1 })).filter((n) => (n.count ?? 1) > 0);
    this.counted = 0;
    this.hourWindow = -1;
    this.hourCount = 0;
  }

  /** The faults in effect, with what is left of `failNext`. */
  get(): FaultOptions {
    const { failNext: _ignored, ...rest } = this.options;
    return this.failNext.length > 0 ? { ...rest, failNext: this.failNext.map((n) => ({ ...n })) } : rest;
  }

  get slowBodyMs(): number {
    return this.options.slowBodyMs ?? 0;
  }

  async decide(req: RequestInfo): Promise<FaultDecision> {
    const o = this.options;
    const delay = (o.latencyMs ?? 0) + (o.jitterMs ?? 0) * this.random();
    if (delay > 0) await sleep(delay);
    if ((o.dropRate ?? 0) > 0 && this.random() < (o.dropRate ?? 0)) return { kind: "drop" };

    const i = this.failNext.findIndex((n) => (n.method === undefined || n.method.toUpperCase() === req.method) && (n.table === undefined || n.table === req.table));
    if (i >= 0) {
      const entry = this.failNext[i];
      const left = (entry.count ?? 1) - 1;
      if (left > 0) this.failNext[i] = { ...entry, count: left };
      else this.failNext.splice(i, 1);
      const outcome = entry.status === 0 ? "drop" : this.errorFor(entry.status, req.method);
      if (entry.when === "after") return { kind: "pass", after: outcome };
      return outcome === "drop" ? { kind: "drop" } : { kind: "fail", error: outcome };
    }

    if (req.tableApi) {
      const limited = this.rateLimit();
      if (limited !== undefined) return { kind: "fail", error: limited };
    }

    if ((o.errorRate ?? 0) > 0 && this.random() < (o.errorRate ?? 0)) {
      const statuses = o.errorStatuses ?? [503];
      return { kind: "fail", error: errorForStatus(statuses[Math.floor(this.random() * statuses.length)] ?? 503, req.method) };
    }
    return { kind: "pass" };
  }

  private rateLimit(): EmulatorApiError | undefined {
    const o = this.options;
    const now = this.now();
    if ((o.rateLimitEvery ?? 0) > 0) {
      this.counted += 1;
      if (this.counted % (o.rateLimitEvery ?? 1) === 0) return rateLimited(o.rateLimitEvery ?? 0, Math.floor(now / 1000) + 1, this.rule, now);
    }
    if (o.rateLimitPerHour !== undefined && o.rateLimitPerHour > 0) {
      // Rules count per clock hour, as on an instance.
      const window = Math.floor(now / HOUR_MS);
      if (window !== this.hourWindow) {
        this.hourWindow = window;
        this.hourCount = 0;
      }
      this.hourCount += 1;
      if (this.hourCount > o.rateLimitPerHour) return rateLimited(o.rateLimitPerHour, ((window + 1) * HOUR_MS) / 1000, this.rule, now);
    }
    return undefined;
  }

  private errorFor(status: number, method: string): EmulatorApiError {
    if (status === 429) {
      const now = this.now();
      return rateLimited(this.options.rateLimitPerHour ?? 1, Math.floor(now / 1000) + 1, this.rule, now);
    }
    return errorForStatus(status, method);
  }
}
