/**
 * `npm run bench:scale [-- --sizes 100,500]`: the real CLI, file backend, `--parallel 8`, the
 * emulator with 50 ms latency per request (`--latency-ms` for a profile run, printed only), N resources of issue 10's mix, each operation of the
 * provider measured beside the same operation of a bare dynamic provider (Pulumi's floor) in
 * the same run, interleaved, and of the provider plugin (the same resources as a Pulumi YAML
 * program, against an emulator of its own with the same settings). Prints ratios, requests,
 * token requests, the provider process's peak RSS, CPU by process and state bytes per resource;
 * writes bench/results/scale.json, docs/benchmarks.md and docs/benchmarks-scale.svg.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { assertCliInstalled, repoRoot } from "../../scripts/local-pulumi";
import type { PulumiProject } from "../../test/e2e/pulumi-project";
import { benchProject } from "./bench-project";
import { mixedResources } from "./bench-resources";
import { barChart, type Bar } from "./chart";
import { pluginBenchProject } from "./plugin-project";
import { timed, type ProcessProfile } from "./process-sampler";
import { floorProgram, providerProgram } from "./programs";
import { stateSize, type StateSize } from "./state-size";

const operations = {
  up: ["up", "--yes", "--skip-preview", "--non-interactive", "--parallel", "8"],
  "preview --refresh": ["preview", "--refresh", "--non-interactive", "--parallel", "8"],
  "no-op up": ["up", "--yes", "--skip-preview", "--non-interactive", "--parallel", "8"],
  destroy: ["destroy", "--yes", "--skip-preview", "--non-interactive", "--parallel", "8"],
} as const;
type Operation = keyof typeof operations;
const targets: Record<Operation, number> = { up: 1.15, "preview --refresh": 1.5, "no-op up": 1.5, destroy: 1.15 };

/** One side's run of an operation. */
interface SideMeasure {
  readonly seconds: number;
  readonly cpu: ProcessProfile["cpuSeconds"];
  readonly requests: number;
  readonly tokenRequests: number;
}

interface Measured {
  readonly seconds: number;
  readonly floorSeconds: number;
  /** CPU seconds by process role, for the provider's run and the floor's. */
  readonly cpu: ProcessProfile["cpuSeconds"];
  readonly floorCpu: ProcessProfile["cpuSeconds"];
  readonly requests: number;
  readonly tokenRequests: number;
  /** The same operation through the provider plugin (Pulumi YAML). */
  readonly plugin: SideMeasure;
}

interface SizeResult {
  readonly resources: number;
  readonly operations: Record<Operation, Measured>;
  readonly peakRssMb: number;
  readonly pluginPeakRssMb: number;
  readonly state: StateSize;
  readonly floorState: StateSize;
  readonly pluginState: StateSize;
}

/** Table API requests and token requests the emulator saw since its last reset. */
function requestsOf(emulator: RunningEmulator): { requests: number; tokenRequests: number } {
  const stats = emulator.stats();
  const requests = Object.values(stats.byTable).reduce((sum, count) => sum + count, 0);
  return { requests, tokenRequests: stats.requests - requests };
}

async function measureSize(resources: number, latencyMs: number): Promise<SizeResult> {
  const emulator = await start({ quiet: true, faults: { latencyMs } });
  // The plugin's records have the dynamic provider's names: an emulator of its own, same settings.
  const pluginEmulator = await start({ quiet: true, faults: { latencyMs } });
  let provider: PulumiProject | undefined;
  let floor: PulumiProject | undefined;
  let plugin: PulumiProject | undefined;
  try {
    provider = await benchProject(providerProgram(resources), emulator);
    floor = await benchProject(floorProgram(resources), emulator);
    plugin = await pluginBenchProject(mixedResources(resources), pluginEmulator, "packages");
    const results = {} as Record<Operation, Measured>;
    let peakRssMb = 0;
    let pluginPeakRssMb = 0;
    let state: StateSize | undefined;
    let floorState: StateSize | undefined;
    let pluginState: StateSize | undefined;
    for (const [operation, args] of Object.entries(operations) as [Operation, readonly string[]][]) {
      emulator.resetStats();
      const { seconds, profile } = await timed(provider, args);
      peakRssMb = Math.max(peakRssMb, profile.peakProviderRssMb);
      const { requests, tokenRequests } = requestsOf(emulator);
      pluginEmulator.resetStats();
      const { seconds: pluginSeconds, profile: pluginProfile } = await timed(plugin, args);
      pluginPeakRssMb = Math.max(pluginPeakRssMb, pluginProfile.peakProviderRssMb);
      const pluginSide: SideMeasure = { seconds: pluginSeconds, cpu: pluginProfile.cpuSeconds, ...requestsOf(pluginEmulator) };
      const { seconds: floorSeconds, profile: floorProfile } = await timed(floor, args);
      results[operation] = { seconds, floorSeconds, cpu: profile.cpuSeconds, floorCpu: floorProfile.cpuSeconds, requests, tokenRequests, plugin: pluginSide };
      if (operation === "up") {
        state = stateSize(await provider.exportedState());
        floorState = stateSize(await floor.exportedState());
        pluginState = stateSize(await plugin.exportedState());
      }
      console.log(
        `  N=${resources} ${operation}: ${seconds.toFixed(1)} s vs floor ${floorSeconds.toFixed(1)} s (${(seconds / floorSeconds).toFixed(2)}x), ${requests} requests, ${tokenRequests} token requests; ` +
          `plugin ${pluginSeconds.toFixed(1)} s (${(pluginSeconds / seconds).toFixed(2)}x dynamic, ${(pluginSeconds / floorSeconds).toFixed(2)}x floor), ${pluginSide.requests} requests, ${pluginSide.tokenRequests} token requests`,
      );
    }
    return { resources, operations: results, peakRssMb, pluginPeakRssMb, state: state!, floorState: floorState!, pluginState: pluginState! };
  } finally {
    provider?.dispose();
    floor?.dispose();
    plugin?.dispose();
    await emulator.stop();
    await pluginEmulator.stop();
  }
}

function table(results: readonly SizeResult[]): string {
  const lines = ["| N | operation | provider (s) | floor (s) | ratio | target | requests | token requests |", "|---|---|---|---|---|---|---|---|"];
  for (const result of results) {
    for (const [operation, measured] of Object.entries(result.operations) as [Operation, Measured][]) {
      const ratio = measured.seconds / measured.floorSeconds;
      const verdict = result.resources === 500 ? `${ratio <= targets[operation] ? "meets" : "misses"} ≤ ${targets[operation]}` : "(targets at N = 500)";
      lines.push(`| ${result.resources} | ${operation} | ${measured.seconds.toFixed(1)} | ${measured.floorSeconds.toFixed(1)} | ${ratio.toFixed(2)} | ${verdict} | ${measured.requests} | ${measured.tokenRequests} |`);
    }
  }
  lines.push("", "| N | peak RSS of the provider process | state file | SystemProperty entry (inputs+outputs) | OAuthProvider entry (inputs+outputs) | BasicAuthCredential entry (inputs+outputs) | floor SystemProperty entry |", "|---|---|---|---|---|---|---|");
  for (const r of results) {
    const k = r.state.perKind;
    lines.push(
      `| ${r.resources} | ${r.peakRssMb} MB | ${(r.state.totalBytes / 1e6).toFixed(2)} MB | ${k.SystemProperty?.entry} B (${k.SystemProperty?.inputsAndOutputs} B) | ${k.OAuthProvider?.entry} B (${k.OAuthProvider?.inputsAndOutputs} B) | ${k.BasicAuthCredential?.entry} B (${k.BasicAuthCredential?.inputsAndOutputs} B) | ${r.floorState.perKind.SystemProperty?.entry} B |`,
    );
  }
  lines.push(
    "",
    "Where the time goes: CPU seconds of each process role during the operation, provider / floor (engine: the `pulumi` binary, which also rewrites the state file after every step; program: language host and Node program; provider: the dynamic-provider host; emulator: the benchmark's own process, serving requests).",
    "",
    "| N | operation | wall (s) | engine CPU (s) | program CPU (s) | provider CPU (s) | emulator CPU (s) |",
    "|---|---|---|---|---|---|---|",
  );
  for (const result of results) {
    for (const [operation, m] of Object.entries(result.operations) as [Operation, Measured][]) {
      const pair = (role: keyof Measured["cpu"]) => `${m.cpu[role].toFixed(1)} / ${m.floorCpu[role].toFixed(1)}`;
      lines.push(`| ${result.resources} | ${operation} | ${m.seconds.toFixed(1)} / ${m.floorSeconds.toFixed(1)} | ${pair("engine")} | ${pair("program")} | ${pair("provider")} | ${pair("emulator")} |`);
    }
  }
  lines.push("", pluginTable(results));
  return lines.join("\n");
}

const perResource = (state: StateSize, resources: number): string => `${Math.round(state.totalBytes / resources)} B`;

/** The provider plugin (a Pulumi YAML program) beside the dynamic provider and the floor of the same run. */
function pluginTable(results: readonly SizeResult[]): string {
  const lines = [
    "The provider plugin: the same resources as a Pulumi YAML program through `pulumi-resource-servicenow` (its own emulator, same settings), measured in the same run, interleaved between the dynamic provider and the floor.",
    "",
    "| N | operation | plugin (s) | dynamic (s) | floor (s) | plugin / dynamic | plugin / floor | requests (plugin / dynamic) | token requests (plugin / dynamic) |",
    "|---|---|---|---|---|---|---|---|---|",
  ];
  for (const result of results) {
    for (const [operation, m] of Object.entries(result.operations) as [Operation, Measured][]) {
      lines.push(
        `| ${result.resources} | ${operation} | ${m.plugin.seconds.toFixed(1)} | ${m.seconds.toFixed(1)} | ${m.floorSeconds.toFixed(1)} | ${(m.plugin.seconds / m.seconds).toFixed(2)} | ${(m.plugin.seconds / m.floorSeconds).toFixed(2)} | ${m.plugin.requests} / ${m.requests} | ${m.plugin.tokenRequests} / ${m.tokenRequests} |`,
      );
    }
  }
  lines.push(
    "",
    "| N | peak RSS of the plugin process | plugin state file | state bytes per resource (plugin / dynamic / floor) | plugin SystemProperty entry (inputs+outputs) | plugin OAuthProvider entry (inputs+outputs) | plugin BasicAuthCredential entry (inputs+outputs) |",
    "|---|---|---|---|---|---|---|",
  );
  for (const r of results) {
    const k = r.pluginState.perKind;
    lines.push(
      `| ${r.resources} | ${r.pluginPeakRssMb} MB | ${(r.pluginState.totalBytes / 1e6).toFixed(2)} MB | ${perResource(r.pluginState, r.resources)} / ${perResource(r.state, r.resources)} / ${perResource(r.floorState, r.resources)} | ${k.SystemProperty?.entry} B (${k.SystemProperty?.inputsAndOutputs} B) | ${k.OAuthProvider?.entry} B (${k.OAuthProvider?.inputsAndOutputs} B) | ${k.BasicAuthCredential?.entry} B (${k.BasicAuthCredential?.inputsAndOutputs} B) |`,
    );
  }
  lines.push(
    "",
    "CPU seconds by process role, plugin run (engine: `pulumi`; program: the Pulumi YAML language host; provider: the plugin process; emulator: the benchmark's process), beside the dynamic provider's run:",
    "",
    "| N | operation | wall (s), plugin / dynamic | engine CPU (s) | program CPU (s) | provider CPU (s) | emulator CPU (s) |",
    "|---|---|---|---|---|---|---|",
  );
  for (const result of results) {
    for (const [operation, m] of Object.entries(result.operations) as [Operation, Measured][]) {
      const pair = (role: keyof Measured["cpu"]) => `${m.plugin.cpu[role].toFixed(1)} / ${m.cpu[role].toFixed(1)}`;
      lines.push(`| ${result.resources} | ${operation} | ${m.plugin.seconds.toFixed(1)} / ${m.seconds.toFixed(1)} | ${pair("engine")} | ${pair("program")} | ${pair("provider")} | ${pair("emulator")} |`);
    }
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  assertCliInstalled();
  const index = process.argv.indexOf("--sizes");
  const sizes = (index >= 0 ? process.argv[index + 1]! : "100,500").split(",").map(Number);
  const latencyIndex = process.argv.indexOf("--latency-ms");
  const latencyMs = latencyIndex >= 0 ? Number(process.argv[latencyIndex + 1]) : 50;
  if (!Number.isInteger(latencyMs) || latencyMs < 0) throw new Error("--latency-ms takes an integer of at least 0, e.g. 50");
  if (sizes.some((size) => !Number.isInteger(size) || size < 20)) throw new Error("--sizes takes a comma-separated list of integers of at least 20, e.g. 100,500");
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measureSize(size, latencyMs));
  const markdown = table(results);
  console.log(`\n${markdown}`);
  const command = `npm run bench:scale -- --sizes ${sizes.join(",")}${latencyMs === 50 ? "" : ` --latency-ms ${latencyMs}`}`;
  if (latencyMs !== 50) return; // a profile run: printed, not recorded as the benchmark
  fs.mkdirSync(path.join(repoRoot, "bench", "results"), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, "bench", "results", "scale.json"), `${JSON.stringify({ command, date: new Date().toISOString(), results }, null, 2)}\n`);
  const bars: Bar[] = results.flatMap((r) => (Object.entries(r.operations) as [Operation, Measured][]).map(([op, m]) => ({ label: `${op.replace("preview --refresh", "preview -r")} ${r.resources}`, provider: m.seconds, floor: m.floorSeconds })));
  fs.writeFileSync(path.join(repoRoot, "docs", "benchmarks-scale.svg"), barChart("pulumi-servicenow-spokes vs a bare dynamic provider (50 ms per request, --parallel 8)", bars));
  const doc = path.join(repoRoot, "docs", "benchmarks.md");
  const text = fs.existsSync(doc) ? fs.readFileSync(doc, "utf8") : "# Benchmarks\n";
  const marker = "## Scale";
  const section = `${marker}\n\n\`${command}\`, ${new Date().toISOString().slice(0, 10)}, on this project's 2-core machine: the real CLI 3.259, file backend, \`--parallel 8\`, the emulator with 50 ms per request, OAuth (password grant) sign-in, 90% \`SystemProperty\`, 5% \`OAuthProvider\` with one scope, 5% \`BasicAuthCredential\`. The floor is a bare dynamic provider (a module's exports, no request) with the same resources and inputs, measured in the same run, interleaved; the plugin runs the same resources as a Pulumi YAML program (tables after the dynamic provider's).\n\n![provider vs floor](benchmarks-scale.svg)\n\n${markdown}\n`;
  const next = text.includes(marker) ? text.slice(0, text.indexOf(marker)) + section : `${text.trimEnd()}\n\n${section}`;
  fs.writeFileSync(doc, next);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
