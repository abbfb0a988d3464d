import { start, type EmulatorOptions, type RunningEmulator } from "../../emulator";
import { PulumiProject } from "./pulumi-project";

export { writesTo } from "../helpers/emulator";

/** A program body with the imports every test program needs. */
export const withImports = (program: string): string => `import * as pulumi from "@pulumi/pulumi";\nimport * as snow from "pulumi-servicenow-spokes";\n${program}`;

/**
 * Mocha helper for real-CLI tests that each need their own instance: `setUp` starts an emulator
 * and a stack of the program (signed in as admin, or as `account`), and afterEach disposes of both.
 */
export function useFreshStackPerTest() {
  let emulator: RunningEmulator | undefined;
  let project: PulumiProject | undefined;

  afterEach(async () => {
    project?.dispose();
    await emulator?.stop();
    project = undefined;
    emulator = undefined;
  });

  return {
    async setUp(program: string, options: EmulatorOptions = {}, account?: (e: RunningEmulator) => { username: string; password: string }) {
      emulator = await start({ quiet: true, ...options });
      const user = account ? account(emulator) : emulator.admin;
      project = await PulumiProject.create({
        program: withImports(program),
        config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": user.username },
        secrets: { "servicenow:password": user.password },
      });
      emulator.resetStats();
      return { emulator, project };
    },
  };
}
