/**
 * `npm run demo`: the product in two minutes, with the real Pulumi CLI against two emulated
 * instances (dev and prod) on loopback. It copies the root project (Pulumi.yaml, the stack
 * files, program/) to a temporary folder, so nothing in the repository changes, and leaves
 * nothing running.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { start, type RunningEmulator } from "../emulator";
import { assertCliInstalled, localPulumiEnv, pulumiLauncher, repoRoot } from "./local-pulumi";

/** The third-party secrets each stack needs, as a user would set them with --secret. */
const spokeSecrets = {
  "spokes:sumtotalClientSecret": "demo-sumtotal-client-secret",
  "spokes:qualtricsApiToken": "demo-qualtrics-api-token",
  "spokes:qualtricsClientSecret": "demo-qualtrics-client-secret",
  "spokes:oktaApiToken": "demo-okta-api-token",
};

const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1m${text}\x1b[0m` : text);
let stepNumber = 0;
function step(text: string): void {
  console.log(`\n${bold(`[${++stepNumber}] ${text}`)}`);
}

async function main(): Promise<void> {
  assertCliInstalled();
  const began = Date.now();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), "snow-demo-"));
  const instances: Record<"dev" | "prod", RunningEmulator> = {
    dev: await start({ quiet: true }),
    prod: await start({ quiet: true }),
  };
  try {
    step(`Two emulated ServiceNow instances: dev at ${instances.dev.url}, prod at ${instances.prod.url}.`);
    copyProject(workspace);
    fs.mkdirSync(path.join(workspace, ".pulumi-state"));
    const env = localPulumiEnv(path.join(workspace, ".pulumi-state"), "demo-passphrase");
    // Asynchronous on purpose: the emulators answer from this process's event loop.
    const pulumi = (args: string[], options: { quiet?: boolean; allowFailure?: boolean } = {}) =>
      new Promise<number>((resolve, reject) => {
        const child = spawn(pulumiLauncher, args, { cwd: workspace, env, stdio: options.quiet ? "pipe" : "inherit" });
        let output = "";
        child.stdout?.on("data", (chunk) => (output += chunk));
        child.stderr?.on("data", (chunk) => (output += chunk));
        child.on("error", reject);
        child.on("close", (code) => {
          if (code !== 0 && !options.allowFailure) reject(new Error(`pulumi ${args.join(" ")} exited ${code}${options.quiet ? `:\n${output}` : ""}`));
          else resolve(code ?? 1);
        });
      });

    for (const stack of ["dev", "prod"] as const) {
      const instance = instances[stack];
      await pulumi(["stack", "init", stack, "--non-interactive"], { quiet: true });
      // What a user does once per instance: point the stack at it and set the secrets.
      await pulumi(["config", "set", "servicenow:instanceUrl", instance.url, "--stack", stack], { quiet: true });
      await pulumi(["config", "set", "servicenow:username", instance.admin.username, "--stack", stack], { quiet: true });
      const secrets = Object.entries({ "servicenow:password": instance.admin.password, ...spokeSecrets }).flatMap(([key, value]) => ["--secret", `${key}=${value}`]);
      await pulumi(["config", "set-all", ...secrets, "--stack", stack], { quiet: true });
    }

    step("pulumi up on dev: the SumTotal, Qualtrics and Okta Configure forms and two system properties, as code.");
    await pulumi(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", "dev"]);

    step("An admin changes things in the dev UI, behind Pulumi's back: a property and the SumTotal connection URL.");
    const dev = instances.dev;
    const property = dev.records("sys_properties", "name=x_acme_integrations.sync.batch_size")[0]!;
    dev.update("sys_properties", property.sys_id!, { value: "5" });
    const connection = dev.records("http_connection", "name=SumTotal")[0]!;
    dev.update("http_connection", connection.sys_id!, { connection_url: "https://wrong.sumtotal.host" });
    console.log(`  sys_properties x_acme_integrations.sync.batch_size: 100 -> 5; http_connection SumTotal: -> https://wrong.sumtotal.host`);

    step("pulumi preview --refresh --expect-no-changes on dev: the drift check a CI job runs on a schedule.");
    const driftExit = await pulumi(["preview", "--refresh", "--expect-no-changes", "--diff", "--non-interactive", "--stack", "dev"], { allowFailure: true });
    if (driftExit === 0) throw new Error("the drift check passed, but the instance was changed behind Pulumi's back");
    console.log(`  exit code ${driftExit}: drift detected, as it should be.`);

    step("pulumi up --refresh on dev: put the instance back as the code says.");
    await pulumi(["up", "--refresh", "--yes", "--skip-preview", "--non-interactive", "--stack", "dev"]);
    await pulumi(["preview", "--refresh", "--expect-no-changes", "--non-interactive", "--stack", "dev"], { quiet: true });
    console.log("  preview --refresh --expect-no-changes now exits 0.");

    step("Promotion: the same program on the prod stack (Pulumi.prod.yaml holds what differs).");
    await pulumi(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", "prod"]);

    step("What each instance now holds.");
    for (const [stack, instance] of Object.entries(instances)) summarize(stack, instance);
    console.log(`\nDemo finished in ${((Date.now() - began) / 1000).toFixed(0)} s. The emulators stop now; nothing is left running.`);
  } finally {
    await Promise.all(Object.values(instances).map((instance) => instance.stop()));
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** The root project, as a user would check it out, with this repository's packages. */
function copyProject(workspace: string): void {
  for (const file of ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml"]) fs.copyFileSync(path.join(repoRoot, file), path.join(workspace, file));
  fs.cpSync(path.join(repoRoot, "program"), path.join(workspace, "program"), { recursive: true });
  fs.symlinkSync(path.join(repoRoot, "node_modules"), path.join(workspace, "node_modules"), "dir");
  fs.writeFileSync(path.join(workspace, "package.json"), JSON.stringify({ name: "spokes-demo", private: true }));
}

function summarize(stack: string, instance: RunningEmulator): void {
  console.log(`  ${stack} (${instance.url})`);
  for (const connection of instance.records("http_connection")) {
    const alias = instance.records("sys_alias", `sys_id=${connection.connection_alias}`)[0];
    console.log(`    connection  ${connection.name!.padEnd(10)} on ${(alias?.id ?? "?").padEnd(30)} ${connection.connection_url}`);
  }
  for (const entity of instance.records("oauth_entity", "type=oauth_provider")) console.log(`    oauth       ${entity.name!.padEnd(18)} token URL ${entity.token_url}`);
  for (const credential of instance.records("discovery_credentials")) console.log(`    credential  ${credential.name} (${credential.sys_class_name})`);
  for (const property of instance.records("sys_properties", "nameSTARTSWITHx_acme^ORnameSTARTSWITHsn_qualtrics")) console.log(`    property    ${property.name} = ${property.value}`);
}

main().catch((error: Error) => {
  console.error(`\nThe demo failed: ${error.message}`);
  process.exitCode = 1;
});
