import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import { snapshot } from "../lifecycle/snapshot";
import { PulumiProject } from "./pulumi-project";

/**
 * A pipeline killed half-way, through the real CLI: `pulumi up` is killed while creates are in
 * flight (SIGKILL leaves the file backend's lock; SIGINT is Pulumi's own Ctrl-C), then the
 * documented recovery runs (`pulumi cancel --yes` where a lock is left, then `pulumi up`).
 * The instance must then hold exactly what the program says: no duplicate, no orphan.
 */
const program = `import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";
for (let i = 0; i < 6; i++) {
  new snow.OAuthProvider("provider-" + i, { name: "Provider " + i, clientId: "c" + i, clientSecret: pulumi.secret("secret-" + i), tokenUrl: "https://login.example.com/token", scopes: ["a", "b"] });
}
new snow.SumTotalConnection("sumtotal", { connectionUrl: "https://acme.sumtotal.host", oauthEntityName: "SumTotal OAuth", oauthClientId: "sumtotal", oauthClientSecret: pulumi.secret("sumtotal-secret") });
new snow.QualtricsConnection("qualtrics", { connectionUrl: "https://acme.qualtrics.com/API/v3", xApiToken: pulumi.secret("q-token"), oauthName: "Qualtrics OAuth", oauthClientId: "q", oauthClientSecret: pulumi.secret("q-secret"), tokenUrl: "https://iad1.qualtrics.com/oauth2/token", directoryId: "POOL_1" });
`;

/** Starts `pulumi <args>` and kills it with `signal` once the instance has seen `requests` requests. */
async function killedAfter(project: PulumiProject, emulator: RunningEmulator, args: string[], requests: number, signal: NodeJS.Signals): Promise<string> {
  emulator.resetStats();
  return (await project.runUntil(args, () => emulator.stats().requests >= requests, signal)).output;
}

/** Records per natural key, for "no duplicates". */
function duplicates(emulator: RunningEmulator): string[] {
  const keys = [
    ...emulator.records("oauth_entity").map((r) => `oauth_entity ${r.name}`),
    ...emulator.records("oauth_entity_scope").map((r) => `scope ${r.oauth_entity}/${r.oauth_entity_scope}`),
    ...emulator.records("oauth_entity_profile_scope").map((r) => `profile-scope ${r.oauth_entity_profile}/${r.oauth_entity_scope}`),
    ...emulator.records("http_connection").map((r) => `connection ${r.connection_alias}/${r.name}`),
    ...emulator.records("discovery_credentials").map((r) => `credential ${r.name}`),
    ...emulator.records("sys_properties").map((r) => `property ${r.name}`),
  ];
  return keys.filter((key, index) => keys.indexOf(key) !== index);
}

describe("real Pulumi CLI: an interrupted run converges with the documented recovery", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator;
  let project: PulumiProject;
  let initial: ReturnType<typeof snapshot>;

  beforeEach(async () => {
    emulator = await start({ quiet: true, faults: { latencyMs: 100 } });
    initial = snapshot(emulator);
    project = await PulumiProject.create({
      program,
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username },
      secrets: { "servicenow:password": emulator.admin.password },
    });
  });
  afterEach(async () => {
    project.dispose();
    await emulator.stop();
  });

  async function assertConverges(): Promise<void> {
    const up = await project.up();
    assert.doesNotMatch(up.output, /already exists/, up.output);
    assert.deepEqual(duplicates(emulator), []);
    assert.equal(emulator.records("oauth_entity").filter((r) => /^Provider \d$/.test(r.name!)).length, 6);
    const clean = await project.preview("--refresh", "--expect-no-changes");
    assert.equal(clean.code, 0, clean.output);
    await project.destroy();
    assert.deepEqual(snapshot(emulator), initial, "destroy leaves nothing behind: no orphan from the killed run");
  }

  for (const killAt of [12, 40]) {
    it(`SIGKILL after ${killAt} requests: pulumi cancel --yes, then pulumi up`, async () => {
      await killedAfter(project, emulator, ["up", "--yes", "--non-interactive", "--skip-preview"], killAt, "SIGKILL");
      const locked = await project.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
      assert.match(locked.output, /currently locked.*pulumi cancel/s, "the file backend's lock names its own fix");
      await project.must(["cancel", "--yes"]);
      await assertConverges();
    });
  }

  it("SIGINT (Ctrl-C) after 25 requests: pulumi up again", async () => {
    await killedAfter(project, emulator, ["up", "--yes", "--non-interactive", "--skip-preview"], 25, "SIGINT");
    const cancel = await project.run(["cancel", "--yes"]);
    assert.ok(cancel.code === 0 || /no .*lock|not locked/i.test(cancel.output), cancel.output);
    await assertConverges();
  });

  it("SIGKILL during destroy: pulumi cancel --yes, then pulumi destroy", async () => {
    await project.up();
    await killedAfter(project, emulator, ["destroy", "--yes", "--non-interactive", "--skip-preview"], 10, "SIGKILL");
    await project.must(["cancel", "--yes"]);
    await project.destroy();
    assert.deepEqual(snapshot(emulator), initial);
  });

  it("refresh --import-pending-creates does not call the provider in this CLI (3.259); pulumi up then converges", async () => {
    // Killed as soon as the first entity is on the instance: its resource's create is in flight.
    const entityWritten = () => emulator.records("oauth_entity").some((r) => /^Provider \d$/.test(r.name!));
    await project.runUntil(["up", "--yes", "--non-interactive", "--skip-preview"], entityWritten, "SIGKILL");
    await project.must(["cancel", "--yes"]);
    const state = JSON.parse(await project.exportedState());
    const pending = state.deployment.pending_operations as { resource: { urn: string; inputs: { name?: string } } }[];
    assert.ok(pending.length > 0, "the killed run left pending creates");
    const entity = emulator.records("oauth_entity").find((r) => pending.some((op) => op.resource.inputs.name === r.name));
    assert.ok(entity, "one of the pending creates reached the instance");
    const urn = pending.find((op) => op.resource.inputs.name === entity.name)!.resource.urn;
    await project.must(["refresh", "--yes", "--non-interactive", "--skip-preview", "--import-pending-creates", urn, "--import-pending-creates", entity.sys_id!]);
    const after = JSON.parse(await project.exportedState()).deployment;
    // The CLI rewrites the pending create as a pending import (cmd/pulumi/operations/refresh.go,
    // pendingCreatesToImports), and no step of the engine reads pending imports back.
    assert.ok(!after.resources.some((resource: { urn: string }) => resource.urn === urn), "the refresh did not import the resource");
    await assertConverges();
  });

  it("pulumi import fails inside Pulumi's dynamic-provider host, before our provider runs", async () => {
    const imported = await project.run(["import", "pulumi-nodejs:dynamic/servicenow:SystemProperty", "level", emulator.records("sys_properties")[0]!.sys_id!, "--yes", "--non-interactive"]);
    assert.notEqual(imported.code, 0);
    assert.match(imported.output, /Cannot read properties of undefined \(reading 'toJavaScript'\)/);
    assert.match(imported.output, /dynamic-provider/);
  });
});
