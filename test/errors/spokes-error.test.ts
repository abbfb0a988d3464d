import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import { isSpokesError, SpokesError } from "../../provider/errors/spokes-error";

describe("SpokesError: the base of every error of this package", () => {
  it("is an Error named after its class, subclasses included", () => {
    class ExampleError extends SpokesError {}
    const base = new SpokesError("base");
    const sub = new ExampleError("sub");
    assert.ok(base instanceof Error && sub instanceof SpokesError && sub instanceof Error);
    assert.equal(base.name, "SpokesError");
    assert.equal(sub.name, "ExampleError");
    assert.match(sub.stack ?? "", /^ExampleError: sub/);
    assert.equal(String(sub), "ExampleError: sub");
    assert.ok(!Object.keys(sub).includes("name"), "name is not an own enumerable field");
  });

  it("carries instanceUrl, table, operation and status where given, and nothing where not", () => {
    const e = new SpokesError("x", { instanceUrl: "https://dev1.service-now.com", table: "sys_alias", operation: "list", status: 403 });
    assert.deepEqual({ instanceUrl: e.instanceUrl, table: e.table, operation: e.operation, status: e.status }, {
      instanceUrl: "https://dev1.service-now.com",
      table: "sys_alias",
      operation: "list",
      status: 403,
    });
    assert.deepEqual(Object.keys(new SpokesError("y")), []);
  });

  it("keeps the cause (ES2022), and has none unless one is given", () => {
    const failure = new Error("the first failure");
    assert.equal(new SpokesError("wrapped", { cause: failure }).cause, failure);
    assert.ok(!("cause" in new SpokesError("alone")));
  });

  it("redacts the given secrets, and anything shaped like a credential, from the message at construction", () => {
    const e = new SpokesError("the answer echoed s3cr3t-value and Authorization: Bearer abc.def", { secrets: ["s3cr3t-value"] });
    assert.equal(e.message, "the answer echoed [REDACTED] and Authorization: [REDACTED]");
    for (const text of [e.stack ?? "", JSON.stringify(e), inspect(e, { showHidden: true }), String(e)]) {
      assert.ok(!text.includes("s3cr3t-value") && !text.includes("abc.def"), text);
    }
  });

  it("leaves a message without secrets word for word, even one that looks like a credential", () => {
    // Messages of errors that hold no outside answer name records, e.g. name="Basic Auth".
    assert.equal(new SpokesError('A sys_alias record with name="Basic Auth" exists').message, 'A sys_alias record with name="Basic Auth" exists');
  });

  it("serializes to JSON with its name, message and fields", () => {
    const json = JSON.parse(JSON.stringify(new SpokesError("x", { table: "sys_alias", status: 400 }))) as Record<string, unknown>;
    assert.deepEqual(json, { name: "SpokesError", message: "x", table: "sys_alias", status: 400 });
  });

  it("isSpokesError knows its errors, also by brand (another copy of the package), and nothing else", () => {
    assert.ok(isSpokesError(new SpokesError("x")));
    const fromAnotherCopy = Object.defineProperty(new Error("x"), Symbol.for("pulumi-servicenow-spokes/SpokesError"), { value: true });
    assert.ok(isSpokesError(fromAnotherCopy));
    for (const other of [new Error("x"), Object.assign(new Error("x"), { name: "SpokesError" }), undefined, null, "SpokesError", {}]) {
      assert.ok(!isSpokesError(other), String(other));
    }
  });
});
