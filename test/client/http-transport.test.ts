import * as assert from "node:assert/strict";
import { networkErrorCode, queryString } from "../../provider/client/http-transport";

describe("http-transport", () => {
  it("encodes query parameters with encodeURIComponent", () => {
    assert.equal(queryString({ sysparm_query: "a=b c^d&e", x: "1" }), "?sysparm_query=a%3Db%20c%5Ed%26e&x=1");
    assert.equal(queryString({}), "");
    assert.equal(queryString(undefined), "");
  });

  it("reduces an error to a safe code", () => {
    assert.equal(networkErrorCode(Object.assign(new Error("x"), { code: "ECONNRESET" })), "ECONNRESET");
    assert.equal(networkErrorCode(Object.assign(new Error("x"), { code: "ERR_NETWORK", cause: { code: "EPIPE" } })), "EPIPE");
    assert.equal(networkErrorCode(Object.assign(new Error("x"), { code: "ERR_NETWORK" })), "ERR_NETWORK");
    assert.equal(networkErrorCode(new Error("socket hang up")), "ECONNRESET");
    assert.equal(networkErrorCode(new Error("timeout of 5ms exceeded")), "ETIMEDOUT");
    assert.equal(networkErrorCode("weird"), "ENETWORK");
  });
});
