import { execFile, execFileSync, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { assertCliInstalled, localPulumiEnv, pulumiLauncher, repoRoot } from "../../scripts/local-pulumi";

export { repoRoot };

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout and stderr together, for assertions on what a user would see. */
  readonly output: string;
}

export interface ProjectOptions {
  /** The program's index.ts source. It may import `pulumi-servicenow-spokes`. Required without `fromDirectory`. */
  readonly program?: string;
  /**
   * A project folder (e.g. `examples/sumtotal`) to copy instead of the generated project: its
   * index.ts, package.json, tsconfig.json, Pulumi.yaml and Pulumi.<stack>.yaml files.
   */
  readonly fromDirectory?: string;
  /** The stack to create. Default `test`. */
  readonly stack?: string;
  /** Stack configuration in plain text, e.g. `{"servicenow:instanceUrl": url}`. */
  readonly config?: Readonly<Record<string, string>>;
  /** Stack configuration stored as secrets (encrypted with the passphrase provider). */
  readonly secrets?: Readonly<Record<string, string>>;
  /** Extra environment for every command (e.g. SERVICENOW_* variables). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * A throwaway Pulumi project and stack driven through the real `pulumi` CLI: a temporary
 * folder, a local file backend, the passphrase secrets provider, no update check and no
 * plugin downloads, so nothing waits on the internet. The program resolves this package (a real
 * folder in the repository's node_modules, as npm installs it: scripts/install-self.js) and
 * @pulumi/pulumi through a link to the repository's node_modules.
 */
export class PulumiProject {
  private constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(options: ProjectOptions): Promise<PulumiProject> {
    assertCliInstalled();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snow-e2e-"));
    fs.mkdirSync(path.join(dir, "state"));
    fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(dir, "node_modules"), "dir");
    if (options.fromDirectory !== undefined) {
      const copied = /^(index\.ts|package\.json|tsconfig\.json|Main\.yaml|Pulumi(\.[\w-]+)?\.yaml)$/;
      for (const file of fs.readdirSync(options.fromDirectory)) {
        if (copied.test(file)) fs.copyFileSync(path.join(options.fromDirectory, file), path.join(dir, file));
      }
    } else {
      if (options.program === undefined) throw new Error("PulumiProject.create needs `program` or `fromDirectory`");
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: e2e\nruntime: nodejs\ndescription: end-to-end test\n");
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "e2e", main: "index.ts" }));
      fs.writeFileSync(
        path.join(dir, "tsconfig.json"),
        JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "commonjs", esModuleInterop: true } }),
      );
      fs.writeFileSync(path.join(dir, "index.ts"), options.program);
    }

    const env = localPulumiEnv(path.join(dir, "state"), "e2e-passphrase", options.env);
    const project = new PulumiProject(dir, env);
    await project.must(["stack", "init", options.stack ?? "test", "--non-interactive"]);
    const settings: string[] = [];
    for (const [key, value] of Object.entries(options.config ?? {})) settings.push("--plaintext", `${key}=${value}`);
    for (const [key, value] of Object.entries(options.secrets ?? {})) settings.push("--secret", `${key}=${value}`);
    if (settings.length > 0) await project.must(["config", "set-all", ...settings]);
    return project;
  }

  /** Replaces the program (for update and replacement scenarios). */
  setProgram(source: string): void {
    fs.writeFileSync(path.join(this.dir, "index.ts"), source);
  }

  /** Runs `pulumi <args>` in the project; resolves with the exit code, never rejects on failure. */
  run(args: readonly string[]): Promise<CommandResult> {
    return new Promise((resolve, reject) => {
      execFile(
        pulumiLauncher,
        [...args],
        { cwd: this.dir, env: this.env, maxBuffer: 64 * 1024 * 1024, timeout: 5 * 60_000 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== "number") return reject(error);
          const code = error ? (error.code as number) : 0;
          resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}` });
        },
      );
    });
  }

  /**
   * Starts `pulumi <args>` and, once `until()` holds, kills it with `signal`, as a cancelled
   * CI job or a Ctrl-C does. With SIGKILL the CLI's plugins die with it, as when a runner
   * kills a job; SIGINT goes to the CLI alone, which then stops on its own terms.
   */
  async runUntil(args: readonly string[], until: () => boolean, signal: NodeJS.Signals, timeoutMs = 120_000): Promise<CommandResult> {
    const child = spawn(pulumiLauncher, [...args], { cwd: this.dir, env: this.env, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? -1)));
    let done = false;
    void exited.then(() => (done = true));
    const deadline = Date.now() + timeoutMs;
    while (!done && !until() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    if (!done) {
      const plugins = signal === "SIGKILL" ? descendantsOf(child.pid!) : [];
      process.kill(-child.pid!, signal);
      for (const pid of plugins) killQuietly(pid);
    }
    const code = await exited;
    return { code, stdout, stderr, output: `${stdout}\n${stderr}` };
  }

  /** Runs a command that must succeed; the error shows what Pulumi printed. */
  async must(args: readonly string[]): Promise<CommandResult> {
    const result = await this.run(args);
    if (result.code !== 0) {
      throw new Error(`pulumi ${args.join(" ")} exited ${result.code}:\n${result.output}`);
    }
    return result;
  }

  up(...extra: string[]): Promise<CommandResult> {
    return this.must(["up", "--yes", "--non-interactive", "--skip-preview", ...extra]);
  }

  preview(...extra: string[]): Promise<CommandResult> {
    return this.run(["preview", "--non-interactive", "--diff", ...extra]);
  }

  destroy(): Promise<CommandResult> {
    return this.must(["destroy", "--yes", "--non-interactive", "--skip-preview"]);
  }

  async outputs(): Promise<Record<string, unknown>> {
    return JSON.parse((await this.must(["stack", "output", "--json"])).stdout);
  }

  /** The stack's state as `pulumi stack export` writes it (secrets stay encrypted). */
  async exportedState(): Promise<string> {
    return (await this.must(["stack", "export"])).stdout;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function descendantsOf(pid: number): number[] {
  const table = execFileSync("ps", ["-e", "-o", "pid=,ppid="], { encoding: "utf8" })
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const children = table.filter(([, parent]) => parent === pid).map(([child]) => child);
  return children.flatMap((child) => [child, ...descendantsOf(child)]);
}

function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}
