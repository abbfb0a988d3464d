import * as assert from "node:assert/strict";
import type { RunningEmulator } from "../../emulator";
import type { TableApi } from "../../provider/client/table-api";
import { useClient } from "../../provider/session";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle, stateRecords } from "../helpers/provider-session";
import { multiRecordCases } from "./multi-record-cases";
import { snapshot, touchedTables } from "./snapshot";

/**
 * A pipeline killed half-way: the process dies after some writes, so nothing is rolled back
 * and nothing reaches state. The next `pulumi up` calls create again with the same inputs
 * (the engine drops the pending create), and must converge to exactly one clean copy.
 */
const owner = { __owner: "0123456789abcdef01234567" };

/** A client whose process "dies" after `writes` writes: every later call fails, rollback included. */
function dyingAfter(api: TableApi, writes: number): TableApi & { writes(): number } {
  let left = writes;
  const write = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    if (left-- <= 0) throw new Error("killed");
    return call(...args);
  };
  const dead = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    if (left < 0) throw new Error("killed");
    return call(...args);
  };
  return {
    instanceUrl: api.instanceUrl,
    get: dead(api.get.bind(api)),
    list: dead(api.list.bind(api)),
    create: write(api.create.bind(api)),
    update: write(api.update.bind(api)),
    delete: write(api.delete.bind(api)),
    writes: () => writes - left,
  };
}

/**
 * What the instance holds, comparable across runs: no timestamps, secrets as their plaintext,
 * sys_ids as `<sys_id>` (records the instance makes, such as a default profile, get new ones
 * each run), records sorted. Equal contents mean no duplicate, no orphan, nothing half-written.
 */
function contents(emulator: RunningEmulator): Record<string, string[]> {
  const tables: Record<string, string[]> = {};
  const current = snapshot(emulator);
  for (const table of touchedTables) {
    tables[table] = current[table]!.map(({ sys_created_on: _on, sys_created_by: _by, ...record }) => {
      for (const column of Object.keys(record)) {
        const plain = emulator.revealSecret(table, record.sys_id!, column);
        if (plain !== undefined) record[column] = `plaintext:${plain}`;
      }
      return JSON.stringify(record).replace(/"[0-9a-f]{32}"/g, '"<sys_id>"');
    }).sort();
  }
  return tables;
}

describe("interrupted runs converge with plain `pulumi up` again", function () {
  this.timeout(120_000);
  const sn = useEmulator();

  for (const [kind, raw] of multiRecordCases) {
    it(`${kind}: a create killed after any write is finished by the next create, with no duplicate and no orphan`, async () => {
      const emulator = sn.instance;
      const api = connectProvider(emulator);
      const provider = lifecycle(kind);
      const inputs = { ...(await provider.check({}, { ...raw, ...owner })).inputs };
      const before = contents(emulator);
      const counting = dyingAfter(api, Number.POSITIVE_INFINITY);
      useClient(counting);
      const clean = await provider.create(inputs);
      useClient(api);
      const wanted = contents(emulator);
      const writes = counting.writes();
      await provider.delete(clean.id, clean.outs);
      assert.deepEqual(contents(emulator), before);

      for (let killAt = 1; killAt < writes; killAt++) {
        useClient(dyingAfter(api, killAt));
        await assert.rejects(provider.create(inputs), /killed/);
        useClient(api);
        const again = await provider.create(inputs);
        assert.equal(again.id, clean.id, `killed after ${killAt} writes: the same records, by their owned sys_ids`);
        assert.deepEqual(contents(emulator), wanted, `killed after ${killAt} writes: the instance holds what a clean run makes`);
        await provider.delete(again.id, again.outs);
        assert.deepEqual(contents(emulator), before, `killed after ${killAt} writes: delete leaves nothing behind`);
      }
    });
  }

  it("a record made by hand with the same name still needs adopt: true, and the error names the interrupted-run case", async () => {
    const emulator = sn.instance;
    connectProvider(emulator);
    emulator.insert("oauth_entity", { name: "Hand made", type: "oauth_provider", client_id: "x" });
    const inputs = { name: "Hand made", clientId: "c", clientSecret: "hand-secret", tokenUrl: "https://login.acme.com/token", ...owner, __kind: "OAuthProvider" };
    await assert.rejects(lifecycle("OAuthProvider").create(inputs), (error: Error) => {
      assert.match(error.message, /already exists .* this stack did not create it/);
      assert.match(error.message, /interrupted `pulumi up` of this resource .* taken over/);
      assert.match(error.message, /set `adopt: true`/);
      return true;
    });
  });

  it("a record another stack created (another owner) is not taken over", async () => {
    const emulator = sn.instance;
    connectProvider(emulator);
    const provider = lifecycle("SystemProperty");
    const first = await provider.create({ name: "x_acme.two_stacks", value: "1", adopt: false, __owner: "aaaaaaaaaaaaaaaaaaaaaaaa" });
    await assert.rejects(provider.create({ name: "x_acme.two_stacks", value: "2", adopt: false, __owner: "bbbbbbbbbbbbbbbbbbbbbbbb" }), /this stack did not create it/);
    await provider.delete(first.id, first.outs);
  });

  it("an update that adds records, killed half-way, converges when run again", async () => {
    const emulator = sn.instance;
    const api = connectProvider(emulator);
    const provider = lifecycle("OAuthProvider");
    const base = { name: "Scoped", clientId: "c", clientSecret: "scoped-secret", tokenUrl: "https://login.acme.com/token", ...owner };
    const created = await provider.create((await provider.check({}, { ...base, scopes: ["a"] })).inputs);
    const news = (await provider.check({}, { ...base, scopes: ["a", "b", "c"] })).inputs;
    // Each killed run gets one write further than the one before (state never saw any of them).
    useClient(dyingAfter(api, 1));
    await assert.rejects(provider.update(created.id, created.outs, news), /killed/);
    useClient(dyingAfter(api, 2));
    await assert.rejects(provider.update(created.id, created.outs, news), /killed/);
    useClient(api);
    const updated = await provider.update(created.id, created.outs, news);
    assert.equal(emulator.records("oauth_entity_scope", `oauth_entity=${created.id}`).length, 3, "one of each scope");
    assert.equal(emulator.records("oauth_entity_profile_scope").filter((link) => link.oauth_entity_profile === updated.outs.profileSysId).length, 3);
    const refreshed = await provider.read(created.id, updated.outs);
    assert.equal((await provider.diff(created.id, refreshed.props, news)).changes, false);
    await provider.delete(created.id, refreshed.props);
    assert.equal(emulator.records("oauth_entity", "name=Scoped").length, 0);
    assert.equal(emulator.records("oauth_entity_scope", `oauth_entity=${created.id}`).length, 0, "no orphaned scope");
  });

  it("a delete killed half-way finishes when run again", async () => {
    const emulator = sn.instance;
    const api = connectProvider(emulator);
    const before = contents(emulator);
    const [kind, raw] = multiRecordCases[0]!;
    const provider = lifecycle(kind);
    const created = await provider.create((await provider.check({}, { ...raw, ...owner })).inputs);
    useClient(dyingAfter(api, 2));
    await assert.rejects(provider.delete(created.id, created.outs), /killed/);
    useClient(api);
    await provider.delete(created.id, created.outs);
    assert.deepEqual(contents(emulator), before);
  });
});

describe("read from an id alone (pulumi refresh --import-pending-creates, pulumi import)", function () {
  this.timeout(60_000);
  const sn = useEmulator();

  for (const [kind, raw] of multiRecordCases) {
    it(`${kind}: finds every record from the primary sys_id and the inputs; no drift; delete leaves the instance as it was`, async () => {
      const emulator = sn.instance;
      connectProvider(emulator);
      const provider = lifecycle(kind);
      const before = contents(emulator);
      const inputs = (await provider.check({}, { ...raw, ...owner })).inputs;
      const created = await provider.create(inputs);

      const read = await provider.read(created.id, { ...inputs });
      assert.equal(read.id, created.id);
      const found = stateRecords(kind, read.props!);
      assert.deepEqual(
        found.map((record) => [record.step, record.sysId, record.origin]),
        stateRecords(kind, created.outs).map((record) => [record.step, record.sysId, record.origin]),
        "the same records, recognised as created by this resource",
      );
      assert.equal((await provider.diff(created.id, read.props!, inputs)).changes, false);
      await provider.delete(created.id, read.props!);
      assert.deepEqual(contents(emulator), before);
    });
  }

  it("a record it did not create is read as adopted, with its values to give back", async () => {
    const emulator = sn.instance;
    connectProvider(emulator);
    const existing = emulator.insert("sys_properties", { name: "x_acme.imported", value: "7" });
    const read = await lifecycle("SystemProperty").read(existing.sys_id!, { name: "x_acme.imported", value: "7", ...owner });
    const [record] = stateRecords("SystemProperty", read.props!);
    assert.equal(record!.origin, "adopted");
    assert.deepEqual(record!.previous, { name: "x_acme.imported", value: "7" });
  });
});
