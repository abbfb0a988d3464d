import * as assert from "node:assert/strict";
import { start, type RunningEmulator } from "../../emulator";
import { connectProvider, lifecycle } from "../helpers/provider-session";

/**
 * IntegrationUser creates its account as a machine identity (`identity_type=machine`) where
 * `sys_user` has the column, and works unchanged, with no extra request, where it does not. The
 * classification is written on insert only: an adopted account keeps its own, and one an admin
 * changes later is theirs (no drift), so upgrading the package shows no drift on existing users.
 */
const inputs = { userName: "svc.workboard", password: "workboard-password-1", roles: ["itil"], __owner: "0123456789abcdef01234567" };

for (const hasColumn of [true, false]) {
  describe(`IntegrationUser on an instance ${hasColumn ? "with" : "without"} sys_user.identity_type`, () => {
    let emulator: RunningEmulator;
    before(async () => {
      emulator = await start({ quiet: true, withoutColumns: hasColumn ? [] : ["sys_user.identity_type"] });
      connectProvider(emulator);
    });
    after(() => emulator.stop());

    it(`creates the user ${hasColumn ? "as a machine identity" : "without the column"} in 5 requests, refreshes without drift and updates nothing`, async () => {
      const provider = lifecycle("IntegrationUser");
      emulator.resetStats();
      const checked = (await provider.check({}, inputs)).inputs;
      const created = await provider.create(checked);
      // Lookup, POST, the password's PATCH, the role's lookup, the has-role POST: as before the column.
      assert.deepEqual(emulator.stats().byMethod, { GET: 2, POST: 2, PATCH: 1 });
      const [user] = emulator.records("sys_user", "user_name=svc.workboard");
      assert.equal(user?.identity_type, hasColumn ? "machine" : undefined);

      const refreshed = await provider.read(created.id, created.outs);
      assert.equal(refreshed.props?.driftedOnInstance, undefined);
      const diff = await provider.diff(created.id, refreshed.props!, checked);
      assert.equal(diff.changes, false);
      await provider.delete(created.id, refreshed.props!);
    });

    it("adopts a user made by hand without changing its classification", async () => {
      emulator.insert("sys_user", { user_name: "svc.byhand", web_service_access_only: true, active: true, ...(hasColumn ? { identity_type: "unclassified" } : {}) });
      const provider = lifecycle("IntegrationUser");
      const mine = { ...inputs, userName: "svc.byhand", roles: [], adopt: true };
      const created = await provider.create((await provider.check({}, mine)).inputs);
      assert.equal(emulator.records("sys_user", "user_name=svc.byhand")[0]?.identity_type, hasColumn ? "unclassified" : undefined);
      const refreshed = await provider.read(created.id, created.outs);
      assert.equal(refreshed.props?.driftedOnInstance, undefined);
      await provider.delete(created.id, refreshed.props!);
    });

    if (hasColumn) {
      it("leaves a classification an admin changes later to the admin: no drift, nothing written back", async () => {
        const provider = lifecycle("IntegrationUser");
        const checked = (await provider.check({}, inputs)).inputs;
        const created = await provider.create(checked);
        emulator.update("sys_user", created.id, { identity_type: "human" });
        const refreshed = await provider.read(created.id, created.outs);
        assert.equal(refreshed.props?.driftedOnInstance, undefined);
        assert.equal((await provider.diff(created.id, refreshed.props!, checked)).changes, false);
        await provider.delete(created.id, refreshed.props!);
      });
    }
  });
}
