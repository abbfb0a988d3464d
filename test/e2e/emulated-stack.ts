import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import { snapshot } from "../lifecycle/snapshot";
import type { CommandResult, PulumiProject } from "./pulumi-project";

/** One emulator and one Pulumi stack against it, for a `describe` of real-CLI tests. */
export interface EmulatedStack {
  readonly emulator: RunningEmulator;
  readonly project: PulumiProject;
  /** The instance before anything ran, for "destroy leaves it as it was". */
  readonly initial: ReturnType<typeof snapshot>;
  /** Records what the CLI printed, for the secret scan. */
  keep(result: CommandResult): CommandResult;
  /** Asserts that none of the values appears in anything kept (or in `extra`). */
  assertNoPlaintext(secrets: Readonly<Record<string, string>>, ...extra: string[]): void;
}

/** Starts the emulator and creates the stack in before(); disposes of both in after(). */
export function useEmulatedStack(create: (emulator: RunningEmulator) => Promise<PulumiProject>): EmulatedStack {
  let emulator: RunningEmulator | undefined;
  let project: PulumiProject | undefined;
  let initial: ReturnType<typeof snapshot> | undefined;
  const printed: string[] = [];

  before(async () => {
    emulator = await start({ quiet: true });
    initial = snapshot(emulator);
    project = await create(emulator);
  });
  after(async () => {
    project?.dispose();
    await emulator?.stop();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("use the emulated stack inside a test");
    return value;
  };
  return {
    get emulator() {
      return ready(emulator);
    },
    get project() {
      return ready(project);
    },
    get initial() {
      return ready(initial);
    },
    keep(result) {
      printed.push(result.output);
      return result;
    },
    assertNoPlaintext(secrets, ...extra) {
      const everything = [...printed, ...extra].join("\n");
      for (const [key, value] of Object.entries({ ...secrets, "servicenow:password": ready(emulator).admin.password })) {
        assert.ok(!everything.includes(value), `${key} appears in plaintext`);
      }
    },
  };
}
