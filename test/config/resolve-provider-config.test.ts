import * as assert from "node:assert/strict";
import { isProviderConfigError, ProviderConfigError } from "../../provider/config/provider-config-error";
import { resolveProviderConfig } from "../../provider/config/resolve-provider-config";

const URL = "https://dev12345.service-now.com";
const source = (values: Record<string, string>) => ({ get: (key: string): string | undefined => values[key] });
const resolve = (config: Record<string, string>, env: NodeJS.ProcessEnv = {}) => resolveProviderConfig(source(config), env);

/** The problems' messages, for exact comparisons. */
function problems(config: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    resolve(config, env);
  } catch (e) {
    assert.ok(isProviderConfigError(e));
    return e.problems.map((p) => p.message);
  }
  assert.fail("expected a ProviderConfigError");
}

const SECRET = "S3cret!value";

describe("resolveProviderConfig", () => {
  describe("sign-in modes", () => {
    it("basic: username + password, with defaults for the limits", () => {
      assert.deepEqual(resolve({ "servicenow:instanceUrl": URL, "servicenow:username": "admin", "servicenow:password": SECRET }), {
        instanceUrl: URL,
        auth: { mode: "basic", username: "admin", password: SECRET },
        timeoutMs: 60_000,
        maxConcurrency: 8,
        maxRetries: 5,
      });
    });

    it("oauth-password: clientId + clientSecret + username + password (grant type defaults to password)", () => {
      const c = resolve({
        "servicenow:instanceUrl": URL,
        "servicenow:clientId": "cid",
        "servicenow:clientSecret": SECRET,
        "servicenow:username": "admin",
        "servicenow:password": "pw",
      });
      assert.deepEqual(c.auth, { mode: "oauth-password", clientId: "cid", clientSecret: SECRET, username: "admin", password: "pw" });
    });

    it("oauth-refresh-token: a refresh token and no username, or grantType refresh_token", () => {
      const base = { "servicenow:instanceUrl": URL, "servicenow:clientId": "cid", "servicenow:clientSecret": SECRET, "servicenow:refreshToken": "rt" };
      const expected = { mode: "oauth-refresh-token", clientId: "cid", clientSecret: SECRET, refreshToken: "rt" };
      assert.deepEqual(resolve(base).auth, expected);
      assert.deepEqual(resolve({ ...base, "servicenow:username": "u", "servicenow:grantType": "refresh_token" }).auth, expected);
    });

    it("oauth-client-credentials: clientId + clientSecret alone, or grantType client_credentials", () => {
      const base = { "servicenow:instanceUrl": URL, "servicenow:clientId": "cid", "servicenow:clientSecret": SECRET };
      const expected = { mode: "oauth-client-credentials", clientId: "cid", clientSecret: SECRET };
      assert.deepEqual(resolve(base).auth, expected);
      assert.deepEqual(resolve({ ...base, "servicenow:username": "u", "servicenow:password": "p", "servicenow:grantType": "client_credentials" }).auth, expected);
    });

    it("api-key wins over everything, then bearer", () => {
      const all = {
        "servicenow:instanceUrl": URL,
        "servicenow:username": "u",
        "servicenow:password": "p",
        "servicenow:clientId": "c",
        "servicenow:clientSecret": "s",
        "servicenow:accessToken": "at",
        "servicenow:apiKey": "k",
      };
      assert.deepEqual(resolve(all).auth, { mode: "api-key", apiKey: "k" });
      const { ["servicenow:apiKey"]: _k, ...noKey } = all;
      assert.deepEqual(resolve(noKey).auth, { mode: "bearer", accessToken: "at" });
    });
  });

  describe("sources", () => {
    it("reads every key from SERVICENOW_* variables", () => {
      const c = resolve(
        {},
        {
          SERVICENOW_INSTANCE_URL: URL,
          SERVICENOW_CLIENT_ID: "cid",
          SERVICENOW_CLIENT_SECRET: "cs",
          SERVICENOW_GRANT_TYPE: "password",
          SERVICENOW_USERNAME: "u",
          SERVICENOW_PASSWORD: "p",
          SERVICENOW_TIMEOUT_SECONDS: "12.5",
          SERVICENOW_MAX_CONCURRENCY: "3",
          SERVICENOW_MAX_RETRIES: "0",
        },
      );
      assert.deepEqual(c, {
        instanceUrl: URL,
        auth: { mode: "oauth-password", clientId: "cid", clientSecret: "cs", username: "u", password: "p" },
        timeoutMs: 12_500,
        maxConcurrency: 3,
        maxRetries: 0,
      });
      assert.deepEqual(resolve({}, { SERVICENOW_INSTANCE_URL: URL, SERVICENOW_API_KEY: "k" }).auth, { mode: "api-key", apiKey: "k" });
      assert.deepEqual(resolve({}, { SERVICENOW_INSTANCE_URL: URL, SERVICENOW_ACCESS_TOKEN: "t" }).auth, { mode: "bearer", accessToken: "t" });
      assert.deepEqual(resolve({}, { SERVICENOW_INSTANCE_URL: URL, SERVICENOW_CLIENT_ID: "c", SERVICENOW_CLIENT_SECRET: "s", SERVICENOW_REFRESH_TOKEN: "r" }).auth, {
        mode: "oauth-refresh-token",
        clientId: "c",
        clientSecret: "s",
        refreshToken: "r",
      });
    });

    it("reads Ansible's SN_* names; a bare SN_HOST gets https://", () => {
      const c = resolve({}, { SN_HOST: "dev123.service-now.com", SN_USERNAME: "u", SN_PASSWORD: "p", SN_TIMEOUT: "30" });
      assert.deepEqual(c, { instanceUrl: "https://dev123.service-now.com", auth: { mode: "basic", username: "u", password: "p" }, timeoutMs: 30_000, maxConcurrency: 8, maxRetries: 5 });
      const o = resolve({}, { SN_HOST: URL, SN_CLIENT_ID: "c", SN_CLIENT_SECRET: "s", SN_GRANT_TYPE: "refresh_token", SN_REFRESH_TOKEN: "r" });
      assert.equal(o.auth.mode, "oauth-refresh-token");
      assert.deepEqual(resolve({}, { SN_HOST: URL, SN_API_KEY: "k" }).auth, { mode: "api-key", apiKey: "k" });
      assert.deepEqual(resolve({}, { SN_HOST: URL, SN_ACCESS_TOKEN: "t" }).auth, { mode: "bearer", accessToken: "t" });
    });

    it("prefers stack config over SERVICENOW_* over SN_*, per key; blank values count as unset", () => {
      const c = resolve(
        { "servicenow:instanceUrl": URL, "servicenow:username": "from-config", "servicenow:password": "  " },
        {
          SERVICENOW_INSTANCE_URL: "https://env.service-now.com",
          SN_HOST: "https://sn.service-now.com",
          SERVICENOW_USERNAME: "from-env",
          SN_USERNAME: "from-sn",
          SERVICENOW_PASSWORD: "",
          SN_PASSWORD: "sn-password",
        },
      );
      assert.equal(c.instanceUrl, URL);
      assert.deepEqual(c.auth, { mode: "basic", username: "from-config", password: "sn-password" });
      assert.equal(resolve({ "servicenow:apiKey": "k" }, { SERVICENOW_INSTANCE_URL: "https://env.service-now.com", SN_HOST: "https://sn.service-now.com" }).instanceUrl, "https://env.service-now.com");
    });

    it("normalises the instance URL and allows http only on loopback", () => {
      const url = (u: string) => resolve({ "servicenow:instanceUrl": u, "servicenow:apiKey": "k" }).instanceUrl;
      assert.equal(url("https://Dev1.Service-Now.com/"), "https://dev1.service-now.com");
      assert.equal(url("http://127.0.0.1:8080"), "http://127.0.0.1:8080");
      assert.equal(url("http://localhost:3000/"), "http://localhost:3000");
      assert.equal(url("http://[::1]:3000"), "http://[::1]:3000");
    });
  });

  describe("problems", () => {
    it("lists every problem at once, one line each, naming the key, the variables and the fix", () => {
      assert.throws(() => resolve({}), (e: unknown) => {
        assert.ok(e instanceof ProviderConfigError);
        assert.equal(e.name, "ProviderConfigError");
        assert.equal(
          e.message,
          "Invalid ServiceNow provider configuration:\n" +
            "- `servicenow:instanceUrl` is not set. Run `pulumi config set servicenow:instanceUrl https://dev12345.service-now.com` " +
            "or set SERVICENOW_INSTANCE_URL or SN_HOST.\n" +
            "- no credentials are set. Set one of these combinations: `servicenow:username` + `servicenow:password` (basic auth); " +
            "`servicenow:clientId` + `servicenow:clientSecret` + `servicenow:username` + `servicenow:password` (OAuth, grant type password); " +
            "`servicenow:clientId` + `servicenow:clientSecret` + `servicenow:refreshToken` (OAuth, grant type refresh_token); " +
            "`servicenow:clientId` + `servicenow:clientSecret` with `servicenow:grantType` client_credentials (OAuth); " +
            "`servicenow:apiKey` (x-sn-apikey header); `servicenow:accessToken` (bearer token). Each can also come from " +
            "SERVICENOW_<NAME> (e.g. SERVICENOW_USERNAME) or the Ansible SN_* variables. For example: " +
            "`pulumi config set servicenow:username admin` and `pulumi config set --secret servicenow:password <password>`.",
        );
        assert.deepEqual(e.problems.map((p) => p.setting), ["instanceUrl", undefined]);
        return true;
      });
    });

    it("a single problem is one line", () => {
      assert.throws(
        () => resolve({ "servicenow:apiKey": "k" }),
        new ProviderConfigError([
          {
            setting: "instanceUrl",
            message:
              "`servicenow:instanceUrl` is not set. Run `pulumi config set servicenow:instanceUrl https://dev12345.service-now.com` or set SERVICENOW_INSTANCE_URL or SN_HOST.",
          },
        ]),
      );
      assert.throws(() => resolve({ "servicenow:apiKey": "k" }), /^ProviderConfigError: Invalid ServiceNow provider configuration: `servicenow:instanceUrl` is not set\./);
    });

    it("rejects http for a remote host, paths, credentials in the URL and non-URLs", () => {
      const p = (u: string) => problems({ "servicenow:instanceUrl": u, "servicenow:apiKey": "k" });
      assert.deepEqual(p("http://dev1.service-now.com"), [
        '`servicenow:instanceUrl` must use https:// (got "http://dev1.service-now.com"); plain http is allowed only for localhost, 127.0.0.1 and ::1. ' +
          "Run `pulumi config set servicenow:instanceUrl https://dev12345.service-now.com` or set SERVICENOW_INSTANCE_URL or SN_HOST.",
      ]);
      assert.match(p("https://dev1.service-now.com/now/nav/ui")[0]!, /must be the instance's base URL without a path \(got "https:\/\/dev1\.service-now\.com\/now\/nav\/ui", use "https:\/\/dev1\.service-now\.com"\)/);
      const withCredentials = p(`https://admin:${SECRET}@dev1.service-now.com`)[0]!;
      assert.match(withCredentials, /must not contain a user name or password; set them as separate settings/);
      assert.ok(!withCredentials.includes(SECRET));
      assert.match(p("ftp://dev1.service-now.com")[0]!, /must start with https:\/\//);
      assert.match(p("https://exa mple.com")[0]!, /is not a URL \(got "https:\/\/exa mple\.com"\)/);
    });

    it("names the environment variable a bad value came from", () => {
      assert.deepEqual(problems({ "servicenow:apiKey": "k" }, { SN_HOST: "http://dev1.service-now.com", SN_TIMEOUT: "0", SERVICENOW_MAX_RETRIES: "99", SERVICENOW_MAX_CONCURRENCY: "2.5" }), [
        '`servicenow:instanceUrl` (from SN_HOST) must use https:// (got "http://dev1.service-now.com"); plain http is allowed only for localhost, 127.0.0.1 and ::1. ' +
          "Run `pulumi config set servicenow:instanceUrl https://dev12345.service-now.com` or set SERVICENOW_INSTANCE_URL or SN_HOST.",
        '`servicenow:timeoutSeconds` (from SN_TIMEOUT) must be a number of seconds greater than 0 and at most 3600 (got "0"). ' +
          "Run `pulumi config set servicenow:timeoutSeconds 60` or set SERVICENOW_TIMEOUT_SECONDS or SN_TIMEOUT.",
        '`servicenow:maxConcurrency` (from SERVICENOW_MAX_CONCURRENCY) must be a whole number from 1 to 64 (got "2.5"). ' +
          "Run `pulumi config set servicenow:maxConcurrency 8` or set SERVICENOW_MAX_CONCURRENCY.",
        '`servicenow:maxRetries` (from SERVICENOW_MAX_RETRIES) must be a whole number from 0 to 20 (got "99"). ' +
          "Run `pulumi config set servicenow:maxRetries 5` or set SERVICENOW_MAX_RETRIES.",
      ]);
      assert.match(problems({ "servicenow:apiKey": "k", "servicenow:instanceUrl": URL, "servicenow:timeoutSeconds": "soon" })[0]!, /^`servicenow:timeoutSeconds` must be a number/);
    });

    it("rejects an unknown grant type", () => {
      assert.deepEqual(problems({ "servicenow:instanceUrl": URL, "servicenow:clientId": "c", "servicenow:clientSecret": "s", "servicenow:grantType": "authorization_code" }), [
        '`servicenow:grantType` must be one of password, refresh_token, client_credentials (got "authorization_code"). ' +
          "Run `pulumi config set servicenow:grantType password` or set SERVICENOW_GRANT_TYPE or SN_GRANT_TYPE.",
      ]);
    });

    it("names each credential an incomplete combination lacks", () => {
      assert.deepEqual(problems({ "servicenow:instanceUrl": URL, "servicenow:username": "u" }), [
        "`servicenow:password` is not set (it is needed for basic authentication). Run `pulumi config set --secret servicenow:password <password>` or set SERVICENOW_PASSWORD or SN_PASSWORD.",
      ]);
      assert.deepEqual(problems({ "servicenow:instanceUrl": URL, "servicenow:password": SECRET }), [
        "`servicenow:username` is not set (it is needed for basic authentication). Run `pulumi config set servicenow:username admin` or set SERVICENOW_USERNAME or SN_USERNAME.",
      ]);
      assert.deepEqual(problems({ "servicenow:instanceUrl": URL, "servicenow:clientId": "c" }), [
        "`servicenow:clientSecret` is not set (it is needed for OAuth sign-in with grant type client_credentials). Run `pulumi config set --secret servicenow:clientSecret <client secret>` or set SERVICENOW_CLIENT_SECRET or SN_CLIENT_SECRET.",
      ]);
      assert.deepEqual(problems({ "servicenow:instanceUrl": URL, "servicenow:clientSecret": SECRET, "servicenow:grantType": "password", "servicenow:username": "u" }), [
        "`servicenow:clientId` is not set (it is needed for OAuth sign-in with grant type password). Run `pulumi config set servicenow:clientId <client id>` or set SERVICENOW_CLIENT_ID or SN_CLIENT_ID.",
        "`servicenow:password` is not set (it is needed for OAuth sign-in with grant type password). Run `pulumi config set --secret servicenow:password <password>` or set SERVICENOW_PASSWORD or SN_PASSWORD.",
      ]);
      assert.deepEqual(problems({ "servicenow:instanceUrl": URL, "servicenow:clientId": "c", "servicenow:clientSecret": SECRET, "servicenow:grantType": "refresh_token" }), [
        "`servicenow:refreshToken` is not set (it is needed for OAuth sign-in with grant type refresh_token). Run `pulumi config set --secret servicenow:refreshToken <refresh token>` or set SERVICENOW_REFRESH_TOKEN or SN_REFRESH_TOKEN.",
      ]);
    });

    it("never puts a secret value in a message", () => {
      const secrets = { "servicenow:password": SECRET, "servicenow:clientSecret": `${SECRET}1`, "servicenow:refreshToken": `${SECRET}2` };
      const extras: Record<string, string>[] = [{ "servicenow:grantType": "bogus" }, { "servicenow:grantType": "password" }, { "servicenow:timeoutSeconds": "x" }];
      for (const extra of extras) {
        assert.throws(() => resolve({ "servicenow:instanceUrl": "http://x.test", ...secrets, ...extra }), (e: unknown) => {
          assert.ok(isProviderConfigError(e));
          assert.ok(!e.message.includes(SECRET) && !JSON.stringify(e).includes(SECRET) && !(e.stack ?? "").includes(SECRET), e.message);
          return true;
        });
      }
    });
  });
});
