import * as fs from "node:fs";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { PulumiProject, type CommandResult } from "../../test/e2e/pulumi-project";
import { yamlProject } from "../../test/e2e/yaml-program";
import { chaosProgram, chaosSecrets, chaosYamlProgram, type Variant } from "./chaos-program";
import type { FaultPlan, RequestBudget } from "./fault-plans";
import { contents, duplicates, orphans, plaintextSecrets, sysIdsOf } from "./instance-check";

export interface RunResult {
  readonly plan: FaultPlan;
  /** The instance holds exactly what the program says after the documented recovery, and destroy gives everything back. */
  readonly converged: boolean;
  readonly duplicates: readonly string[];
  readonly orphans: readonly string[];
  /** Secrets seen in plaintext in state, CLI output or error text. */
  readonly leakedSecrets: readonly string[];
  /** Why the run did not converge. */
  readonly problem?: string;
  readonly seconds: number;
}

const baseFaults = { latencyMs: 10 };

/**
 * The documented recovery after an interrupted or failed run (README, "When a run is
 * interrupted"): `pulumi cancel --yes` for the lock a killed process leaves, then the same
 * command again. Nothing else, ever: a run that needs more counts as a manual step.
 */
export async function recover(project: PulumiProject, command: "up" | "destroy"): Promise<CommandResult[]> {
  const cancel = await project.run(["cancel", "--yes", "--non-interactive"]);
  const again = await project.run([command, "--yes", "--non-interactive", "--skip-preview"]);
  return [cancel, again];
}

/**
 * What the campaign deploys through: the dynamic provider (a JavaScript program) or the
 * provider plugin (a Pulumi YAML program in the pipeline layout of test/e2e/yaml-program.ts).
 */
export type ChaosMode = "dynamic" | "plugin";

/** The chaos program's project in a mode, signed in to the emulator, variant `a`. */
async function chaosProject(mode: ChaosMode, emulator: RunningEmulator, env: Readonly<Record<string, string>>): Promise<PulumiProject> {
  const config = { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username, "servicenow:maxRetries": "4" };
  const secrets = { "servicenow:password": emulator.admin.password, ...chaosSecrets };
  if (mode === "plugin") return yamlProject(chaosYamlProgram("a"), { name: "chaos", layout: "pipeline", env, config, secrets });
  const project = await PulumiProject.create({ program: "", env, config, secrets });
  // Plain JavaScript: no TypeScript compile in any run.
  fs.rmSync(path.join(project.dir, "index.ts"));
  fs.writeFileSync(path.join(project.dir, "index.js"), chaosProgram("a"));
  fs.writeFileSync(path.join(project.dir, "package.json"), JSON.stringify({ name: "chaos", main: "index.js" }));
  return project;
}

/** Switches the program to a variant: the program is rewritten, as a commit would change it. */
function useVariant(mode: ChaosMode, project: PulumiProject, variant: Variant): void {
  if (mode === "plugin") fs.writeFileSync(path.join(project.dir, "Main.yaml"), chaosYamlProgram(variant));
  else fs.writeFileSync(path.join(project.dir, "index.js"), chaosProgram(variant));
}

/** One emulator and one stack, reused run after run; each run starts from the empty stack. */
export class ChaosWorker {
  private constructor(
    private readonly mode: ChaosMode,
    private readonly emulator: RunningEmulator,
    private readonly project: PulumiProject,
    private readonly initial: readonly string[],
    private readonly initialIds: ReadonlySet<string>,
    private readonly expected: { readonly a: readonly string[]; readonly b: readonly string[] },
    readonly budget: RequestBudget,
  ) {}

  /**
   * Starts the instance and measures a clean run of each command: the expected contents and
   * request counts. `env` is added to every `pulumi` command of this worker (e.g. the
   * checkpoint-skipping settings), recoveries included.
   */
  static async start(env: Readonly<Record<string, string>> = {}, mode: ChaosMode = "dynamic"): Promise<ChaosWorker> {
    const emulator = await start({ quiet: true, faults: baseFaults });
    const project = await chaosProject(mode, emulator, env);
    const initial = contents(emulator);
    const initialIds = sysIdsOf(emulator);
    const measured = async (args: string[]): Promise<number> => {
      emulator.resetStats();
      await project.must(args);
      return emulator.stats().requests;
    };
    const up = await measured(["up", "--yes", "--non-interactive", "--skip-preview"]);
    const a = contents(emulator);
    useVariant(mode, project, "b");
    const update = await measured(["up", "--yes", "--non-interactive", "--skip-preview"]);
    const b = contents(emulator);
    useVariant(mode, project, "a");
    await project.up();
    const destroy = await measured(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
    if (JSON.stringify(contents(emulator)) !== JSON.stringify(initial)) throw new Error("a clean destroy did not leave the instance as it was");
    return new ChaosWorker(mode, emulator, project, initial, initialIds, { a, b }, { up, update, destroy });
  }

  async run(plan: FaultPlan): Promise<RunResult> {
    const started = Date.now();
    const printed: string[] = [];
    const keep = (result: CommandResult): CommandResult => (printed.push(result.output), result);
    let problem: string | undefined;
    let found = { duplicates: [] as string[], orphans: [] as string[] };
    try {
      if (plan.command !== "up") keep(await this.project.up());
      if (plan.command === "update") useVariant(this.mode, this.project, "b");
      keep(await this.attempt(plan));
      this.emulator.setFaults(baseFaults);
      for (const result of await recover(this.project, plan.command === "destroy" ? "destroy" : "up")) keep(result);
      const state = await this.project.exportedState();
      printed.push(state);
      found = { duplicates: duplicates(this.emulator), orphans: orphans(this.emulator, this.initialIds, state) };
      const wanted = plan.command === "destroy" ? this.initial : plan.command === "update" ? this.expected.b : this.expected.a;
      problem = differences(wanted, contents(this.emulator), "after the recovery");
      if (plan.command === "update") useVariant(this.mode, this.project, "a");
      if (plan.command !== "destroy") {
        keep(await this.project.destroy());
        problem ??= differences(this.initial, contents(this.emulator), "after destroy (adopted property given back?)");
      }
    } catch (error) {
      problem = error instanceof Error ? error.message.split("\n").slice(0, 6).join(" ") : String(error);
      await this.reset();
    }
    const leakedSecrets = plaintextSecrets(chaosSecrets, ...printed, problem ?? "");
    const converged = problem === undefined && found.duplicates.length === 0 && found.orphans.length === 0 && leakedSecrets.length === 0;
    return { plan, converged, ...found, leakedSecrets, ...(problem ? { problem } : {}), seconds: (Date.now() - started) / 1000 };
  }

  async stop(): Promise<void> {
    this.project.dispose();
    await this.emulator.stop();
  }

  private async attempt(plan: FaultPlan): Promise<CommandResult> {
    const args = [plan.command === "destroy" ? "destroy" : "up", "--yes", "--non-interactive", "--skip-preview"];
    this.emulator.setFaults({ ...baseFaults, ...plan.faults });
    this.emulator.resetStats();
    if (plan.killAt === undefined) return this.project.run(args);
    return this.project.runUntil(args, () => this.emulator.stats().requests >= plan.killAt!, plan.signal ?? "SIGKILL");
  }

  /** After a run that did not converge: a clean slate for the next one (counted already). */
  private async reset(): Promise<void> {
    this.emulator.setFaults(baseFaults);
    await this.project.run(["cancel", "--yes", "--non-interactive"]);
    useVariant(this.mode, this.project, "a");
    await this.project.run(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
  }
}

function differences(wanted: readonly string[], actual: readonly string[], when: string): string | undefined {
  const missing = wanted.filter((line) => !actual.includes(line));
  const extra = actual.filter((line) => !wanted.includes(line));
  if (missing.length === 0 && extra.length === 0) return undefined;
  return `${when}: missing ${JSON.stringify(missing.slice(0, 2))}${missing.length > 2 ? ` (+${missing.length - 2})` : ""}; unexpected ${JSON.stringify(extra.slice(0, 2))}${extra.length > 2 ? ` (+${extra.length - 2})` : ""}`;
}
