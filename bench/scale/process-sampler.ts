import * as fs from "node:fs";
import type { PulumiProject } from "../../test/e2e/pulumi-project";

/**
 * Samples the processes this benchmark started (descendants of this process only, so that
 * anything else running on the machine is not counted): CPU seconds by role, and the peak
 * resident memory of the provider process (dynamic-provider host or plugin). CPU per role is where a run's time goes
 * when it is CPU-bound: the engine (the `pulumi` binary, which also writes the state file
 * after every step), the program (language host and the Node program, or the Pulumi YAML
 * language host), the provider (Pulumi's dynamic-provider host running our code, or the plugin
 * `pulumi-resource-servicenow`, or the benchmark's bare plugin), and this process (the emulator).
 */
export type Role = "engine" | "program" | "provider";
export interface ProcessProfile {
  readonly cpuSeconds: Record<Role | "emulator", number>;
  readonly peakProviderRssMb: number;
}

const ticksPerSecond = 100; // USER_HZ on Linux

function roleOf(cmdline: string[]): Role | undefined {
  const joined = cmdline.join(" ");
  if (joined.includes("dynamic-provider") || joined.includes("pulumi-resource-")) return "provider";
  if (joined.includes("pulumi-language-nodejs") || joined.includes("pulumi-language-yaml") || joined.includes("@pulumi/pulumi/cmd/run") || joined.includes("ts-node")) return "program";
  if (/(^|\/)pulumi$/.test(cmdline[0] ?? "")) return "engine";
  return undefined;
}

interface ProcStat {
  readonly ppid: number;
  readonly ticks: number;
}

function statOf(pid: string): ProcStat | undefined {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // the process ended between the listing and the read
  }
}

/** Sampled every `intervalMs`, for the provider's run and the floor's alike (the sampling costs both the same). */
function cmdlineOf(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
  } catch {
    return [];
  }
}

export function sampleProcesses(intervalMs = 100): { stop(): ProcessProfile } {
  const lastTicks = new Map<number, { role: Role; ticks: number }>();
  const roles = new Map<number, Role | undefined>();
  let peakRssKb = 0;
  const ownCpuAtStart = process.cpuUsage();

  const sample = (): void => {
    const stats = new Map<number, ProcStat>();
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = statOf(entry);
      if (stat) stats.set(Number(entry), stat);
    }
    const descends = (pid: number): boolean => {
      for (let current = stats.get(pid)?.ppid, hops = 0; current !== undefined && current > 1 && hops < 32; current = stats.get(current)?.ppid, hops++) {
        if (current === process.pid) return true;
      }
      return false;
    };
    for (const [pid, stat] of stats) {
      if (!descends(pid)) continue;
      if (!roles.has(pid)) roles.set(pid, roleOf(cmdlineOf(pid)));
      const role = roles.get(pid);
      if (role === undefined) continue;
      lastTicks.set(pid, { role, ticks: stat.ticks });
      if (role === "provider") {
        try {
          const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
          if (rss) peakRssKb = Math.max(peakRssKb, Number(rss[1]));
        } catch {
          // ended
        }
      }
    }
  };
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      const own = process.cpuUsage(ownCpuAtStart);
      const cpuSeconds = { engine: 0, program: 0, provider: 0, emulator: (own.user + own.system) / 1e6 };
      for (const { role, ticks } of lastTicks.values()) cpuSeconds[role] += ticks / ticksPerSecond;
      return { cpuSeconds, peakProviderRssMb: Math.round(peakRssKb / 1024) };
    },
  };
}

/** Runs one `pulumi` command that must succeed, timed (wall seconds) and profiled by process role. */
export async function timed(project: PulumiProject, args: readonly string[]): Promise<{ seconds: number; profile: ProcessProfile }> {
  const sampler = sampleProcesses();
  const started = process.hrtime.bigint();
  await project.must(args);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, profile: sampler.stop() };
}

/**
 * CPU seconds (user + system) of every finished child process tree this process has waited for
 * (Linux `cutime` + `cstime`): taken before and after a command, the difference is all the CPU
 * that command's processes used, whatever they are (for the peer's `tofu` and its plugins as for
 * `pulumi` and its), apart from this process's own (the emulator's).
 */
export function reapedChildrenCpuSeconds(): number {
  const text = fs.readFileSync("/proc/self/stat", "utf8");
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[13]) + Number(fields[14])) / ticksPerSecond;
}
