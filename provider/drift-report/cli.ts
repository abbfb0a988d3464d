#!/usr/bin/env node
/**
 * `servicenow-drift-report [pulumi preview options]`: runs `pulumi preview --refresh --json`
 * (with the given options, e.g. `--stack prod`, `--cwd infra`), prints what drifted as a short
 * table, appends it as Markdown to `$GITHUB_STEP_SUMMARY` when that is set, and exits 0 when
 * nothing drifted, 1 on drift, 2 when the preview itself failed.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { markdownTable, textTable } from "./drift-table";
import { driftRows } from "./preview-drift";

function main(): number {
  const args = ["preview", "--refresh", "--json", "--non-interactive", ...process.argv.slice(2)];
  const preview = spawnSync("pulumi", args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
  if (preview.error || preview.status !== 0) {
    process.stderr.write(`servicenow-drift-report: \`pulumi ${args.join(" ")}\` failed${preview.error ? `: ${preview.error.message}` : ` (exit ${preview.status})`}.\n${preview.stderr ?? ""}${preview.stdout ?? ""}`);
    return 2;
  }
  let rows;
  try {
    rows = driftRows(preview.stdout);
  } catch (error) {
    process.stderr.write(`servicenow-drift-report: could not read the preview's JSON (${error instanceof Error ? error.message : error}).\n`);
    return 2;
  }
  const summary = process.env.GITHUB_STEP_SUMMARY;
  if (rows.length === 0) {
    process.stdout.write("No drift: the instance matches the program.\n");
    if (summary) fs.appendFileSync(summary, "### ServiceNow drift\n\nNo drift: the instance matches the program.\n");
    return 0;
  }
  process.stdout.write(`Drift: ${rows.length} field(s) on the instance differ from the program. \`pulumi up --refresh\` puts them back.\n\n${textTable(rows)}\n`);
  if (summary) fs.appendFileSync(summary, `### ServiceNow drift\n\n${markdownTable(rows)}\n\nRun \`pulumi up --refresh\` to put the instance back as the program says.\n`);
  return 1;
}

process.exitCode = main();
