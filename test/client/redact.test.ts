import * as assert from "node:assert/strict";
import { redact } from "../../provider/client/redact";

describe("redact", () => {
  it("replaces known secrets in raw, URL-encoded, form-encoded and JSON spellings, longest first", () => {
    const secret = 'p@ss word"+/&x';
    const text = [secret, encodeURIComponent(secret), new URLSearchParams({ a: secret }).toString().slice(2), JSON.stringify(secret)].join(" | ");
    const out = redact(text, [secret, "p@ss"]);
    assert.ok(!out.includes("p@ss"), out);
    assert.equal(out, '[REDACTED] | [REDACTED] | [REDACTED] | "[REDACTED]"');
  });

  it("replaces credential-shaped text whatever the value", () => {
    assert.equal(redact("Authorization: Basic YWRtaW46cGFzcw== next"), "Authorization: [REDACTED] next");
    assert.equal(redact('{"authorization":"Bearer abc.def"}'), '{"authorization":"[REDACTED]"}');
    assert.equal(redact("sent Bearer abc.def-ghi"), "sent Bearer [REDACTED]");
    assert.equal(redact("x-sn-apikey: k123 and more"), "x-sn-apikey: [REDACTED] and more");
    assert.equal(
      redact("grant_type=password&password=pw&client_secret=cs&refresh_token=rt&access_token=at&client_id=cid"),
      "grant_type=password&password=[REDACTED]&client_secret=[REDACTED]&refresh_token=[REDACTED]&access_token=[REDACTED]&client_id=cid",
    );
    assert.equal(redact('{"access_token":"a\\"b","refresh_token":"r","expires_in":1799}'), '{"access_token":"[REDACTED]","refresh_token":"[REDACTED]","expires_in":1799}');
  });

  it("leaves ordinary text alone and ignores empty secrets", () => {
    const text = "update of `sys_alias` record 0123 on https://x.test failed (HTTP 404: No Record found)";
    assert.equal(redact(text, ["", undefined]), text);
  });
});
