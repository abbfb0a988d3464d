import { faultKinds } from "./fault-plans";
import type { RunResult } from "./chaos-worker";

/** The campaign's table, as Markdown: fault kind x runs, converged, duplicates, orphans, manual steps. */
export function reportTable(results: readonly RunResult[]): string {
  const rows = [...faultKinds, "all"].map((kind) => {
    const runs = results.filter((result) => kind === "all" || result.plan.kind === kind);
    const count = (test: (result: RunResult) => boolean) => runs.filter(test).length;
    return `| ${kind} | ${runs.length} | ${count((r) => r.converged)} | ${count((r) => r.duplicates.length > 0)} | ${count((r) => r.orphans.length > 0)} | ${count((r) => r.leakedSecrets.length > 0)} | ${count((r) => !r.converged)} |`;
  });
  return [
    "| fault | runs | converged | with duplicates | with orphans | secret in plaintext | manual steps needed |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

export function failureLines(results: readonly RunResult[]): string[] {
  return results
    .filter((result) => !result.converged)
    .map((r) => `- run ${r.plan.run} (${r.plan.kind}${r.plan.killAt ? `, killed after ${r.plan.killAt} requests` : ""}): ${r.problem ?? ""} ${r.duplicates.join("; ")} ${r.orphans.join("; ")} ${r.leakedSecrets.join(", ")}`.trim());
}
