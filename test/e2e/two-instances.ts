import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import type { CommandResult, PulumiProject } from "./pulumi-project";

/**
 * Two emulated instances, dev and prod, for the tests that reach both from one program through
 * explicit providers: their stack config (`e2e:devUrl`, `e2e:devPassword`, ...), what each holds
 * of the property the programs write, and the check that neither password leaks.
 */
export class TwoInstances {
  static readonly property = "x_acme.promotion.level";
  private readonly printed: string[] = [];

  private constructor(readonly dev: RunningEmulator, readonly prod: RunningEmulator) {}

  static async start(): Promise<TwoInstances> {
    const [dev, prod] = await Promise.all([start({ quiet: true }), start({ quiet: true })]);
    return new TwoInstances(dev, prod);
  }

  get stackSettings(): { config: Record<string, string>; secrets: Record<string, string> } {
    return {
      config: { "e2e:devUrl": this.dev.url, "e2e:prodUrl": this.prod.url },
      secrets: { "e2e:devPassword": this.dev.admin.password, "e2e:prodPassword": this.prod.admin.password },
    };
  }

  /** Keeps what a command printed, for the check that no password was printed. */
  keep(result: CommandResult): CommandResult {
    this.printed.push(result.output);
    return result;
  }

  values(instance: "dev" | "prod"): unknown[] {
    return this[instance].records("sys_properties", `name=${TwoInstances.property}`).map((record) => record.value);
  }

  async assertPasswordsKeptSecret(project: PulumiProject): Promise<string> {
    const state = await project.exportedState();
    for (const password of [this.dev.admin.password, this.prod.admin.password]) {
      assert.ok(!state.includes(password), "a password is in the state in plaintext");
      assert.ok(!this.printed.join("\n").includes(password), "a password was printed");
    }
    return state;
  }

  async stop(): Promise<void> {
    await Promise.all([this.dev.stop(), this.prod.stop()]);
  }
}
