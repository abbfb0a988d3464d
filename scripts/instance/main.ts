/**
 * `npm run test:instance`: the provider against a real instance, measured against the emulator.
 * Set SERVICENOW_TEST_INSTANCE_URL and the provider's SERVICENOW_* sign-in variables; without
 * them it runs against an emulator it starts (that is how CI keeps it runnable). It removes the
 * leftovers of earlier runs, probes what the provider assumes (client-chosen sys_ids, password2
 * read-back, ignored unknown columns, where attribute definitions and values live, each alias's
 * Connection & Credential template, the stored oauth_entity.type values: probes.ts; REST API keys: api-key-probes.ts), runs the conformance
 * program (every building block and each active spoke, names under `pulumi-conf-<id>`) through
 * the real CLI (up, no-change refresh, destroy: always, even after a failure or Ctrl-C), and
 * compares the records' columns and formats with an emulator's for the same program. The report
 * goes to conformance-report/report.{json,md}; the exit code is 1 when anything failed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";
import { start } from "../../emulator";
import { isInvalidTableError } from "../../provider/client/errors";
import { PulumiProject } from "../../test/e2e/pulumi-project";
import { touchedTables } from "../../test/lifecycle/snapshot";
import { assertCliInstalled, repoRoot } from "../local-pulumi";
import { conformanceProgram, spokeAliases, type Spoke } from "./conformance-program";
import { runApiKeyProbes } from "./api-key-probes";
import { removeLeftovers } from "./leftovers";
import { runProbes, type ProbeResult } from "./probes";
import { compareFormats, formatsOf, type TableFormats } from "./record-formats";
import { emulatorTarget, resolveTarget, type Target } from "./target";

interface ProgramRun {
  readonly steps: { readonly step: string; readonly ok: boolean; readonly output?: string }[];
  readonly formats: TableFormats;
}

async function activeSpokes(target: Target): Promise<Spoke[]> {
  const found: Spoke[] = [];
  for (const [spoke, alias] of Object.entries(spokeAliases) as [Spoke, string][]) {
    if ((await target.api.list("sys_alias", `id=${alias}`, { limit: 1 })).length > 0) found.push(spoke);
  }
  return found;
}

/** up, a no-change refresh, destroy; destroy runs whatever happened before, and on Ctrl-C. */
async function runProgram(target: Target, program: string): Promise<ProgramRun> {
  const project = await PulumiProject.create({ program: "", env: { ...target.env } });
  fs.rmSync(path.join(project.dir, "index.ts"));
  fs.writeFileSync(path.join(project.dir, "index.js"), program);
  fs.writeFileSync(path.join(project.dir, "package.json"), JSON.stringify({ name: "conformance", main: "index.js" }));
  const steps: ProgramRun["steps"][number][] = [];
  const record = async (step: string, args: string[]) => {
    const result = await project.run(args);
    steps.push({ step, ok: result.code === 0, ...(result.code === 0 ? {} : { output: lastLines(result.output) }) });
    return result.code === 0;
  };
  const interrupted = () => void project.run(["destroy", "--yes", "--non-interactive", "--skip-preview"]).finally(() => process.exit(130));
  process.once("SIGINT", interrupted);
  let formats: TableFormats = {};
  try {
    if (await record("pulumi up", ["up", "--yes", "--non-interactive", "--skip-preview"])) {
      await record("pulumi preview --refresh --expect-no-changes", ["preview", "--refresh", "--expect-no-changes", "--non-interactive"]);
      await record("pulumi refresh --expect-no-changes", ["refresh", "--expect-no-changes", "--yes", "--non-interactive", "--skip-preview"]);
      const ids = new Set((await project.exportedState()).match(/[0-9a-f]{32}/g) ?? []);
      const records: { table: string; sysId: string }[] = [];
      for (const table of touchedTables) {
        // A table of a plugin the instance lacks (token-based authentication) holds nothing of ours.
        const found = await target.api.list(table, `sys_idIN${[...ids].join(",")}`, { fields: ["sys_id"] }).catch((error: unknown) => (isInvalidTableError(error) ? [] : Promise.reject(error)));
        for (const record of found) records.push({ table, sysId: record.sys_id ?? "" });
      }
      formats = await formatsOf(target.api, records);
    }
  } finally {
    await record("pulumi destroy", ["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    process.removeListener("SIGINT", interrupted);
    project.dispose();
  }
  return { steps, formats };
}

/** A probe's own section of report.md: its Markdown, else what it read as JSON. */
function probeSection(probe: ProbeResult): string[] {
  if (probe.section !== undefined) return [`## ${probe.check}`, "", ...(probe.section.length > 0 ? probe.section : ["Nothing found.", ""])];
  if (probe.details === undefined) return [];
  return [`## ${probe.check}`, "", "```json", JSON.stringify(probe.details, null, 2), "```", ""];
}

function lastLines(output: string): string {
  return output.trim().split("\n").slice(-12).join("\n");
}

async function main(): Promise<void> {
  assertCliInstalled();
  const target = await resolveTarget();
  const prefix = `pulumi-conf-${randomBytes(3).toString("hex")}`;
  const reference = emulatorTarget(await start({ quiet: true }), "emulator");
  try {
    console.log(`Conformance run ${prefix} against ${target.url} (${target.kind}).`);
    const leftovers = await removeLeftovers(target.api);
    const probes: ProbeResult[] = [...(await runProbes(target.api, prefix)), ...(await runApiKeyProbes(target.api, prefix))];
    const spokes = await activeSpokes(target);
    const program = conformanceProgram(prefix, spokes);
    const run = await runProgram(target, program);
    const referenceRun = target.kind === "emulator" ? run : await runProgram(reference, program);
    const differences = compareFormats(run.formats, referenceRun.formats);
    const failed = probes.some((p) => !p.holds) || run.steps.some((s) => !s.ok);
    const report = {
      prefix,
      target: target.url,
      kind: target.kind,
      date: new Date().toISOString(),
      activeSpokes: spokes,
      leftoversRemoved: leftovers,
      probes: probes.map(({ section: _section, ...probe }) => probe),
      steps: run.steps,
      formatDifferences: differences,
      formats: run.formats,
    };
    const folder = path.join(repoRoot, "conformance-report");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, "report.json"), `${JSON.stringify(report, null, 2)}\n`);
    const markdown = [
      `# Conformance of ${target.url} (${target.kind}), ${report.date.slice(0, 10)}`,
      "",
      `Active spokes: ${spokes.join(", ") || "none"}. Leftovers of earlier runs removed: ${leftovers.length}.`,
      "",
      "| check | outcome | holds |",
      "|---|---|---|",
      ...probes.map((p) => `| ${p.check} | ${p.outcome.replace(/\|/g, "\\|")} | ${p.holds ? "yes" : "**no**"} |`),
      ...run.steps.map((s) => `| ${s.step} | ${s.ok ? "passed" : "failed"} | ${s.ok ? "yes" : "**no**"} |`),
      "",
      ...probes.flatMap(probeSection),
      "## Columns and formats against the emulator",
      "",
      ...(differences.length ? differences.map((line) => `- ${line}`) : ["No difference."]),
      ...run.steps.filter((s) => !s.ok).flatMap((s) => ["", `## ${s.step} failed`, "", "```", s.output ?? "", "```"]),
      "",
    ].join("\n");
    fs.writeFileSync(path.join(folder, "report.md"), markdown);
    console.log(`\n${markdown}\nReport: conformance-report/report.md and report.json.`);
    process.exitCode = failed ? 1 : 0;
  } finally {
    await reference.stop();
    await target.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
