import * as assert from "node:assert/strict";
import { useEmulator } from "../helpers/emulator";
import { checkAndCreate, connectProvider, lifecycle } from "../helpers/provider-session";
import { classicScopes, installJiraSpoke } from "../fixtures/jira-spoke";

/** A spoke with no preset, configured by its own Configure form (the Jira fixture: test/fixtures/jira-spoke.ts). */
describe("a spoke with no preset, by its own form: Jira Cloud with OAuth client credentials", () => {
  const sn = useEmulator({ quiet: true });

  before(() => installJiraSpoke(sn.instance));

  it("creates what the form would: the template's names, token URL and scopes, the user's URL, client id and secret", async () => {
    connectProvider(sn.instance);
    const form = { "Connection URL": "https://api.atlassian.com/ex/jira/11223344-a1b2", "Client ID": "jira-client", "Client Secret": "jira-secret-1" };
    const { id, outs } = await checkAndCreate("SpokeConnection", { connectionAlias: "sn_jira_spoke.Jira", form });
    const entity = sn.instance.records("oauth_entity", `sys_id=${outs.oauthEntitySysId}`)[0]!;
    assert.equal(entity.name, "Jira Client Credentials OAuth");
    assert.equal(entity.token_url, "https://auth.atlassian.com/oauth/token");
    assert.equal(entity.revoke_token_url, "https://auth.atlassian.com/oauth/token");
    assert.equal(entity.type, "oauth_provider");
    assert.equal(entity.client_id, "jira-client");
    assert.equal(sn.instance.revealSecret("oauth_entity", entity.sys_id!, "client_secret"), "jira-secret-1");
    assert.deepEqual(sn.instance.records("oauth_entity_scope", `oauth_entity=${entity.sys_id}`).map((scope) => scope.oauth_entity_scope), [classicScopes]);
    const credential = sn.instance.records("oauth_2_0_credentials", `sys_id=${outs.credentialSysId}`)[0]!;
    assert.equal(credential.name, "Jira client credential cred");
    const connection = sn.instance.records("http_connection", `sys_id=${outs.connectionSysId}`)[0]!;
    assert.deepEqual([connection.name, connection.connection_url, connection.credential], ["Jira", form["Connection URL"], credential.sys_id]);
    assert.equal(outs.configureForm.template, "Jira Spoke Template");

    // A changed form value is an update in place, of that column only.
    const provider = lifecycle("SpokeConnection");
    const news = { ...outs, form: { ...form, "Connection URL": "https://api.atlassian.com/ex/jira/55667788-c3d4" } };
    const checked = await provider.check(outs, news);
    const diff = await provider.diff(id, outs, checked.inputs);
    assert.notEqual(diff.changes, false);
    assert.deepEqual(diff.replaces, []);
    const updated = await provider.update(id, outs, checked.inputs);
    assert.equal(sn.instance.records("http_connection", `sys_id=${outs.connectionSysId}`)[0]!.connection_url, "https://api.atlassian.com/ex/jira/55667788-c3d4");
    await provider.delete(id, updated.outs);
    assert.equal(sn.instance.records("oauth_entity", `sys_id=${outs.oauthEntitySysId}`).length, 0);
  });
});
