import * as assert from "node:assert/strict";
import { all, any, endsWith, eq, isEmpty, isNotEmpty, like, neq, orderBy, orderByDesc, startsWith } from "../../provider/client/encoded-query";

describe("encoded-query", () => {
  it("builds terms and joins them with ^ and ^OR", () => {
    assert.equal(
      all(eq("name", "Okta"), neq("active", "false"), isEmpty("parent"), isNotEmpty("id"), orderBy("sys_created_on")),
      "name=Okta^active!=false^parentISEMPTY^idISNOTEMPTY^ORDERBYsys_created_on",
    );
    assert.equal(all(like("a", "x"), startsWith("b", "y"), endsWith("c", "z"), orderByDesc("d")), "aLIKEx^bSTARTSWITHy^cENDSWITHz^ORDERBYDESCd");
    assert.equal(all(eq("active", "true"), any(eq("name", "a"), eq("name", "b"))), "active=true^name=a^ORname=b");
    assert.equal(any(any(eq("a", "1"), eq("a", "2")), eq("a", "3")), "a=1^ORa=2^ORa=3");
    assert.equal(all(), "");
    assert.equal(all("", eq("oauth_entity.name", "x"), ""), "oauth_entity.name=x");
  });

  it("refuses ^ in values, which ServiceNow cannot escape, so that a value cannot add a condition", () => {
    assert.throws(() => eq("name", "a^ORactive=false"), /cannot contain `\^`/);
    assert.throws(() => like("name", "^"), TypeError);
    assert.throws(() => any(eq("name", "x^"), eq("name", "y")), TypeError);
    assert.equal(eq("name", "a=b|c,d"), "name=a=b|c,d");
  });

  it("rejects line breaks in values, bad field names and OR of an AND", () => {
    assert.throws(() => eq("name", "a\nb"), TypeError);
    assert.throws(() => eq("name", "a\rb"), TypeError);
    assert.throws(() => eq("Name", "a"), /Invalid field name in encoded query: "Name"/);
    assert.throws(() => eq("name=x^", "a"), TypeError);
    assert.throws(() => isEmpty(""), TypeError);
    assert.throws(() => any(all(eq("a", "1"), eq("b", "2")), eq("c", "3")), /cannot OR a compound term/);
  });
});
