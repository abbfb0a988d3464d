import * as assert from "node:assert/strict";
import { clientCacheKey, clientFor, resetClientCache } from "../../provider/client/client-for";
import { AUTH, config, SECRETS } from "./fixtures";

describe("clientFor", () => {
  afterEach(resetClientCache);

  it("shares one client per instance, credentials and limits", () => {
    const a = clientFor(config());
    assert.equal(clientFor(config()), a);
    assert.equal(a.instanceUrl, config().instanceUrl);
    assert.notEqual(clientFor(config({ auth: { ...AUTH.basic, password: "other" } })), a);
    assert.notEqual(clientFor(config({ instanceUrl: "https://other.service-now.test" })), a);
    assert.notEqual(clientFor(config({ maxConcurrency: 2 })), a);
  });

  it("keys the cache by a SHA-256 of the credentials, never the credentials", () => {
    for (const auth of Object.values(AUTH)) {
      const key = clientCacheKey(config({ auth }));
      for (const secret of Object.values(SECRETS)) assert.ok(!key.includes(secret), key);
      assert.match(key, /\|[0-9a-f]{64}\|/);
    }
  });

  it("starts afresh after resetClientCache()", () => {
    const a = clientFor(config());
    resetClientCache();
    assert.notEqual(clientFor(config()), a);
  });
});
