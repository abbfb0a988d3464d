import { ChaosWorker, type ChaosMode, type RunResult } from "./chaos-worker";
import { planFor, type FaultPlan } from "./fault-plans";
import { Random } from "./random";

export interface CampaignOptions {
  readonly runs: number;
  readonly seed: number;
  /** Workers side by side, each with its own instance and stack. */
  readonly jobs: number;
  /** Environment added to every `pulumi` command (e.g. `checkpointSkippingEnv`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Through the dynamic provider (the default) or the provider plugin. */
  readonly mode?: ChaosMode;
  readonly onResult?: (result: RunResult, done: number) => void;
}

/**
 * The settings recommended for pipelines (README, "Pipelines"): the engine writes no
 * checkpoint after each step, only the final state. A killed run then leaves no partial state;
 * the next run finishes it (owned sys_ids make that safe, and this campaign checks it).
 */
export const checkpointSkippingEnv: Readonly<Record<string, string>> = { PULUMI_EXPERIMENTAL: "1", PULUMI_SKIP_CHECKPOINTS: "true" };

/** Runs `runs` fault plans from one seed over `jobs` workers; the same seed, the same plans. */
export async function runCampaign(options: CampaignOptions): Promise<RunResult[]> {
  const workers = await Promise.all(Array.from({ length: options.jobs }, () => ChaosWorker.start(options.env, options.mode)));
  const random = new Random(options.seed);
  const plans: FaultPlan[] = Array.from({ length: options.runs }, (_, run) => planFor(run, random, workers[0]!.budget));
  const results: RunResult[] = [];
  let next = 0;
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < plans.length) {
          const result = await worker.run(plans[next++]!);
          results.push(result);
          options.onResult?.(result, results.length);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  return results.sort((a, b) => a.plan.run - b.plan.run);
}
