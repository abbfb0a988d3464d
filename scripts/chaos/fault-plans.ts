import type { FaultOptions } from "../../emulator";
import type { Random } from "./random";

/**
 * What can go wrong with a run, as the campaign injects it. Kills stop the `pulumi` process
 * (and its plugins) once the instance has seen a given number of requests; the other faults
 * are the instance's (emulator faults) during the first attempt only.
 */
export const faultKinds = [
  "SIGKILL during up",
  "SIGINT during up",
  "SIGKILL during update",
  "SIGKILL during destroy",
  "429 bursts (Retry-After)",
  "5xx errors",
  "dropped connections",
  "POST answer lost",
  "latency spikes + SIGKILL",
] as const;
export type FaultKind = (typeof faultKinds)[number];

export interface FaultPlan {
  readonly run: number;
  readonly kind: FaultKind;
  /** The command the fault hits. */
  readonly command: "up" | "update" | "destroy";
  /** Kill after this many requests (kill kinds). */
  readonly killAt?: number;
  readonly signal?: NodeJS.Signals;
  /** Instance faults during the first attempt. */
  readonly faults?: FaultOptions;
}

/** Requests a clean run of the chaos program makes, per command: the range kills are drawn from. */
export interface RequestBudget {
  readonly up: number;
  readonly update: number;
  readonly destroy: number;
}

export function planFor(run: number, random: Random, budget: RequestBudget): FaultPlan {
  const kind = faultKinds[run % faultKinds.length]!;
  const tables = ["oauth_entity", "oauth_entity_scope", "http_connection", "oauth_2_0_credentials", "sys_properties", "sys_user"];
  switch (kind) {
    case "SIGKILL during up":
      return { run, kind, command: "up", killAt: random.int(1, budget.up), signal: "SIGKILL" };
    case "SIGINT during up":
      return { run, kind, command: "up", killAt: random.int(1, budget.up), signal: "SIGINT" };
    case "SIGKILL during update":
      return { run, kind, command: "update", killAt: random.int(1, budget.update), signal: "SIGKILL" };
    case "SIGKILL during destroy":
      return { run, kind, command: "destroy", killAt: random.int(1, budget.destroy), signal: "SIGKILL" };
    case "429 bursts (Retry-After)":
      return { run, kind, command: "up", faults: { rateLimitEvery: random.int(3, 9) } };
    case "5xx errors":
      return { run, kind, command: "up", faults: { errorRate: random.int(5, 20) / 100, errorStatuses: [500, 502, 503, 504] } };
    case "dropped connections":
      return { run, kind, command: "up", faults: { dropRate: random.int(3, 12) / 100 } };
    case "POST answer lost":
      return { run, kind, command: "up", faults: { failNext: [{ method: "POST", table: random.pick(tables), status: random.pick([0, 502, 504]), when: "after" }] } };
    case "latency spikes + SIGKILL":
      return { run, kind, command: "up", killAt: random.int(1, budget.up), signal: "SIGKILL", faults: { latencyMs: random.int(50, 300), jitterMs: 200 } };
  }
}
