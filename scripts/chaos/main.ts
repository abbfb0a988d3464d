/**
 * `npm run chaos [-- --runs 200 --seed 1 --jobs 2 --skip-checkpoints --plugin --write docs/reliability.md]`: the fault
 * campaign. Each run deploys the chaos program against the emulator with one random fault
 * (a kill at a random request, 429s, 5xx, dropped connections, a lost POST answer, latency),
 * then the documented recovery, then checks every table: the instance equals what the program
 * says, no duplicates, no orphans, adopted values given back on destroy, no secret in
 * plaintext. `--skip-checkpoints` runs every `pulumi` command with `PULUMI_EXPERIMENTAL=1
 * PULUMI_SKIP_CHECKPOINTS=true` (the pipeline settings). `--plugin` deploys the same program as
 * Pulumi YAML through the provider plugin, in the pipeline layout. Prints the table; with
 * --write, puts it in the given Markdown file (under a heading of its own for each setting).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { assertCliInstalled, repoRoot } from "../local-pulumi";
import { replaceSection } from "../markdown-section";
import { checkpointSkippingEnv, runCampaign } from "./campaign";
import { failureLines, reportTable } from "./report";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] !== undefined ? process.argv[index + 1]! : fallback;
}

function positiveInteger(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, got ${option(name, "")}`);
  return value;
}

async function main(): Promise<void> {
  assertCliInstalled();
  const runs = positiveInteger("runs", 200);
  const seed = positiveInteger("seed", 1);
  const jobs = positiveInteger("jobs", 2);
  const write = option("write", "");
  const skipCheckpoints = process.argv.includes("--skip-checkpoints");
  const plugin = process.argv.includes("--plugin");
  const started = Date.now();
  console.log(
    `Chaos campaign: ${runs} runs, seed ${seed}, ${jobs} workers${plugin ? ", Pulumi YAML through the provider plugin" : ""}${skipCheckpoints ? ", checkpoints skipped (PULUMI_EXPERIMENTAL=1 PULUMI_SKIP_CHECKPOINTS=true)" : ""}.`,
  );
  const results = await runCampaign({
    runs,
    seed,
    jobs,
    mode: plugin ? "plugin" : "dynamic",
    ...(skipCheckpoints ? { env: checkpointSkippingEnv } : {}),
    onResult: (result, done) =>
      console.log(`  [${done}/${runs}] run ${result.plan.run} ${result.plan.kind}${result.plan.killAt ? ` @${result.plan.killAt}` : ""}: ${result.converged ? "converged" : `NOT CONVERGED ${result.problem ?? ""}`} (${result.seconds.toFixed(1)} s)`),
  });
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  const table = reportTable(results);
  const failures = failureLines(results);
  console.log(`\n${table}\n\n${failures.join("\n") || "Every run converged."}\n(${minutes} min)`);
  if (write) {
    const command = `npm run chaos -- --runs ${runs} --seed ${seed} --jobs ${jobs}${skipCheckpoints ? " --skip-checkpoints" : ""}${plugin ? " --plugin" : ""}`;
    const marker = `## Latest campaign${plugin ? " through the provider plugin" : ""}${skipCheckpoints ? " with checkpoints skipped" : ""}`;
    const section = `${marker}\n\n\`${command}\`, ${new Date().toISOString().slice(0, 10)}, ${minutes} min on this project's 2-core machine.\n\n${table}\n\n${failures.join("\n") || "Every run converged with the documented recovery alone."}\n`;
    const file = path.resolve(repoRoot, write);
    const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    fs.writeFileSync(file, replaceSection(text, marker, section));
  }
  if (results.some((result) => !result.converged)) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
