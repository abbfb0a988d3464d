import * as assert from "node:assert/strict";
import { isLoopbackHost, normalizeInstanceUrl } from "../../provider/config/instance-url";

describe("normalizeInstanceUrl", () => {
  it("returns the origin: https added to a bare host, host lower-cased, trailing slash and default port dropped", () => {
    assert.deepEqual(normalizeInstanceUrl("dev123.service-now.com"), { ok: true, url: "https://dev123.service-now.com" });
    assert.deepEqual(normalizeInstanceUrl(" https://DEV123.service-now.com:443/ "), { ok: true, url: "https://dev123.service-now.com" });
    assert.deepEqual(normalizeInstanceUrl("https://snow.corp.example:8443"), { ok: true, url: "https://snow.corp.example:8443" });
  });

  it("allows plain http for loopback hosts only", () => {
    for (const u of ["http://127.0.0.1:1", "http://127.1.2.3", "http://localhost", "http://LOCALHOST:9", "http://[::1]:80"]) {
      assert.equal(normalizeInstanceUrl(u).ok, true, u);
    }
    assert.equal(normalizeInstanceUrl("http://128.0.0.1").ok, false);
    assert.equal(normalizeInstanceUrl("http://localhost.evil.test").ok, false);
  });

  it("explains what is wrong", () => {
    assert.deepEqual(normalizeInstanceUrl("https://x.test/api?q=1"), {
      ok: false,
      reason: `must be the instance's base URL without a path (got "https://x.test/api?q=1", use "https://x.test")`,
    });
    assert.deepEqual(normalizeInstanceUrl("https://u:p@x.test"), { ok: false, reason: "must not contain a user name or password; set them as separate settings" });
  });

  it("isLoopbackHost", () => {
    assert.ok(isLoopbackHost("127.0.0.1") && isLoopbackHost("[::1]") && isLoopbackHost("localhost"));
    assert.ok(!isLoopbackHost("10.0.0.1") && !isLoopbackHost("127.0.0.1.nip.io"));
  });
});
