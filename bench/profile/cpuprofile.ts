/**
 * Reads V8 `.cpuprofile` files (as `node --cpu-prof` writes them) and sums self time by where
 * the code lives: our package, a part of @pulumi/pulumi, gRPC, protobuf, Node's own modules,
 * the garbage collector. For comparing the provider's run with the floor's.
 */
import * as fs from "node:fs";
import * as path from "node:path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}
interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export type ProcessRole = "program" | "provider" | "plugin" | "launcher";

export interface ProfileSummary {
  readonly role: ProcessRole;
  /** Sampled milliseconds in all, idle time left out. */
  readonly totalMs: number;
  /** Self milliseconds by where the code lives. */
  readonly byArea: Record<string, number>;
  /** Self milliseconds by function (`name area:line`). */
  readonly byFunction: Record<string, number>;
}

/** Where a function's code lives, in a few words. */
export function areaOf(url: string, functionName: string): string {
  if (url === "") return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return `node:${url.slice(5).split("/")[0]}`;
  const pulumi = /node_modules\/@pulumi\/pulumi\/(.*)$/.exec(url);
  if (pulumi) {
    const parts = pulumi[1]!.split("/");
    return `@pulumi/pulumi/${parts.length > 2 ? parts.slice(0, 2).join("/") : parts[0]}`;
  }
  if (/pulumi-servicenow-spokes\/|\/dist\/provider\//.test(url)) return "pulumi-servicenow-spokes";
  if (/node_modules\/bare-provider\/|\/pulumi-resource-bare$/.test(url)) return "bare-provider";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1]!;
  return path.basename(url);
}

function roleOf(profile: CpuProfile): ProcessRole {
  const urls = profile.nodes.map((node) => node.callFrame.url);
  if (urls.some((url) => url.includes("cmd/dynamic-provider"))) return "provider";
  // The provider plugin (ours: pulumi-resource-servicenow; the benchmark's bare one: pulumi-resource-bare).
  if (urls.some((url) => /\/pulumi-resource-(servicenow|bare)$/.test(url))) return "plugin";
  if (urls.some((url) => url.includes("cmd/run"))) return "program";
  return "launcher";
}

export function summarize(file: string): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byArea: Record<string, number> = {};
  const byFunction: Record<string, number> = {};
  let totalMs = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const frame = nodes.get(id)?.callFrame;
    if (frame === undefined || frame.functionName === "(idle)") return; // waiting is not CPU
    totalMs += ms;
    const area = areaOf(frame.url, frame.functionName);
    byArea[area] = (byArea[area] ?? 0) + ms;
    const name = `${frame.functionName || "(anonymous)"} ${area}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
    byFunction[name] = (byFunction[name] ?? 0) + ms;
  });
  return { role: roleOf(profile), totalMs, byArea, byFunction };
}

/** Sums the profiles of one role (a run may start several processes of it). */
export function summarizeDirectory(dir: string): Record<ProcessRole, ProfileSummary> {
  const merged = {} as Record<ProcessRole, { totalMs: number; byArea: Record<string, number>; byFunction: Record<string, number> }>;
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    const summary = summarize(path.join(dir, file));
    const into = (merged[summary.role] ??= { totalMs: 0, byArea: {}, byFunction: {} });
    into.totalMs += summary.totalMs;
    for (const [key, ms] of Object.entries(summary.byArea)) into.byArea[key] = (into.byArea[key] ?? 0) + ms;
    for (const [key, ms] of Object.entries(summary.byFunction)) into.byFunction[key] = (into.byFunction[key] ?? 0) + ms;
  }
  const result = {} as Record<ProcessRole, ProfileSummary>;
  for (const role of ["program", "provider", "plugin", "launcher"] as const) result[role] = { role, ...(merged[role] ?? { totalMs: 0, byArea: {}, byFunction: {} }) };
  return result;
}

/** The `count` largest entries, as `name ms` pairs. */
export function top(entries: Record<string, number>, count: number): [string, number][] {
  return Object.entries(entries)
    .sort((a, b) => b[1] - a[1])
    .slice(0, count);
}
