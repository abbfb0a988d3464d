import type { RunningEmulator } from "../../emulator";

/**
 * The stack configuration every benchmark project signs in with: OAuth with the password grant
 * (so the token requests are counted), the same `servicenow:*` keys for the dynamic provider and
 * the plugin's default provider.
 */
export function oauthSignIn(emulator: RunningEmulator): { config: Record<string, string>; secrets: Record<string, string> } {
  return {
    config: {
      "servicenow:instanceUrl": emulator.url,
      "servicenow:username": emulator.admin.username,
      "servicenow:clientId": emulator.oauthClient.clientId,
      "servicenow:grantType": "password",
    },
    secrets: { "servicenow:password": emulator.admin.password, "servicenow:clientSecret": emulator.oauthClient.clientSecret },
  };
}
