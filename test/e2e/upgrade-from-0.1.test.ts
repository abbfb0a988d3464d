import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { start, type RunningEmulator } from "../../emulator";
import { PulumiProject, repoRoot } from "./pulumi-project";

/**
 * A stack made by release 0.1 (each resource's `__provider` a 2.4 KB copy of the old shim,
 * bookkeeping in a `records` output), upgraded in place: refresh, preview, update and destroy
 * with this release. The fixture was made by running release 0.1's own every-kind test program
 * against its emulator: the exported state, the stack file (passphrase `e2e-passphrase`) and
 * the emulator's data before and after `pulumi up`.
 */
const fixture = path.join(repoRoot, "test", "fixtures", "release-0.1");
const fixtureUrl = "http://127.0.0.1:36805";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A fixture file with the emulator's address of the day. */
function copyFixture(name: string, dir: string, url: string): string {
  const target = path.join(dir, name);
  fs.writeFileSync(target, fs.readFileSync(path.join(fixture, name), "utf8").split(fixtureUrl).join(url));
  return target;
}

/** Records of our tables, without timestamps or encrypted values, keyed by sys_id. */
function instanceContents(emulator: RunningEmulator): string[] {
  const tables = ["sys_alias", "http_connection", "discovery_credentials", "oauth_entity", "oauth_entity_profile", "oauth_entity_scope", "oauth_entity_profile_scope", "sys_variable_value", "sys_properties", "sys_user_has_role"];
  return tables.flatMap((table) =>
    emulator.records(table).map(({ sys_created_on: _c, sys_updated_on: _u, sys_updated_by: _b, sys_mod_count: _m, client_secret: _s, ...record }) => `${table} ${JSON.stringify(record)}`),
  ).sort();
}

describe("real Pulumi CLI: a stack made by release 0.1 keeps working after the upgrade", function () {
  this.timeout(600_000);
  let emulator: RunningEmulator | undefined;
  let project: PulumiProject | undefined;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "snow-upgrade-"));

  after(async () => {
    project?.dispose();
    await emulator?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("refresh, preview, update and destroy run on the new provider and bookkeeping", async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    emulator = await start({ quiet: true, port, dataFile: copyFixture("instance.json", work, url) });
    project = await PulumiProject.create({ program: fs.readFileSync(path.join(fixture, "index.ts"), "utf8") });
    copyFixture("Pulumi.test.yaml", project.dir, url);
    await project.must(["stack", "import", "--file", copyFixture("state.json", work, url)]);

    const refresh = await project.must(["refresh", "--yes", "--non-interactive", "--skip-preview"]);
    assert.doesNotMatch(refresh.output, /error/i, refresh.output);
    const preview = await project.preview("--expect-no-changes");
    assert.equal(preview.code, 0, `no change after the upgrade:\n${preview.output}`);

    await project.must(["config", "set", "e2e:level", "5"]);
    const up = await project.up();
    assert.match(up.output, /~ 1 updated/, up.output);
    assert.equal(emulator.records("sys_properties", "name=x_e2e.settings.level")[0]?.value, "5");

    const state = JSON.parse(await project.exportedState());
    const level = state.deployment.resources.find((resource: { urn: string }) => resource.urn.endsWith("::property"));
    assert.match(level.outputs.__provider, /require\("pulumi-servicenow-spokes\/dynamic-provider"\)/, "the update stored the new provider");
    assert.ok(level.outputs.__servicenow && level.outputs.records === undefined, "the update rewrote the bookkeeping");
    const untouched = state.deployment.resources.find((resource: { urn: string }) => resource.urn.endsWith("::sumtotal"));
    assert.ok(untouched.outputs.__servicenow && untouched.outputs.records === undefined, "the refresh rewrote the bookkeeping of every resource");

    const clean = await project.preview("--refresh", "--expect-no-changes");
    assert.equal(clean.code, 0, clean.output);
    await project.destroy();
    const before = await start({ quiet: true, dataFile: copyFixture("instance-before.json", work, url) });
    try {
      assert.deepEqual(instanceContents(emulator), instanceContents(before), "destroy leaves the instance as it was before release 0.1 ran");
    } finally {
      await before.stop();
    }
  });
});
