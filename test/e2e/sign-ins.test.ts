import * as assert from "node:assert/strict";
import * as path from "node:path";
import { basicAuthHeader } from "../helpers/emulator";
import { snapshot } from "../lifecycle/snapshot";
import { useEmulatedStack } from "./emulated-stack";
import { PulumiProject, repoRoot } from "./pulumi-project";

/**
 * The three sign-ins of seeds/003, configured by one program (examples/external-tool) through
 * the real CLI, then used as the external tool would: basic auth as the integration user,
 * OAuth through the client (password grant, as that user), and the REST API key. Each reads a
 * table the user's role (itil) allows and is refused one it does not.
 */

const userName = "svc.workboard";
const secrets = { "external-tool:clientSecret": "signin-client-secret-9a8b7c6d", "external-tool:userPassword": "signin-user-Password-5e4f!" };

describe("seeds/003: the external tool's three sign-ins through the real Pulumi CLI", function () {
  this.timeout(600_000);
  const stack = useEmulatedStack((emulator) =>
    PulumiProject.create({
      fromDirectory: path.join(repoRoot, "examples", "external-tool"),
      config: { "servicenow:instanceUrl": emulator.url, "servicenow:username": emulator.admin.username, "external-tool:userName": userName },
      secrets: { "servicenow:password": emulator.admin.password, ...secrets },
    }),
  );
  let token = "";

  const tableRead = (table: string, headers: Record<string, string>): Promise<Response> =>
    fetch(`${stack.emulator.url}/api/now/table/${table}?sysparm_limit=1`, { headers: { accept: "application/json", ...headers } });

  /** Signed in with `headers`: the user's role may read incidents, not the REST API keys. */
  async function assertSignedInAsTheUser(how: string, headers: Record<string, string>): Promise<void> {
    assert.equal((await tableRead("incident", headers)).status, 200, `${how}: reads incident (itil)`);
    assert.equal((await tableRead("api_key", headers)).status, 403, `${how}: refused api_key (admin only)`);
  }

  it("pulumi up configures the user, the OAuth client and the REST API key; the token is a secret output", async () => {
    const { emulator, project } = stack;
    stack.keep(await project.up());
    const outputs = JSON.parse((await project.must(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, string>;
    token = outputs.apiKey!;
    assert.match(token, /^now_/);
    assert.equal((await project.outputs()).apiKey, "[secret]");
    emulator.insert("incident", { number: "INC0000042", short_description: "WorkBoard key result" });
  });

  it("basic auth as the integration user", async () => {
    await assertSignedInAsTheUser("basic", { authorization: basicAuthHeader({ username: userName, password: secrets["external-tool:userPassword"] }) });
  });

  it("OAuth through the client, as the integration user", async () => {
    const { emulator, project } = stack;
    const { clientId, tokenUrl } = (await project.outputs()) as Record<string, string>;
    assert.equal(tokenUrl, `${emulator.url}/oauth_token.do`);
    const body = new URLSearchParams({
      grant_type: "password",
      client_id: clientId!,
      client_secret: secrets["external-tool:clientSecret"],
      username: userName,
      password: secrets["external-tool:userPassword"],
    });
    const answer = await fetch(tokenUrl!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    assert.equal(answer.status, 200);
    const { access_token: accessToken } = (await answer.json()) as { access_token: string };
    await assertSignedInAsTheUser("OAuth", { authorization: `Bearer ${accessToken}` });
  });

  it("the REST API key (x-sn-apikey), as the integration user", async () => {
    await assertSignedInAsTheUser("API key", { "x-sn-apikey": token });
  });

  it("shows no changes refreshed, and keeps the token and every secret out of the state and of what the CLI printed", async () => {
    const { project } = stack;
    const refreshed = stack.keep(await project.preview("--refresh", "--expect-no-changes"));
    assert.equal(refreshed.code, 0, refreshed.output);
    stack.assertNoPlaintext({ ...secrets, token }, await project.exportedState());
  });

  it("rotation replaces the key: the old token stops working, the new one signs in", async () => {
    const { project } = stack;
    await project.must(["config", "set", "external-tool:apiKeyRotation", "2026-12"]);
    const up = stack.keep(await project.up());
    assert.match(up.output, /replaced/, up.output);
    const rotated = (JSON.parse((await project.must(["stack", "output", "--json", "--show-secrets"])).stdout) as Record<string, string>).apiKey!;
    assert.notEqual(rotated, token);
    assert.equal((await tableRead("incident", { "x-sn-apikey": token })).status, 401);
    await assertSignedInAsTheUser("rotated API key", { "x-sn-apikey": rotated });
    stack.assertNoPlaintext({ ...secrets, token, rotated }, await project.exportedState());
  });

  it("a token set from secret config is used as is, and stays out of `--debug` output too", async () => {
    // A generated token is an output only, and the SDK's `--debug` log of the engine's answer
    // prints outputs; the CLI masks the values of secret config there, so this one never shows.
    const { project } = stack;
    const mine = "now_from-secret-config-0123456789abcdefghij";
    await project.must(["config", "set", "--secret", "external-tool:apiKeyToken", mine]);
    const up = stack.keep(await project.up());
    assert.doesNotMatch(up.output, /replaced/, "a new token is rewritten in place");
    await assertSignedInAsTheUser("API key from config", { "x-sn-apikey": mine });
    stack.keep(await project.must(["preview", "--refresh", "--debug", "--non-interactive"]));
    stack.assertNoPlaintext({ ...secrets, mine }, await project.exportedState());
  });

  it("destroy leaves the instance as it was", async () => {
    const { emulator, project } = stack;
    stack.keep(await project.destroy());
    assert.deepEqual(snapshot(emulator), stack.initial);
    assert.equal(emulator.records("api_key").length, 0);
  });
});
