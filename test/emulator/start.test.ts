import * as assert from "node:assert/strict";
import { start } from "../../emulator";
import { basicAuthHeader } from "../helpers/emulator";

describe("emulator start()", () => {
  it("runs several instances at once, each with its own data and credentials", async () => {
    const [dev, prod] = await Promise.all([start({ quiet: true }), start({ quiet: true, spokes: ["okta"] })]);
    try {
      assert.notEqual(dev.port, prod.port);
      assert.equal(dev.url, `http://127.0.0.1:${dev.port}`);
      assert.notEqual(dev.admin.password, prod.admin.password);
      dev.insert("sys_properties", { name: "only.dev" });
      assert.equal(prod.records("sys_properties", "name=only.dev").length, 0);
      const res = await fetch(`${prod.url}/api/now/table/sys_alias`, { headers: { authorization: basicAuthHeader(dev.admin) } });
      assert.equal(res.status, 401);
    } finally {
      await Promise.all([dev.stop(), prod.stop()]);
    }
  });

  it("listens on a given port and host; stop() frees it and can be called twice", async () => {
    const first = await start({ quiet: true, spokes: [] });
    const port = first.port;
    await first.stop();
    await first.stop();
    await assert.rejects(fetch(`${first.url}/api/now/table/sys_user`));
    const again = await start({ quiet: true, spokes: [], port, host: "127.0.0.1" });
    try {
      assert.equal(again.port, port);
    } finally {
      await again.stop();
    }
  });

  it("stop() closes kept-alive connections", async () => {
    const e = await start({ quiet: true, spokes: [] });
    await (await fetch(`${e.url}/api/now/table/sys_user`, { headers: { "x-sn-apikey": e.apiKey } })).arrayBuffer();
    const t = Date.now();
    await e.stop();
    assert.ok(Date.now() - t < 1000);
  });

  it("rejects unknown spokes and bad token lifetimes with a message naming the option", async () => {
    await assert.rejects(start({ quiet: true, spokes: ["servicenow" as "okta"] }), /Unknown spoke `servicenow`/);
    await assert.rejects(start({ quiet: true, tokenLifetimeSeconds: 0 }), /tokenLifetimeSeconds/);
  });
});
