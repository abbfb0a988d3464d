import * as assert from "node:assert/strict";
import { secretChangedOutsidePulumi } from "../../provider/lifecycle/reconstruct-inputs";
import { useEmulator } from "../helpers/emulator";
import { checkAndCreate, connectProvider, lifecycle } from "../helpers/provider-session";

/**
 * A refresh that finds a secret rewritten outside Pulumi hands the input back as
 * `(changed outside Pulumi)`, which a kind's checks may refuse (a RestApiKey token is at least 32
 * characters). Drift that no input shows is still reported beside it: it is measured against
 * what the program's inputs plan.
 */
describe("refresh: drift beside a secret changed outside Pulumi", () => {
  const sn = useEmulator();

  it("reports a policy switched off in the UI while the key's token was also rewritten", async () => {
    connectProvider(sn.instance);
    const userSysId = sn.instance.records("sys_user", "user_name=itil.user")[0]!.sys_id;
    const { id, outs } = await checkAndCreate("RestApiKey", { name: "Drift beside secret", userSysId, token: "drift-beside-secret-token-0123456789abcdef" });
    const key = sn.instance.records("api_key", "name=Drift beside secret")[0]!;
    sn.instance.update("api_key", key.sys_id!, { token: "rewritten-in-the-ui-0123456789abcdef0123" });
    const policy = sn.instance.records("sys_api_access_policy", "name=Drift beside secret (Table API)")[0]!;
    sn.instance.update("sys_api_access_policy", policy.sys_id!, { active: "false" });

    const refreshed = await lifecycle("RestApiKey").read(id, outs);
    assert.equal(refreshed.inputs?.token, secretChangedOutsidePulumi);
    assert.deepEqual(refreshed.props?.driftedOnInstance, ["policy:table.active"]);
    await lifecycle("RestApiKey").delete(id, outs);
  });
});
