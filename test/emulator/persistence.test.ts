import * as assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "../../emulator";
import { loadSnapshot, Persister, serializeSnapshot } from "../../emulator/persistence";
import { basicAuthHeader } from "../helpers/emulator";

describe("emulator persistence", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "sn-emulator-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("a restart from the data file serves the same records, credentials and secrets", async () => {
    const file = join(dir, "instance.json");
    const first = await start({ quiet: true, dataFile: file });
    const res = await fetch(`${first.url}/api/now/table/basic_auth_credentials?sysparm_input_display_value=true`, {
      method: "POST",
      headers: { authorization: basicAuthHeader(first.admin), "content-type": "application/json" },
      body: JSON.stringify({ name: "persisted", user_name: "u", password: "p" }),
    });
    const made = ((await res.json()) as { result: Record<string, string> }).result;
    const before = { admin: first.admin, user: first.user, client: first.oauthClient, key: first.apiKey };
    await first.stop();

    const second = await start({ quiet: true, dataFile: file });
    try {
      assert.deepEqual({ admin: second.admin, user: second.user, client: second.oauthClient, key: second.apiKey }, before);
      const again = await fetch(`${second.url}/api/now/table/basic_auth_credentials/${made.sys_id}`, { headers: { authorization: basicAuthHeader(second.admin) } });
      assert.equal(again.status, 200);
      const record = ((await again.json()) as { result: Record<string, string> }).result;
      assert.equal(record.password, made.password);
      assert.equal(record.sys_created_on, made.sys_created_on);
      assert.equal(second.revealSecret("basic_auth_credentials", made.sys_id, "password"), "p");
      assert.equal(second.records("sys_alias").length, 3, "seeding did not duplicate");
      assert.equal(second.records("oauth_entity").length, 1);
    } finally {
      await second.stop();
    }
  });

  it("writes soon after each change, not only on stop, and never leaves temp files", async () => {
    const file = join(dir, "live.json");
    const e = await start({ quiet: true, dataFile: file, spokes: [] });
    try {
      e.insert("sys_properties", { name: "persist.live", value: "1" });
      await new Promise((r) => setTimeout(r, 200));
      const snap = loadSnapshot(file);
      assert.ok(snap?.records.some((r) => r.values.name === "persist.live"));
    } finally {
      await e.stop();
    }
    assert.deepEqual(readdirSync(dir), ["live.json"]);
  });

  it("keeps no plaintext secret in the file", async () => {
    const file = join(dir, "secret.json");
    const e = await start({ quiet: true, dataFile: file, spokes: [], adminPassword: "Very-Secret-Admin" });
    e.insert("api_key_credentials", { name: "k", api_key: "SSWS plaintext-token" });
    await e.stop();
    const text = readFileSync(file, "utf8");
    assert.ok(!text.includes("plaintext-token"));
    assert.ok(!text.includes("Very-Secret-Admin"));
  });

  it("applies --admin-password over the stored one and deactivates spokes no longer asked for", async () => {
    const file = join(dir, "change.json");
    await (await start({ quiet: true, dataFile: file })).stop();
    const e = await start({ quiet: true, dataFile: file, adminPassword: "new-pass", spokes: ["okta"] });
    try {
      assert.equal(e.admin.password, "new-pass");
      assert.deepEqual(e.records("sys_alias").map((a) => a.id), ["sn_okta_spoke.Okta"]);
      assert.equal(e.records("sys_properties", "name=sn_qualtrics_spoke.qualtrics_directory").length, 0);
    } finally {
      await e.stop();
    }
  });

  it("refuses to start on a file that is not an emulator data file, and leaves it alone", async () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, '{"hello": 1}');
    await assert.rejects(start({ quiet: true, dataFile: file }), /not an emulator data file/);
    writeFileSync(file, "{torn");
    await assert.rejects(start({ quiet: true, dataFile: file }), SyntaxError);
    assert.equal(readFileSync(file, "utf8"), "{torn");
  });

  it("Persister coalesces writes and flush waits for the last state", async () => {
    const file = join(dir, "p.json");
    let n = 0;
    const snap = (): Promise<string[]> => serializeSnapshot({ secretKey: "00", apiKey: "k", rateLimitRule: "r" }, [{ className: "sys_properties", values: { n: String(++n) } }]);
    const p = new Persister(file, snap, (m) => assert.fail(m), 50);
    for (let i = 0; i < 10; i++) p.schedule();
    await p.flush();
    assert.equal(n, 1);
    assert.equal(JSON.parse(readFileSync(file, "utf8")).records[0].values.n, "1");
    p.schedule();
    await p.flush();
    assert.equal(n, 2);
  });
});
