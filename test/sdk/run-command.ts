import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

/** PATH with Go's default install folder, where scripts/sdk-gen.sh also looks. */
export const pathWithGo = [process.env.PATH ?? "", "/usr/local/go/bin"].filter(Boolean).join(delimiter);

/**
 * Fails, never skips, when `command` is not on PATH: the checks that need it are the only
 * proof that the generated SDKs build, so a machine without it must show up as a failure.
 */
export function requireCommand(command: string, why: string): void {
  const found = pathWithGo.split(delimiter).some((folder) => folder && existsSync(join(folder, command)));
  if (!found) throw new Error(`${command} is not installed (searched PATH and /usr/local/go/bin); it is needed to ${why}`);
}

/** Runs a command; on failure the error carries its output, so a compile error is readable. */
export async function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<string> {
  try {
    const { stdout } = await execFileAsync(command, args, { cwd, env: { ...process.env, PATH: pathWithGo, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${failed.stdout ?? ""}${failed.stderr || failed.message}`);
  }
}
