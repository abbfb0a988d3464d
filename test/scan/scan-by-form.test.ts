import * as assert from "node:assert/strict";
import { mapInstance } from "../../provider/scan/map-resources";
import { mergeStacks } from "../../provider/scan/merge-stacks";
import { readInstance } from "../../provider/scan/read-instance";
import { renderProgram } from "../../provider/scan/render-program";
import { mergeStackFile } from "../../provider/scan/render-stack-config";
import { installJiraSpoke } from "../fixtures/jira-spoke";
import { useEmulator } from "../helpers/emulator";
import { checkAndCreate, connectProvider } from "../helpers/provider-session";

/** A spoke with no preset whose alias has a Configure form scans to SpokeConnection with `form`, by the form's labels. */
describe("scan: a spoke with no preset, by its own Configure form", () => {
  const sn = useEmulator({ quiet: true });
  const form = { "Connection URL": "https://api.atlassian.com/ex/jira/11223344-a1b2", "Client ID": "jira-client", "Client Secret": "jira-secret-scan" };

  before(async () => {
    installJiraSpoke(sn.instance);
    connectProvider(sn.instance);
    await checkAndCreate("SpokeConnection", { connectionAlias: "sn_jira_spoke.Jira", form });
  });

  it("reads each field from the record its path names, the password field as a secret, and adopts with no difference", async () => {
    const result = mapInstance(await readInstance(connectProvider(sn.instance), { oauthClients: false, users: false }));
    const jira = result.resources.find((resource) => resource.name === "jira");
    assert.ok(jira, result.resources.map((resource) => resource.name).join(", "));
    assert.equal(jira.kind, "SpokeConnection");
    assert.deepEqual(jira.values, { connectionAlias: "sn_jira_spoke.Jira", form: { "Connection Name": "Jira", "Connection URL": form["Connection URL"], "Client ID": "jira-client" } });
    assert.deepEqual(jira.secrets, [{ input: "form", key: "Client Secret", label: "Client Secret" }]);
    assert.deepEqual(jira.notes, []);
    assert.match(jira.describes, /by its Configure form \(template Jira Spoke Template\)/);

    const merged = mergeStacks([{ stack: "dev", result }]);
    const program = renderProgram(merged, ["dev"], { uncovered: new Map() });
    assert.match(program, /new snow\.SpokeConnection\("jira", \{ \.\.\.args, form: \{ \.\.\.args\.form, "Client Secret": config\.requireSecret\("jiraClientSecret"\) \}, adopt: true \}\)/);
    assert.match(program, /\(args: Omit<snow\.SpokeConnectionArgs, "adopt">\)/);
    const stackFile = mergeStackFile(undefined, new Map(merged.map((resource) => [`spokes:${resource.configKey}`, resource.stacks.get("dev")!.values as never])));
    assert.match(stackFile, /"Connection URL": "https:\/\/api\.atlassian\.com\/ex\/jira\/11223344-a1b2"/);
    assert.ok(!`${program}${stackFile}`.includes("jira-secret-scan"));
  });
});
