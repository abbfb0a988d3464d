import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import { bookkeepingKey, type Bookkeeping } from "../../provider/lifecycle/state-codec";
import { ownedSysId } from "../../provider/lifecycle/owned-sys-id";
import { connectProvider, lifecycle, stateRecords } from "../helpers/provider-session";

/**
 * Restore points (provider/lifecycle/restore-points.ts) on an instance that keeps the sys_id a
 * POST asks for, and on one that gives every record a sys_id of its own (issue 18 D: destroy
 * left every `pulumi.restore.*` property behind there).
 */
const owner = "0123456789abcdef01234567";
const restorePoints = (emulator: RunningEmulator) => emulator.records("sys_properties", "nameSTARTSWITHpulumi.restore.");

for (const ignoreClientSysIds of [false, true]) {
  describe(`restore points on an instance that ${ignoreClientSysIds ? "picks its own sys_ids" : "keeps the sys_ids asked for"}`, () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await start({ quiet: true, ignoreClientSysIds });
      connectProvider(emulator);
    });
    after(() => emulator.stop());

    /** A property set by hand, adopted with a new value: the takeover that needs a restore point. */
    async function adoptChanged(name: string) {
      const shipped = emulator.insert("sys_properties", { name, value: "by hand" });
      const created = await lifecycle("SystemProperty").create({ name, value: "by pulumi", __owner: owner });
      return { shipped, created };
    }

    it("state keeps the sys_id the instance gave the restore point, and destroy removes it and gives the value back", async () => {
      const { shipped, created } = await adoptChanged("x_acme.restore.kept");
      const [point] = restorePoints(emulator);
      assert.equal(point?.name, `pulumi.restore.${shipped.sys_id}`);
      assert.equal(stateRecords("SystemProperty", created.outs)[0]!.restorePoint, point!.sys_id);

      emulator.resetStats();
      await lifecycle("SystemProperty").delete(created.id, created.outs);
      assert.deepEqual(restorePoints(emulator), []);
      assert.equal(emulator.records("sys_properties", "name=x_acme.restore.kept")[0]?.value, "by hand");
      // The value given back, and the restore point deleted by its sys_id: no lookup.
      assert.deepEqual(emulator.stats().byMethod, { PATCH: 1, DELETE: 1 });
    });

    it("refresh finds the restore point by name and keeps its sys_id", async () => {
      const { created } = await adoptChanged("x_acme.restore.refresh");
      const [point] = restorePoints(emulator);
      const refreshed = await lifecycle("SystemProperty").read(created.id, created.outs);
      assert.equal(stateRecords("SystemProperty", refreshed.props!)[0]!.restorePoint, point!.sys_id);
      await lifecycle("SystemProperty").delete(created.id, refreshed.props!);
      assert.deepEqual(restorePoints(emulator), []);
    });

    it("destroy of state that holds the sys_id the POST asked for (an earlier release) still removes the restore point", async () => {
      const { shipped, created } = await adoptChanged("x_acme.restore.asked");
      const asked = ownedSysId(owner, "sys_properties", { restores: `sys_properties/${shipped.sys_id}` });
      const bookkeeping = created.outs[bookkeepingKey] as Bookkeeping;
      const older = { ...created.outs, [bookkeepingKey]: { ...bookkeeping, records: bookkeeping.records.map((record) => ({ ...record, restorePoint: asked })) } };
      await lifecycle("SystemProperty").delete(created.id, older);
      assert.deepEqual(restorePoints(emulator), []);
    });

    it("keeps no restore point when the old values do not fit in a property value (4000 characters), and destroy still gives them back from state", async () => {
      const long = "x".repeat(3990);
      emulator.insert("sys_properties", { name: "x_acme.restore.long", value: long });
      const created = await lifecycle("SystemProperty").create({ name: "x_acme.restore.long", value: "short", __owner: owner });
      assert.deepEqual(restorePoints(emulator), []);
      await lifecycle("SystemProperty").delete(created.id, created.outs);
      assert.equal(emulator.records("sys_properties", "name=x_acme.restore.long")[0]?.value, long);
    });

    it("costs what it cost before: adoption with a change 4 requests (lookup, restore-point lookup, POST, PATCH)", async () => {
      emulator.insert("sys_properties", { name: "x_acme.restore.count", value: "by hand" });
      emulator.resetStats();
      const created = await lifecycle("SystemProperty").create({ name: "x_acme.restore.count", value: "by pulumi", __owner: owner });
      assert.deepEqual(emulator.stats().byMethod, { GET: 2, POST: 1, PATCH: 1 });
      await lifecycle("SystemProperty").delete(created.id, created.outs);
    });
  });
}
