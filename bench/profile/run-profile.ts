/**
 * `npm run bench:profile [-- --size 500]`: CPU profiles (`node --cpu-prof` through
 * NODE_OPTIONS, so every Node process the CLI starts writes one) of the no-op `up` and of
 * `preview --refresh` at N resources, side by side in one run: the dynamic provider on
 * bench:scale's mix against bench:scale's bare-provider floor, and the provider plugin on N
 * system properties from Pulumi YAML in the pipeline layout against the bare plugin
 * (bench/scale/bare-plugin.ts). Prints, per process role (program: the language host's Node
 * program; provider: the dynamic-provider host; plugin: the plugin), the sampled CPU time,
 * where it goes by area (our package, parts of @pulumi/pulumi, gRPC, protobuf, GC) and the
 * heaviest functions. Profiling slows every process; compare the two sides, not the seconds
 * with bench:scale's.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { start } from "../../emulator";
import { assertCliInstalled } from "../../scripts/local-pulumi";
import type { PulumiProject } from "../../test/e2e/pulumi-project";
import { benchProject } from "../scale/bench-project";
import { systemProperties } from "../scale/bench-resources";
import { barePluginBenchProject, pluginBenchProject } from "../scale/plugin-project";
import { timed } from "../scale/process-sampler";
import { floorProgram, providerProgram } from "../scale/programs";
import { summarizeDirectory, top, type ProfileSummary } from "./cpuprofile";

const operations = {
  "no-op up": ["up", "--yes", "--skip-preview", "--non-interactive", "--parallel", "8"],
  "preview --refresh": ["preview", "--refresh", "--non-interactive", "--parallel", "8"],
} as const;

/**
 * The engine stops the dynamic-provider host with a signal, and a process ended by a signal
 * writes no profile: this preload turns SIGINT and SIGTERM into a normal exit, which does.
 */
const exitOnSignal = `"use strict";\nfor (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));\n`;

async function profiled(project: PulumiProject, args: readonly string[], dir: string): Promise<{ seconds: number; roles: Record<string, ProfileSummary> }> {
  fs.mkdirSync(dir, { recursive: true });
  const preload = path.join(dir, "..", "exit-on-signal.js");
  fs.writeFileSync(preload, exitOnSignal);
  project.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${dir} --require ${preload}`;
  try {
    const { seconds } = await timed(project, args);
    return { seconds, roles: summarizeDirectory(dir) };
  } finally {
    delete project.env.NODE_OPTIONS;
  }
}

const ms = (value: number | undefined): string => ((value ?? 0) / 1000).toFixed(2);

function report(operation: string, ours: Record<string, ProfileSummary>, floor: Record<string, ProfileSummary>, roles: readonly string[]): string {
  const lines: string[] = [];
  for (const role of roles) {
    const a = ours[role]!;
    const b = floor[role]!;
    lines.push(`\n### ${operation}: ${role} process, ${ms(a.totalMs)} s sampled vs floor ${ms(b.totalMs)} s\n`, "| area | ours (s) | floor (s) | difference (s) |", "|---|---|---|---|");
    const areas = new Set([...top(a.byArea, 12).map(([k]) => k), ...top(b.byArea, 12).map(([k]) => k)]);
    for (const area of [...areas].sort((x, y) => (a.byArea[y] ?? 0) - (b.byArea[y] ?? 0) - ((a.byArea[x] ?? 0) - (b.byArea[x] ?? 0)))) {
      lines.push(`| ${area} | ${ms(a.byArea[area])} | ${ms(b.byArea[area])} | ${ms((a.byArea[area] ?? 0) - (b.byArea[area] ?? 0))} |`);
    }
    lines.push("", "Heaviest functions (self time), our run:", "");
    for (const [name, value] of top(a.byFunction, 12)) lines.push(`- ${ms(value)} s ${name} (floor ${ms(b.byFunction[name])} s)`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  assertCliInstalled();
  const index = process.argv.indexOf("--size");
  const size = index >= 0 ? Number(process.argv[index + 1]) : 500;
  if (!Number.isInteger(size) || size < 20) throw new Error("--size takes an integer of at least 20, e.g. 500");
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "snow-profile-"));
  const emulator = await start({ quiet: true, faults: { latencyMs: 50 } });
  // The plugin's records have the dynamic provider's names in bench:scale's mix; its properties here are its own.
  const pluginEmulator = await start({ quiet: true, faults: { latencyMs: 50 } });
  const projects: PulumiProject[] = [];
  try {
    const made = async (project: Promise<PulumiProject>): Promise<PulumiProject> => {
      const created = await project;
      projects.push(created);
      await created.must(operations["no-op up"]);
      return created;
    };
    const pairs = [
      { name: "dynamic provider", roles: ["program", "provider"], ours: await made(benchProject(providerProgram(size), emulator)), floor: await made(benchProject(floorProgram(size), emulator)) },
      {
        name: "plugin",
        roles: ["plugin"],
        ours: await made(pluginBenchProject(systemProperties(size, "x_profile.p."), pluginEmulator, "pipeline")),
        floor: await made(barePluginBenchProject(systemProperties(size, "x_profile.b."))),
      },
    ];
    console.log(`Profiles of N=${size} in ${root}`);
    for (const pair of pairs) {
      for (const [operation, args] of Object.entries(operations)) {
        const slug = `${pair.name}-${operation}`.replace(/\W+/g, "-");
        const ours = await profiled(pair.ours, args, path.join(root, slug, "ours"));
        const bare = await profiled(pair.floor, args, path.join(root, slug, "floor"));
        console.log(`\n## N=${size} ${operation}, ${pair.name}: ${ours.seconds.toFixed(1)} s vs floor ${bare.seconds.toFixed(1)} s (profiled)`);
        console.log(report(operation, ours.roles, bare.roles, pair.roles));
      }
    }
  } finally {
    for (const project of projects) project.dispose();
    await emulator.stop();
    await pluginEmulator.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
