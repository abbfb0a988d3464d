import * as assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inspect } from "node:util";
import * as pkg from "../../provider";
import { NetworkFailure } from "../../provider/client/http-transport";
import * as family from "../../provider/errors";
import { UsageError } from "../../provider/scan/usage-error";

const INSTANCE = "https://dev1.service-now.test";
const SECRET = "s3cr3t-9f8e7d";
/** What the client knows about a failed request; the instance's detail echoes a secret, as a careless business rule might. */
const details = { instanceUrl: INSTANCE, table: "oauth_entity", operation: "create" as const, status: 400, detail: `echo ${SECRET}`, secrets: [SECRET] };
const key = { name: "Okta" };

/** One of each error class in provider/, made as the code makes it. Adding a class means adding it here. */
const samples: Record<string, () => Error> = {
  SpokesError: () => new family.SpokesError(`base ${SECRET}`, { secrets: [SECRET] }),
  ServiceNowError: () => new family.ServiceNowError(`create failed: ${SECRET}`, details),
  NotFoundError: () => new family.NotFoundError({ ...details, status: 404 }),
  UnauthorizedError: () => new family.UnauthorizedError({ ...details, status: 401, credentialSettings: ["`servicenow:password`"], signIn: "basic auth as `admin`" }),
  ForbiddenError: () => new family.ForbiddenError({ ...details, status: 403 }),
  InvalidTableError: () => new family.InvalidTableError(details),
  RateLimitedError: () => new family.RateLimitedError({ ...details, status: 429, retryAt: new Date(0) }),
  InvalidInputError: () => new family.InvalidInputError(details),
  ConflictError: () => new family.ConflictError({ ...details, status: 409 }),
  UnreachableError: () => new family.UnreachableError({ ...details, status: undefined, code: "ECONNRESET" }),
  OutcomeUnknownError: () => new family.OutcomeUnknownError({ ...details, status: 502 }),
  RecordExistsError: () => new family.RecordExistsError(INSTANCE, "oauth_entity", key, "0".repeat(32)),
  AmbiguousRecordError: () => new family.AmbiguousRecordError(INSTANCE, "oauth_entity", key, ["a", "b"]),
  RequiredRecordMissingError: () => new family.RequiredRecordMissingError(INSTANCE, "sys_alias", key, undefined),
  RollbackError: () => new family.RollbackError(INSTANCE, samples.ForbiddenError!(), [{ table: "oauth_entity", sysId: "a", reason: "HTTP 403" }]),
  WriteVerificationError: () => new family.WriteVerificationError(INSTANCE, "http_connection", "a", [{ column: "connection_timeout", sent: "30", returned: undefined }]),
  ProviderConfigError: () => new family.ProviderConfigError([{ setting: "instanceUrl", message: "`servicenow:instanceUrl` is not set." }]),
  CredentialCheckError: () => new family.CredentialCheckError(`Okta refused the API token (HTTP 401: echo ${SECRET})`, { party: "Okta", status: 401, secrets: [SECRET] }),
  FormMismatchError: () => new family.FormMismatchError(INSTANCE, "sn_okta_spoke.Okta", "`form` has \"X\"", { cause: samples.UnknownFormLabelError!() }),
  FormTemplateFormatError: () => new family.FormTemplateFormatError("The template T has a dynamic_data_schema that is not a JSON object", { table: "sys_alias_templates" }),
  UnknownFormLabelError: () => new family.UnknownFormLabelError("`form` has \"X\""),
  ImportError: () => new family.ImportError("TableRecord", "0".repeat(32), "its `table` and `key` are inputs that a sys_id alone does not give", INSTANCE),
  NetworkFailure: () => new NetworkFailure("ECONNRESET"),
  UsageError: () => new UsageError("--include accepts ..."),
};

const internal: Record<string, Function> = { NetworkFailure, UsageError };
const classes: Record<string, Function> = {
  ...Object.fromEntries(Object.entries(family).filter(([, value]) => typeof value === "function" && value.prototype instanceof Error)),
  ...internal,
};

/** `class X extends Y` for every class in provider/, read from the sources. */
function classesInSources(): Map<string, string> {
  const root = resolve(__dirname, "../../../provider");
  const found = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts")) {
        for (const match of readFileSync(path, "utf8").matchAll(/\bclass (\w+) extends (\w+)/g)) found.set(match[1]!, match[2]!);
      }
    }
  };
  walk(root);
  return found;
}

describe("one error family: every error class in provider/ derives from SpokesError", () => {
  it("the sources have no error class outside the family, and only SpokesError extends Error", () => {
    const sources = classesInSources();
    const errorClasses = new Set(["Error"]);
    for (let size = 0; size !== errorClasses.size; ) {
      size = errorClasses.size;
      for (const [name, base] of sources) if (errorClasses.has(base)) errorClasses.add(name);
    }
    errorClasses.delete("Error");
    assert.deepEqual([...errorClasses].sort(), Object.keys(classes).sort());
    assert.deepEqual([...sources].filter(([, base]) => base === "Error").map(([name]) => name), ["SpokesError"]);
    assert.deepEqual(Object.keys(samples).sort(), Object.keys(classes).sort());
  });

  for (const [name, make] of Object.entries(samples)) {
    it(`${name}: a SpokesError and an Error, named ${name}, an instance of its class`, () => {
      const e = make();
      assert.ok(e instanceof family.SpokesError && e instanceof Error && family.isSpokesError(e));
      assert.ok(e instanceof (classes[name] as new (...args: never[]) => Error));
      assert.equal(e.name, name);
      assert.ok((e.stack ?? "").startsWith(`${name}: `), e.stack);
    });
  }

  it("each exported class has its guard, and a guard is true exactly for its class and the classes below it", () => {
    const exported = Object.keys(classes).filter((name) => !(name in internal));
    for (const name of exported) {
      const guard = (family as Record<string, unknown>)[`is${name}`] as ((e: unknown) => boolean) | undefined;
      assert.equal(typeof guard, "function", `no is${name}`);
      for (const [other, make] of Object.entries(samples)) {
        const e = make();
        assert.equal(guard!(e), e instanceof (classes[name] as new (...args: never[]) => Error), `is${name}(${other})`);
      }
      assert.equal(guard!(Object.assign(new Error("x"), { name })), false, `is${name} of a plain Error named ${name}`);
    }
  });

  it("carries what applies: instance, table, operation, status", () => {
    const pick = (e: family.SpokesError) => ({ instanceUrl: e.instanceUrl, table: e.table, operation: e.operation, status: e.status });
    assert.deepEqual(pick(samples.ForbiddenError!() as family.SpokesError), { instanceUrl: INSTANCE, table: "oauth_entity", operation: "create", status: 403 });
    assert.deepEqual(pick(samples.RecordExistsError!() as family.SpokesError), { instanceUrl: INSTANCE, table: "oauth_entity", operation: "create", status: undefined });
    assert.deepEqual(pick(samples.WriteVerificationError!() as family.SpokesError), { instanceUrl: INSTANCE, table: "http_connection", operation: undefined, status: undefined });
    assert.deepEqual(pick(samples.CredentialCheckError!() as family.SpokesError), { instanceUrl: undefined, table: undefined, operation: undefined, status: 401 });
  });

  it("keeps the cause: a rollback's failure, the unknown label behind a form mismatch; a client error has none", () => {
    const rollback = samples.RollbackError!() as family.RollbackError;
    assert.ok(family.isForbiddenError(rollback.cause));
    assert.equal(rollback.cause, rollback.failure);
    assert.ok(family.isUnknownFormLabelError((samples.FormMismatchError!() as family.FormMismatchError).cause));
    assert.equal(samples.ForbiddenError!().cause, undefined);
  });

  it("no secret survives in the message, stack, JSON or inspect() of any of them, causes included", () => {
    for (const [name, make] of Object.entries(samples)) {
      const e = make();
      const texts = { message: e.message, stack: e.stack ?? "", json: JSON.stringify(e), inspect: inspect(e, { depth: 10, showHidden: true }), string: String(e) };
      for (const [where, text] of Object.entries(texts)) assert.ok(!text.includes(SECRET), `${name}.${where} holds the secret: ${text}`);
    }
  });

  it("the package's index exports the family, so users can catch it", () => {
    for (const [name, value] of Object.entries(family)) assert.equal((pkg as Record<string, unknown>)[name], value, name);
  });
});
