import * as fs from "node:fs";
import * as path from "node:path";
import type { RunningEmulator } from "../../emulator";
import { PulumiProject } from "../../test/e2e/pulumi-project";
import { bareProvider } from "./programs";
import { oauthSignIn } from "./sign-in";

/**
 * A throwaway project for one benchmark program, signed in with OAuth (password grant, so the
 * token count is measured). Its node_modules is a real folder: links to the repository's
 * packages (this package there is a real folder too, as npm installs it) and the bare
 * provider as a package of its own, so both providers serialize as users' would. `env` is
 * added to every command (e.g. the checkpoint-skipping settings).
 */
export async function benchProject(program: string, emulator: RunningEmulator, env: Readonly<Record<string, string>> = {}): Promise<PulumiProject> {
  const project = await PulumiProject.create({ program: "", env, ...oauthSignIn(emulator) });
  const modules = path.join(project.dir, "node_modules");
  const shared = fs.realpathSync(modules);
  fs.unlinkSync(modules); // the project's link to the repository's node_modules
  fs.mkdirSync(modules);
  for (const entry of fs.readdirSync(shared)) fs.symlinkSync(path.join(shared, entry), path.join(modules, entry));
  fs.mkdirSync(path.join(modules, "bare-provider"));
  fs.writeFileSync(path.join(modules, "bare-provider", "package.json"), JSON.stringify({ name: "bare-provider", version: "1.0.0", main: "index.js" }));
  fs.writeFileSync(path.join(modules, "bare-provider", "index.js"), bareProvider);
  fs.rmSync(path.join(project.dir, "index.ts"));
  fs.writeFileSync(path.join(project.dir, "index.js"), program);
  fs.writeFileSync(path.join(project.dir, "package.json"), JSON.stringify({ name: "bench", main: "index.js" }));
  return project;
}
