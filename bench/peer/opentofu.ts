/**
 * The peer's side of `npm run bench:peer`: an OpenTofu working directory with N
 * `servicenow_system_property` resources of tylerhatton/terraform-provider-servicenow, pointed at
 * the JSONv2 shim in front of an emulator. OpenTofu comes from scripts/install-opentofu.sh (or
 * OPENTOFU_BIN); the provider is a binary the user supplies (this repository neither ships nor
 * builds it): `--peer-provider <path>` or SERVICENOW_TF_PROVIDER. The bench writes a CLI
 * configuration whose only provider source is a filesystem mirror holding that binary, so
 * `tofu init` reaches no registry.
 */
import { execFile, execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { repoRoot } from "../../scripts/local-pulumi";

export const peerProviderVersion = "0.11.0";
const providerAddress = "registry.opentofu.org/tylerhatton/servicenow";

/** The tofu binary: OPENTOFU_BIN, or the one scripts/install-opentofu.sh builds (a no-op when built). */
export function tofuBinary(): string {
  const given = process.env.OPENTOFU_BIN;
  if (given !== undefined && given !== "") {
    if (!isExecutable(given)) throw new Error(`OPENTOFU_BIN=${given} is not an executable file`);
    return given;
  }
  const printed = execFileSync("bash", [path.join(repoRoot, "scripts", "install-opentofu.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const bin = printed.trim().split("\n").pop() ?? "";
  if (!isExecutable(bin)) throw new Error(`scripts/install-opentofu.sh printed no executable tofu path (got ${JSON.stringify(bin)})`);
  return bin;
}

/** The peer provider's binary, from `--peer-provider <path>` or SERVICENOW_TF_PROVIDER; missing fails loudly. */
export function peerProviderBinary(argv: readonly string[]): string {
  const index = argv.indexOf("--peer-provider");
  const given = index >= 0 ? argv[index + 1] : process.env.SERVICENOW_TF_PROVIDER;
  if (given === undefined || given === "") {
    throw new Error(
      `bench:peer needs the binary of the Terraform provider tylerhatton/terraform-provider-servicenow v${peerProviderVersion} ` +
        "(this repository neither ships nor builds it). Pass its path: `npm run bench:peer -- --peer-provider /path/to/terraform-provider-servicenow` " +
        "or set SERVICENOW_TF_PROVIDER.",
    );
  }
  const resolved = path.resolve(given);
  if (!isExecutable(resolved)) throw new Error(`The peer provider binary ${resolved} (from --peer-provider or SERVICENOW_TF_PROVIDER) does not exist or is not executable`);
  return resolved;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export interface TofuTarget {
  /** The shim's https URL. */
  readonly url: string;
  /** Its self-signed certificate, trusted through SSL_CERT_FILE. */
  readonly certFile: string;
  readonly username: string;
  readonly password: string;
}

/** A throwaway OpenTofu working directory, local state. */
export class TofuProject {
  private constructor(
    readonly dir: string,
    private readonly tofu: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  static async create(options: { tofu: string; provider: string; target: TofuTarget; count: number; namePrefix: string }): Promise<TofuProject> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snow-tofu-"));
    const platform = `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`;
    const mirror = path.join(dir, "mirror");
    const pluginDir = path.join(mirror, providerAddress, peerProviderVersion, platform);
    fs.mkdirSync(pluginDir, { recursive: true });
    fs.copyFileSync(options.provider, path.join(pluginDir, `terraform-provider-servicenow_v${peerProviderVersion}`));
    fs.chmodSync(path.join(pluginDir, `terraform-provider-servicenow_v${peerProviderVersion}`), 0o755);
    const cliConfig = path.join(dir, "tofurc");
    fs.writeFileSync(cliConfig, `provider_installation {\n  filesystem_mirror {\n    path    = ${JSON.stringify(mirror)}\n    include = ["${providerAddress}"]\n  }\n}\n`);
    const work = path.join(dir, "work");
    fs.mkdirSync(work);
    fs.writeFileSync(
      path.join(work, "main.tf"),
      `terraform {
  required_providers {
    servicenow = {
      source  = "tylerhatton/servicenow"
      version = "${peerProviderVersion}"
    }
  }
}

provider "servicenow" {}

resource "servicenow_system_property" "r" {
  count       = ${options.count}
  suffix      = "${options.namePrefix}\${count.index}"
  description = "value-\${count.index}"
}
`,
    );
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TF_CLI_CONFIG_FILE: cliConfig,
      TF_IN_AUTOMATION: "1",
      TF_INPUT: "0",
      CHECKPOINT_DISABLE: "1",
      SSL_CERT_FILE: options.target.certFile,
      SERVICENOW_INSTANCE_URL: options.target.url,
      SERVICENOW_USERNAME: options.target.username,
      SERVICENOW_PASSWORD: options.target.password,
    };
    const project = new TofuProject(work, options.tofu, env);
    await project.must(["init", "-input=false", "-no-color"]);
    return project;
  }

  run(args: readonly string[]): Promise<{ code: number; output: string }> {
    return new Promise((resolve, reject) => {
      execFile(this.tofu, [...args], { cwd: this.dir, env: this.env, maxBuffer: 64 * 1024 * 1024, timeout: 10 * 60_000 }, (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? (error.code as number) : 0, output: `${stdout}\n${stderr}` });
      });
    });
  }

  async must(args: readonly string[]): Promise<{ code: number; output: string }> {
    const result = await this.run(args);
    if (result.code !== 0) throw new Error(`tofu ${args.join(" ")} exited ${result.code}:\n${result.output.slice(-4000)}`);
    return result;
  }

  dispose(): void {
    fs.rmSync(path.dirname(this.dir), { recursive: true, force: true });
  }
}
