import * as assert from "node:assert/strict";
import { configKeys, configSetCommand, credentialSettings, describeSetting } from "../../provider/config/config-keys";

describe("config-keys", () => {
  it("derives SERVICENOW_<UPPER_SNAKE> and the Ansible SN_* names", () => {
    assert.deepEqual(
      Object.values(configKeys).map((k) => [k.key, ...k.envVars]),
      [
        ["servicenow:instanceUrl", "SERVICENOW_INSTANCE_URL", "SN_HOST"],
        ["servicenow:username", "SERVICENOW_USERNAME", "SN_USERNAME"],
        ["servicenow:password", "SERVICENOW_PASSWORD", "SN_PASSWORD"],
        ["servicenow:clientId", "SERVICENOW_CLIENT_ID", "SN_CLIENT_ID"],
        ["servicenow:clientSecret", "SERVICENOW_CLIENT_SECRET", "SN_CLIENT_SECRET"],
        ["servicenow:grantType", "SERVICENOW_GRANT_TYPE", "SN_GRANT_TYPE"],
        ["servicenow:refreshToken", "SERVICENOW_REFRESH_TOKEN", "SN_REFRESH_TOKEN"],
        ["servicenow:apiKey", "SERVICENOW_API_KEY", "SN_API_KEY"],
        ["servicenow:accessToken", "SERVICENOW_ACCESS_TOKEN", "SN_ACCESS_TOKEN"],
        ["servicenow:timeoutSeconds", "SERVICENOW_TIMEOUT_SECONDS", "SN_TIMEOUT"],
        ["servicenow:maxConcurrency", "SERVICENOW_MAX_CONCURRENCY"],
        ["servicenow:maxRetries", "SERVICENOW_MAX_RETRIES"],
      ],
    );
  });

  it("writes example commands, with --secret for secrets", () => {
    assert.equal(configSetCommand("password"), "pulumi config set --secret servicenow:password <password>");
    assert.equal(configSetCommand("instanceUrl"), "pulumi config set servicenow:instanceUrl https://dev12345.service-now.com");
    assert.equal(describeSetting("apiKey"), "`servicenow:apiKey` (or SERVICENOW_API_KEY / SN_API_KEY)");
  });

  it("names the credentials of each sign-in mode", () => {
    assert.deepEqual(credentialSettings("basic"), ["username", "password"]);
    assert.deepEqual(credentialSettings("oauth-password"), ["clientId", "clientSecret", "username", "password"]);
    assert.deepEqual(credentialSettings("oauth-refresh-token"), ["clientId", "clientSecret", "refreshToken"]);
    assert.deepEqual(credentialSettings("oauth-client-credentials"), ["clientId", "clientSecret"]);
    assert.deepEqual(credentialSettings("api-key"), ["apiKey"]);
    assert.deepEqual(credentialSettings("bearer"), ["accessToken"]);
  });
});
