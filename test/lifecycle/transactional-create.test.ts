import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle, stateRecords } from "../helpers/provider-session";
import { multiRecordCases } from "./multi-record-cases";
import { snapshot } from "./snapshot";


describe("transactional create: a failure at any step leaves nothing behind", function () {
  this.timeout(60_000);
  const sn = useEmulator();

  for (const [kind, raw] of multiRecordCases) {
    describe(kind, () => {
      it("rolls back when any record's insert fails, and says so", async () => {
        const emulator = sn.instance;
        connectProvider(emulator);
        const provider = lifecycle(kind);
        const inputs = (await provider.check({}, raw)).inputs;
        const before = snapshot(emulator);

        // A successful run tells which tables the create writes, in order.
        const probe = await provider.create(inputs);
        const written = stateRecords(kind, probe.outs).filter((r) => r.origin === "created");
        await provider.delete(probe.id, probe.outs);
        assert.ok(written.length >= 2, `${kind} writes several records`);

        for (const [index, record] of written.entries()) {
          emulator.setFaults({ failNext: [{ method: "POST", table: record.table, status: 500 }] });
          await assert.rejects(provider.create(inputs), (error: Error) => {
            assert.equal(error.name, index === 0 ? error.name : "RollbackError");
            if (index > 0) assert.match(error.message, /nothing was left behind/);
            return true;
          });
          emulator.setFaults({});
          assert.deepEqual(snapshot(emulator), before, `failure at step ${index} (${record.step}) left records behind`);
        }
      });
    });
  }

  it("lists the records it could not remove, with their sys_ids, when the rollback fails too", async () => {
    const emulator = sn.instance;
    connectProvider(emulator);
    const provider = lifecycle("SumTotalConnection");
    const inputs = (await provider.check({}, multiRecordCases[0]![1])).inputs;
    emulator.setFaults({
      failNext: [
        { method: "POST", table: "http_connection", status: 500 },
        { method: "DELETE", table: "oauth_2_0_credentials", status: 500, count: 10 },
      ],
    });
    const error = await provider.create(inputs).then(() => undefined, (e: Error) => e);
    emulator.setFaults({});
    assert.ok(error);
    assert.equal(error.name, "RollbackError");
    const [credential] = emulator.records("oauth_2_0_credentials", "name=SumTotal OAuth");
    assert.ok(credential, "the credential is left, as the fault demanded");
    assert.match(error.message, new RegExp(`oauth_2_0_credentials/${credential.sys_id}`));
    assert.equal(emulator.records("oauth_entity", "name=SumTotal OAuth").length, 0, "the rest was rolled back");
    emulator.remove("oauth_2_0_credentials", credential.sys_id!);
  });

  it("makes no duplicate when a POST's outcome is unknown (the instance created it, the answer was lost)", async () => {
    const emulator = sn.instance;
    connectProvider(emulator);
    const provider = lifecycle("SumTotalConnection");
    const inputs = (await provider.check({}, multiRecordCases[0]![1])).inputs;
    emulator.setFaults({ failNext: [{ method: "POST", table: "http_connection", status: 502, when: "after" }] });
    const created = await provider.create(inputs);
    emulator.setFaults({});
    assert.equal(emulator.records("http_connection", "name=SumTotal").length, 1);
    assert.equal(emulator.records("http_connection", "name=SumTotal")[0]!.sys_id, created.id);
    await provider.delete(created.id, created.outs);
  });

  it("adopts a SumTotal configuration made by hand in the UI, without duplicates", async () => {
    const emulator = sn.instance;
    connectProvider(emulator);
    const alias = emulator.records("sys_alias", "id=sn_sumtotal_spoke.SumTotal")[0]!;
    const entity = emulator.insert("oauth_entity", {
      name: "SumTotal OAuth",
      type: "oauth_provider",
      client_id: "id",
      client_secret: "sumtotal-secret",
      default_grant_type: "client_credentials",
      token_url: "https://acme.sumtotal.host/apisecurity/connect/token",
    });
    const profile = emulator.records("oauth_entity_profile", `oauth_entity=${entity.sys_id}`)[0]!;
    const scope = emulator.insert("oauth_entity_scope", { oauth_entity: entity.sys_id!, name: "allapis", oauth_entity_scope: "allapis" });
    emulator.insert("oauth_entity_profile_scope", { oauth_entity_profile: profile.sys_id!, oauth_entity_scope: scope.sys_id! });
    const credential = emulator.insert("oauth_2_0_credentials", { name: "SumTotal OAuth", oauth_entity_profile: profile.sys_id! });
    const connection = emulator.insert("http_connection", {
      name: "SumTotal",
      connection_alias: alias.sys_id!,
      connection_url: "https://acme.sumtotal.host",
      credential: credential.sys_id!,
    });
    const handMade = snapshot(emulator);

    const provider = lifecycle("SumTotalConnection");
    const inputs = (await provider.check({}, { ...multiRecordCases[0]![1], adopt: true })).inputs;
    const adopted = await provider.create(inputs);
    assert.equal(adopted.id, connection.sys_id);
    assert.equal(adopted.outs.sysIds.entity, entity.sys_id);
    assert.equal(adopted.outs.sysIds.credential, credential.sys_id);
    for (const table of ["oauth_entity", "oauth_entity_scope", "oauth_entity_profile_scope", "http_connection", "discovery_credentials"]) {
      assert.equal(snapshot(emulator)[table]!.length, handMade[table]!.length, `no duplicate in ${table}`);
    }
    const read = await provider.read(adopted.id, adopted.outs);
    assert.equal((await provider.diff(adopted.id, read.props, inputs)).changes, false);
    await provider.delete(adopted.id, read.props);
    assert.equal(emulator.records("http_connection", "name=SumTotal").length, 0, "adopted records are managed: destroy removes them");
  });
});
