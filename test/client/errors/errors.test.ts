import * as assert from "node:assert/strict";
import { inspect } from "node:util";
import * as errors from "../../../provider/client/errors";
import { AUTH, BASIC_HEADER, INSTANCE, netError, nock, SECRETS, SYS_ID, testClient, useNock } from "../fixtures";

/** What an oauth-password client knows: its credentials, the tokens it got, the secret field it writes. */
const SECRET_VALUES = [SECRETS.password, SECRETS.clientSecret, SECRETS.issuedAccess, SECRETS.issuedRefresh, SECRETS.fieldValue];
const BASIC = BASIC_HEADER.slice("Basic ".length);
/** An instance that echoes every secret back in its error detail, as a careless business rule might. */
const ECHO = `echo ${SECRET_VALUES.join(" ")} Authorization: Basic ${BASIC} x-sn-apikey: ${SECRETS.apiKey} password=${encodeURIComponent(SECRETS.password)}`;
const body = (message: string): object => ({ error: { message, detail: ECHO }, status: "failure" });

function assertNoSecret(e: unknown, secrets: readonly string[] = [...SECRET_VALUES, BASIC, encodeURIComponent(SECRETS.password)]): void {
  assert.ok(errors.isServiceNowError(e), `not a ServiceNowError: ${String(e)}`);
  const texts = {
    message: e.message,
    stack: e.stack ?? "",
    json: JSON.stringify(e),
    inspect: inspect(e, { depth: 10, showHidden: true }),
    string: String(e),
    cause: inspect((e as { cause?: unknown }).cause),
  };
  for (const [where, text] of Object.entries(texts)) {
    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `${e.name}.${where} contains a secret (${secret}): ${text}`);
    }
  }
  assert.equal((e as { cause?: unknown }).cause, undefined);
  const json = JSON.parse(texts.json) as Record<string, unknown>;
  assert.equal(json.name, e.name);
  assert.equal(json.instanceUrl, INSTANCE);
}

const PATH = `/api/now/table/basic_auth_credentials/${SYS_ID}`;
const WRITE = { user_name: "u", password: SECRETS.fieldValue };

describe("errors: every type, serialized every way, holds no secret", () => {
  useNock();

  function oauthClient() {
    nock(INSTANCE).post("/oauth_token.do").reply(200, { access_token: SECRETS.issuedAccess, refresh_token: SECRETS.issuedRefresh, expires_in: 1799 });
    return testClient({ auth: AUTH["oauth-password"], maxRetries: 1 }).client;
  }
  const update = (client: ReturnType<typeof oauthClient>) =>
    client.update("basic_auth_credentials", SYS_ID, WRITE, { secretFields: ["password"] });

  // The token endpoint never sees the field value being written, so it cannot echo it.
  const SIGN_IN_SECRETS = [SECRETS.password, SECRETS.clientSecret, encodeURIComponent(SECRETS.password)];
  const BASIC_SECRETS = [SECRETS.password, BASIC, SECRETS.fieldValue, encodeURIComponent(SECRETS.password)];
  const cases: [string, (typeof errors)[keyof typeof errors], () => Promise<unknown>, string[]?][] = [
    ["NotFoundError", errors.NotFoundError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(404, body("No Record found"));
      await update(oauthClient());
    }],
    ["UnauthorizedError (sign-in)", errors.UnauthorizedError, async () => {
      nock(INSTANCE).post("/oauth_token.do").reply(401, { error: "access_denied", error_description: ECHO });
      await update(testClient({ auth: AUTH["oauth-password"] }).client);
    }, SIGN_IN_SECRETS],
    ["UnauthorizedError (table)", errors.UnauthorizedError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(401, body("User Not Authenticated"));
      await update(testClient({ auth: AUTH.basic }).client);
    }, BASIC_SECRETS],
    ["ForbiddenError", errors.ForbiddenError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(403, body("Operation Failed"));
      await update(oauthClient());
    }],
    ["InvalidTableError", errors.InvalidTableError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(400, { error: { message: "Invalid table basic_auth_credentials", detail: ECHO } });
      await update(oauthClient());
    }],
    ["RateLimitedError", errors.RateLimitedError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(429, body("Rate limit exceeded"), { "Retry-After": "999" });
      await update(oauthClient());
    }],
    ["InvalidInputError", errors.InvalidInputError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(400, body("Bad value"));
      await update(oauthClient());
    }],
    ["ConflictError", errors.ConflictError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(409, body("Conflict"));
      await update(oauthClient());
    }],
    ["UnreachableError", errors.UnreachableError, async () => {
      nock(INSTANCE).patch(PATH).query(true).times(2).replyWithError(netError("ECONNRESET", `socket hang up ${ECHO}`));
      await update(oauthClient());
    }],
    ["OutcomeUnknownError", errors.OutcomeUnknownError, async () => {
      nock(INSTANCE).post("/api/now/table/basic_auth_credentials").query(true).reply(502, body("Bad gateway"));
      await oauthClient().create("basic_auth_credentials", WRITE, { secretFields: ["password"] });
    }],
    ["ServiceNowError (500)", errors.ServiceNowError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(500, body("Internal"));
      await update(oauthClient());
    }],
    ["ServiceNowError (redirect)", errors.ServiceNowError, async () => {
      nock(INSTANCE).patch(PATH).query(true).reply(302, "", { Location: `https://sso.test/login?password=${SECRETS.password}` });
      await update(oauthClient());
    }],
  ];

  for (const [name, type, run, known] of cases) {
    it(name, async () => {
      await assert.rejects(run(), (e: unknown) => {
        assert.ok(e instanceof (type as unknown as typeof errors.ServiceNowError), `${String(e)} is not ${name}`);
        assertNoSecret(e, known);
        return true;
      });
    });
  }

  for (const mode of ["basic", "oauth-password", "oauth-refresh-token", "oauth-client-credentials", "api-key", "bearer"] as const) {
    it(`${mode}: the configured credentials are redacted from an echoing error`, async () => {
      const auth = AUTH[mode] as unknown as Record<string, string>;
      const own = ["password", "clientSecret", "refreshToken", "apiKey", "accessToken"].flatMap((k) => (auth[k] ? [auth[k]] : []));
      if (mode.startsWith("oauth")) nock(INSTANCE).post("/oauth_token.do").reply(200, { access_token: SECRETS.issuedAccess, expires_in: 1799 });
      nock(INSTANCE).get(PATH).query(true).reply(500, { error: { message: "x", detail: `${own.join(" | ")} | ${SECRETS.issuedAccess}` } });
      await assert.rejects(testClient({ auth: AUTH[mode] }).client.get("basic_auth_credentials", SYS_ID), (e: unknown) => {
        assertNoSecret(e, [...own, ...(mode.startsWith("oauth") ? [SECRETS.issuedAccess] : [])]);
        assert.ok(errors.isServiceNowError(e) && (e.detail ?? "").startsWith("x: [REDACTED] | "));
        return true;
      });
    });
  }

  it("keeps the instance's explanation, redacted", async () => {
    nock(INSTANCE).patch(PATH).query(true).reply(403, body("Operation Failed"));
    await assert.rejects(update(oauthClient()), (e: unknown) => {
      assert.ok(errors.isForbiddenError(e));
      assert.match(e.detail ?? "", /^Operation Failed: echo \[REDACTED\]/);
      assert.match(e.message, /The user needs the admin role/);
      return true;
    });
  });
});

describe("error messages and guards", () => {
  const base = { instanceUrl: INSTANCE, table: "sys_alias", operation: "create" as const };

  it("ForbiddenError says the user needs the admin role for the table and includes the detail", () => {
    const e = new errors.ForbiddenError({ ...base, status: 403, detail: "Operation Failed: ACL Exception Insert Failed due to security constraints" });
    assert.equal(
      e.message,
      `create on table \`sys_alias\` was refused by ${INSTANCE} (HTTP 403: Operation Failed: ACL Exception Insert Failed due to ` +
        "security constraints). The user needs the admin role (or ACLs that allow create on `sys_alias`); if the detail names " +
        "a business rule or data policy, fix the values it rejects.",
    );
  });

  it("InvalidTableError says the spoke or plugin is not active", () => {
    const e = new errors.InvalidTableError({ ...base, table: "x_snc_sumtotal", status: 400, detail: "Invalid table x_snc_sumtotal" });
    assert.match(e.message, new RegExp(`the table \`x_snc_sumtotal\` does not exist on ${INSTANCE}: the spoke or plugin that provides it is not active`));
  });

  it("ConflictError and InvalidInputError name the operation and the instance's detail", () => {
    assert.match(new errors.ConflictError({ ...base, status: 409, detail: "dup" }).message, /create on table `sys_alias` on .* conflicts .*\(HTTP 409: dup\)/);
    assert.match(new errors.InvalidInputError({ ...base, status: 400, detail: "bad" }).message, /rejected the request \(HTTP 400: bad\)/);
  });

  it("guards tell the types apart, and every type is a ServiceNowError and an Error", () => {
    const e = new errors.NotFoundError({ ...base, status: 404 });
    const u: unknown = e;
    assert.ok(errors.isNotFoundError(u) && errors.isServiceNowError(u) && u instanceof Error);
    assert.ok(!errors.isConflictError(u) && !errors.isUnauthorizedError(u) && !errors.isForbiddenError(u));
    assert.ok(!errors.isServiceNowError(new Error("x")) && !errors.isServiceNowError(undefined));
    assert.equal(e.name, "NotFoundError");
    assert.match(e.stack ?? "", /^NotFoundError: create on table/);
  });
});
