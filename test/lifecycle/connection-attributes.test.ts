import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";
import { connectProvider, lifecycle, stateRecords } from "../helpers/provider-session";

const qualtrics = {
  connectionUrl: "https://acme.qualtrics.com/API/v3",
  xApiToken: "attribute-token-1",
  oauthName: "Attribute OAuth",
  oauthClientId: "q",
  oauthClientSecret: "attribute-secret-1",
  tokenUrl: "https://iad1.qualtrics.com/oauth2/token",
};

/**
 * Where an instance defines connection attributes is settled by evidence, not by an instance
 * (servicenow-reference.md): `var_dictionary` entries of the alias first, the older
 * `sys_connection_attribute` shape as a fallback. Both must work, and state must say which.
 */
describe("connection attribute definitions: var_dictionary, else sys_connection_attribute", () => {
  const sn = useEmulator();

  const aliasId = () => sn.instance.records("sys_alias", "id=sn_qualtrics_spoke.Qualtrics")[0]!.sys_id!;
  const definitions = () => sn.instance.records("var_dictionary", `model_table=sys_alias^model_id=${aliasId()}^element=x_api_token`);

  it("finds the definition in var_dictionary by model_table=sys_alias, model_id and element", async () => {
    connectProvider(sn.instance);
    const provider = lifecycle("QualtricsConnection");
    const created = await provider.create((await provider.check({}, qualtrics)).inputs);
    const definition = stateRecords("QualtricsConnection", created.outs).find((r) => r.step === "attribute:x_api_token")!;
    assert.equal(definition.table, "var_dictionary");
    assert.equal(definition.sysId, definitions()[0]!.sys_id);
    const value = sn.instance.records("sys_variable_value", `document_key=${created.outs.connectionSysId}`)[0]!;
    assert.equal(value.variable, definition.sysId);
    // The emulator stores the value column as text; an instance may encrypt a password-type attribute.
    assert.equal(sn.instance.revealSecret("sys_variable_value", value.sys_id!, "value") ?? value.value, "attribute-token-1");
    await provider.delete(created.id, created.outs);
  });

  it("falls back to sys_connection_attribute by model on an instance that keeps them there, and says so in state", async () => {
    connectProvider(sn.instance);
    for (const definition of definitions()) sn.instance.remove("var_dictionary", definition.sys_id!);
    const older = sn.instance.insert("sys_connection_attribute", { model: aliasId(), element: "x_api_token", label: "X-API-TOKEN" });
    const provider = lifecycle("QualtricsConnection");
    const inputs = (await provider.check({}, qualtrics)).inputs;
    const created = await provider.create(inputs);
    const definition = stateRecords("QualtricsConnection", created.outs).find((r) => r.step === "attribute:x_api_token")!;
    assert.deepEqual([definition.table, definition.sysId], ["sys_connection_attribute", older.sys_id]);
    const refreshed = await provider.read(created.id, created.outs);
    assert.equal((await provider.diff(created.id, refreshed.props!, inputs)).changes, false);
    await provider.delete(created.id, refreshed.props!);
  });

  it("names both places it looked when neither has the definition, before writing anything", async () => {
    connectProvider(sn.instance);
    for (const older of sn.instance.records("sys_connection_attribute")) sn.instance.remove("sys_connection_attribute", older.sys_id!);
    const provider = lifecycle("QualtricsConnection");
    await assert.rejects(provider.create((await provider.check({}, qualtrics)).inputs), /looked in var_dictionary by model_table=sys_alias and model_id, then in sys_connection_attribute by model/);
    assert.equal(sn.instance.records("http_connection", "name=Qualtrics").length, 0, "the transaction left nothing behind");
  });
});
