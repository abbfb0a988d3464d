import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { snapshot } from "../lifecycle/snapshot";
import { useEmulatedStack } from "./emulated-stack";
import { PulumiProject, repoRoot, type CommandResult } from "./pulumi-project";

/**
 * Every folder of examples/ run as a user would run it: the real CLI on a copy of the folder,
 * its own Pulumi.yaml, tsconfig.json and stack files, against a fresh emulator.
 */

const examplesDir = path.join(repoRoot, "examples");

/** A record the example must have made: `count` records (default 1) with these field values. */
interface Expected {
  readonly table: string;
  readonly query: string;
  readonly fields?: Readonly<Record<string, string>>;
  /** Shipped by a spoke: still there after destroy (with its old value, checked by snapshot). */
  readonly shipped?: boolean;
}

interface ExampleCase {
  /** Plain config besides `servicenow:*`. */
  readonly config?: Readonly<Record<string, string>>;
  /** Plain config set with `--path` (objects, e.g. `ns:properties["a.b"]`). */
  readonly pathConfig?: Readonly<Record<string, string>>;
  readonly secrets: Readonly<Record<string, string>>;
  readonly expect: readonly Expected[];
  /** Extra checks of the stack outputs. */
  readonly outputs?: (outputs: Record<string, unknown>) => void;
}

const sysId = /^[0-9a-f]{32}$/;

const examples: Readonly<Record<string, ExampleCase>> = {
  sumtotal: {
    config: { "sumtotal:connectionUrl": "https://acme.sumtotal.host", "sumtotal:clientId": "servicenow-test" },
    secrets: { "sumtotal:clientSecret": "ex-sumtotal-secret-1a2b" },
    expect: [
      { table: "http_connection", query: "name=SumTotal", fields: { connection_url: "https://acme.sumtotal.host" } },
      { table: "oauth_entity", query: "name=SumTotal OAuth", fields: { client_id: "servicenow-test", token_url: "https://acme.sumtotal.host/apisecurity/connect/token" } },
      { table: "oauth_2_0_credentials", query: "name=SumTotal OAuth" },
    ],
    outputs: (o) => ["connectionSysId", "credentialSysId", "oauthEntitySysId"].forEach((k) => assert.match(String(o[k]), sysId, k)),
  },
  qualtrics: {
    config: {
      "qualtrics:connectionUrl": "https://acme.qualtrics.com/API/v3",
      "qualtrics:tokenUrl": "https://iad1.qualtrics.com/oauth2/token",
      "qualtrics:clientId": "servicenow-test",
      "qualtrics:directoryId": "POOL_ex4mple",
    },
    secrets: { "qualtrics:apiToken": "ex-qualtrics-token-3c4d", "qualtrics:clientSecret": "ex-qualtrics-secret-5e6f" },
    expect: [
      { table: "http_connection", query: "name=Qualtrics", fields: { connection_url: "https://acme.qualtrics.com/API/v3" } },
      { table: "oauth_entity", query: "name=Qualtrics OAuth", fields: { token_url: "https://iad1.qualtrics.com/oauth2/token" } },
      { table: "sys_properties", query: "name=sn_qualtrics_spoke.qualtrics_directory", fields: { value: "POOL_ex4mple" }, shipped: true },
    ],
    outputs: (o) => assert.match(String(o.connectionSysId), sysId),
  },
  "okta-api-key": {
    config: { "okta-api-key:orgUrl": "https://acme.okta.com" },
    secrets: { "okta-api-key:apiToken": "ex-okta-token-7a8b" },
    expect: [
      { table: "api_key_credentials", query: "name=Okta API key" },
      { table: "http_connection", query: "name=Okta", fields: { connection_url: "https://acme.okta.com" } },
    ],
    outputs: (o) => ["connectionSysId", "credentialSysId"].forEach((k) => assert.match(String(o[k]), sysId, k)),
  },
  "okta-oauth": {
    config: { "okta-oauth:orgUrl": "https://acme.okta.com", "okta-oauth:clientId": "0oa-example" },
    secrets: { "okta-oauth:clientSecret": "ex-okta-client-secret-9c0d" },
    expect: [
      { table: "http_connection", query: "name=Okta", fields: { connection_url: "https://acme.okta.com" } },
      { table: "oauth_entity", query: "name=Okta OAuth", fields: { client_id: "0oa-example", token_url: "https://acme.okta.com/oauth2/v1/token" } },
      { table: "oauth_entity_scope", query: "oauth_entity_scope=okta.users.manage" },
      { table: "oauth_2_0_credentials", query: "name=Okta OAuth" },
    ],
    outputs: (o) => assert.match(String(o.finishSignInUrl), /\/oauth_2_0_credentials\.do\?sys_id=[0-9a-f]{32}$/),
  },
  "system-properties": {
    pathConfig: {
      'system-properties:properties["x_acme_integrations.sync.enabled"]': "true",
      'system-properties:properties["x_acme_integrations.sync.batch_size"]': "250",
      'system-properties:properties["sn_qualtrics_spoke.qualtrics_directory"]': "POOL_props",
    },
    secrets: { "system-properties:secretPropertyValue": "ex-webhook-secret-e1f2" },
    expect: [
      { table: "sys_properties", query: "name=x_acme_integrations.sync.enabled", fields: { value: "true" } },
      { table: "sys_properties", query: "name=x_acme_integrations.sync.batch_size", fields: { value: "250" } },
      { table: "sys_properties", query: "name=sn_qualtrics_spoke.qualtrics_directory", fields: { value: "POOL_props" }, shipped: true },
      { table: "sys_properties", query: "name=x_acme_integrations.webhook.secret", fields: { type: "password2", is_private: "true" } },
    ],
    outputs: (o) => {
      assert.equal(Object.keys(o.propertySysIds as object).length, 3);
      assert.match(String(o.secretPropertySysId), sysId);
    },
  },
  "external-tool": {
    config: { "external-tool:userName": "svc.workboard", "external-tool:redirectUrl": "https://www.myworkboard.com/wb/oauth/servicenow" },
    secrets: { "external-tool:clientSecret": "ex-tool-client-secret-3a4b5c6d", "external-tool:userPassword": "ex-user-Password-7e8f!" },
    expect: [
      { table: "oauth_entity", query: "name=WorkBoard", fields: { type: "client", redirect_url: "https://www.myworkboard.com/wb/oauth/servicenow" } },
      { table: "sys_user", query: "user_name=svc.workboard", fields: { web_service_access_only: "true" } },
      { table: "sys_user_has_role", query: "user.user_name=svc.workboard^role.name=itil" },
      { table: "api_key", query: "name=WorkBoard^user.user_name=svc.workboard", fields: { active: "true", description: "WorkBoard key results" } },
      { table: "sys_api_access_policy", query: "name=WorkBoard (Table API)", fields: { api_path: "now/table" } },
    ],
    outputs: (o) => {
      assert.equal(o.apiKey, "[secret]");
      assert.match(String(o.clientId), /^\S{8,}$/);
      assert.match(String(o.tokenUrl), /\/oauth_token\.do$/);
      assert.equal(o.userName, "svc.workboard");
    },
  },
  "custom-spoke": {
    config: {
      "custom-spoke:workdayUrl": "https://wd2-impl-services1.workday.com",
      "custom-spoke:workdayClientId": "servicenow-test",
      "custom-spoke:workdayTokenUrl": "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
      "custom-spoke:coupaUrl": "https://acme.coupahost.com",
      "custom-spoke:coupaClientId": "servicenow-coupa",
    },
    secrets: { "custom-spoke:workdayClientSecret": "ex-workday-secret-0a1b", "custom-spoke:coupaClientSecret": "ex-coupa-secret-2c3d" },
    expect: [
      { table: "sys_alias", query: "id=x_acme.Workday" },
      { table: "http_connection", query: "name=Workday", fields: { connection_url: "https://wd2-impl-services1.workday.com" } },
      { table: "oauth_entity", query: "name=Workday OAuth", fields: { client_id: "servicenow-test" } },
      { table: "sys_alias", query: "id=x_acme.Coupa" },
      { table: "oauth_entity", query: "name=Coupa OAuth", fields: { token_url: "https://acme.coupahost.com/oauth2/token" } },
      { table: "oauth_2_0_credentials", query: "name=Coupa OAuth" },
      { table: "http_connection", query: "name=Coupa", fields: { connection_url: "https://acme.coupahost.com" } },
      { table: "sys_user_role", query: "name=x_acme.coupa_user" },
    ],
    outputs: (o) => assert.match(String(o.coupaRoleSysId), sysId),
  },
};

function checkRecords(emulator: RunningEmulator, expected: readonly Expected[], afterDestroy: boolean): void {
  for (const { table, query, fields, shipped } of expected) {
    const found = emulator.records(table, query);
    if (afterDestroy) {
      if (!shipped) assert.equal(found.length, 0, `${table} ${query} is gone after destroy`);
      continue;
    }
    assert.equal(found.length, 1, `one ${table} record with ${query}`);
    for (const [field, value] of Object.entries(fields ?? {})) assert.equal(found[0]![field], value, `${table} ${query}: ${field}`);
  }
}

/** Connects a project copied from an example folder to the emulator. */
async function projectFor(name: string, emulator: RunningEmulator, c: Omit<ExampleCase, "expect">, stack?: string): Promise<PulumiProject> {
  const project = await PulumiProject.create({
    fromDirectory: path.join(examplesDir, name),
    stack,
    config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username, ...c.config },
    secrets: { "servicenow:password": emulator.admin.password, ...c.secrets },
  });
  const paths = Object.entries(c.pathConfig ?? {}).flatMap(([key, value]) => ["--plaintext", `${key}=${value}`]);
  if (paths.length > 0) await project.must(["config", "set-all", "--path", ...paths]);
  return project;
}

describe("examples/", function () {
  it("every example folder is a Pulumi project named after it, with README.md and tsconfig.json, and is tested here", () => {
    const folders = fs.readdirSync(examplesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    // examples/yaml is Pulumi YAML, tested by yaml-example.test.ts.
    assert.deepEqual(folders.sort(), [...Object.keys(examples), "promotion", "gitops", "yaml"].sort());
    for (const name of folders.filter((f) => f !== "gitops" && f !== "yaml")) {
      const dir = path.join(examplesDir, name);
      assert.match(fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8"), new RegExp(`^name: ${name}\\n[^]*runtime:\\n  name: nodejs\\n  options:\\n    typescript: true`, "m"), name);
      const program = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
      assert.match(program, /from "@pulumi\/pulumi"/, name);
      assert.match(program, /from "pulumi-servicenow-spokes"/, name);
      assert.match(program, /requireSecret\(/, name);
      assert.ok(JSON.parse(fs.readFileSync(path.join(dir, "tsconfig.json"), "utf8")).compilerOptions.strict, name);
      const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
      assert.match(readme, /pulumi config set --secret (-s \w+ )?servicenow:password/, name);
      assert.match(readme, /pulumi up/, name);
    }
  });

  it("gitops/pulumi-servicenow.yml previews pull requests, deploys main (dev, then prod behind an environment) and checks drift on a schedule", () => {
    const workflow = fs.readFileSync(path.join(examplesDir, "gitops", "pulumi-servicenow.yml"), "utf8");
    assert.doesNotMatch(workflow, /\t/, "YAML has no tabs");
    const on = /^on:\n((?:  .*\n|\s*\n)+)/m.exec(workflow)?.[1] ?? "";
    for (const trigger of ["pull_request", "push", "schedule"]) assert.match(on, new RegExp(`^  ${trigger}:`, "m"), trigger);
    assert.match(on, /cron: "[^"]+"/);
    assert.match(workflow, /^jobs:\n/m);
    assert.match(workflow, /pulumi preview\b.*--stack/);
    assert.match(workflow, /pulumi up\b.*--stack dev/);
    assert.match(workflow, /pulumi up\b.*--stack prod/);
    assert.match(workflow, /pulumi preview\b.*--refresh.*--expect-no-changes/);
    assert.match(workflow, /^    environment: prod$/m);
    assert.match(workflow, /^    needs: up-dev$/m);
    // Both deploy jobs write the state once, at the end (README, "In pipelines"; docs/reliability.md).
    assert.equal(workflow.match(/^      PULUMI_EXPERIMENTAL: "1"\n      PULUMI_SKIP_CHECKPOINTS: "true"$/gm)?.length, 2);
    for (const secret of ["PULUMI_ACCESS_TOKEN", "PULUMI_CONFIG_PASSPHRASE", "SERVICENOW_PASSWORD"]) {
      assert.match(workflow, new RegExp(`${secret}: \\$\\{\\{ secrets[.\\[]`), secret);
    }
    // Indentation is in steps of two spaces: a cheap guard against a mis-nested key.
    for (const [i, line] of workflow.split("\n").entries()) assert.equal((/^ */.exec(line)![0].length) % 2, 0, `line ${i + 1}: ${line}`);
    assert.ok(fs.existsSync(path.join(examplesDir, "gitops", "README.md")));
  });
});

for (const [name, example] of Object.entries(examples)) {
  describe(`examples/${name} through the real Pulumi CLI`, function () {
    this.timeout(600_000);
    const stack = useEmulatedStack((emulator) => projectFor(name, emulator, example));
    const keep = (result: CommandResult) => stack.keep(result);

    it("up makes the records the example describes", async () => {
      const { emulator, project } = stack;
      keep(await project.up());
      checkRecords(emulator, example.expect, false);
      example.outputs?.(await project.outputs());
    });

    it("preview and preview --refresh then show no changes", async () => {
      const { project } = stack;
      const preview = keep(await project.preview("--expect-no-changes"));
      assert.equal(preview.code, 0, preview.output);
      const refreshed = keep(await project.preview("--refresh", "--expect-no-changes"));
      assert.equal(refreshed.code, 0, refreshed.output);
    });

    it("keeps its secrets out of the state and of what the CLI printed", async () => {
      stack.assertNoPlaintext(example.secrets, await stack.project.exportedState());
    });

    it("destroy removes them and leaves the instance as it was", async () => {
      const { emulator, project } = stack;
      keep(await project.destroy());
      checkRecords(emulator, example.expect, true);
      assert.deepEqual(snapshot(emulator), stack.initial);
    });
  });
}

describe("examples/promotion through the real Pulumi CLI: dev, then prod", function () {
  this.timeout(600_000);
  const stacks = ["dev", "prod"] as const;
  const emulators: Partial<Record<(typeof stacks)[number], RunningEmulator>> = {};
  const projects: Partial<Record<(typeof stacks)[number], PulumiProject>> = {};
  const initial: Partial<Record<(typeof stacks)[number], ReturnType<typeof snapshot>>> = {};
  const secrets = { "promotion:sumtotalClientSecret": "ex-promo-sumtotal-4e5f", "promotion:oktaApiToken": "ex-promo-okta-6a7b" };

  before(async () => {
    for (const stack of stacks) {
      const emulator = (emulators[stack] = await start({ quiet: true }));
      initial[stack] = snapshot(emulator);
      projects[stack] = await projectFor("promotion", emulator, { secrets }, stack);
    }
  });

  after(async () => {
    for (const stack of stacks) {
      projects[stack]?.dispose();
      await emulators[stack]?.stop();
    }
  });

  it("pulumi up -s dev, then -s prod: each instance gets its stack file's values", async () => {
    for (const stack of stacks) await projects[stack]!.up();
    const expected = {
      dev: { sumtotal: "https://acme-dev.sumtotal.host", clientId: "servicenow-dev", okta: "https://acme-dev.okta.com", batch: "100" },
      prod: { sumtotal: "https://acme.sumtotal.host", clientId: "servicenow-prod", okta: "https://acme.okta.com", batch: "500" },
    };
    for (const stack of stacks) {
      const emulator = emulators[stack]!;
      const want = expected[stack];
      checkRecords(
        emulator,
        [
          { table: "http_connection", query: "name=SumTotal", fields: { connection_url: want.sumtotal } },
          { table: "oauth_entity", query: "name=SumTotal OAuth", fields: { client_id: want.clientId } },
          { table: "http_connection", query: "name=Okta", fields: { connection_url: want.okta } },
          { table: "api_key_credentials", query: "name=Okta API key" },
          { table: "sys_properties", query: "name=x_acme_integrations.sync.batch_size", fields: { value: want.batch } },
          { table: "sys_properties", query: "name=x_acme_integrations.sync.enabled", fields: { value: "true" } },
        ],
        false,
      );
      const outputs = await projects[stack]!.outputs();
      assert.match(String(outputs.sumTotalConnectionSysId), sysId);
      assert.equal(outputs.sumTotalConnectionSysId, emulator.records("http_connection", "name=SumTotal")[0]!.sys_id);
    }
  });

  it("both stacks then show no changes, refreshed or not", async () => {
    for (const stack of stacks) {
      for (const extra of [[], ["--refresh"]]) {
        const preview = await projects[stack]!.preview(...extra, "--expect-no-changes");
        assert.equal(preview.code, 0, `${stack}: ${preview.output}`);
      }
    }
  });

  it("destroy leaves both instances as they were", async () => {
    for (const stack of stacks) {
      await projects[stack]!.destroy();
      assert.deepEqual(snapshot(emulators[stack]!), initial[stack]);
    }
  });
});
