import type { FieldValue, PlannedRecord } from "../lifecycle/record-plan";

/**
 * Credential records. Each is written to its child table (writing the base table
 * `discovery_credentials` would make a credential of no type); the name is the natural key.
 */
export function basicAuthCredential(step: string, name: string, userName: string, password: string): PlannedRecord {
  return {
    step,
    table: "basic_auth_credentials",
    key: { name },
    fields: { user_name: userName, password, active: "true" },
    secretFields: ["password"],
  };
}

export function apiKeyCredential(step: string, name: string, apiKey: string): PlannedRecord {
  return {
    step,
    table: "api_key_credentials",
    key: { name },
    fields: { api_key: apiKey, active: "true" },
    secretFields: ["api_key"],
  };
}

/** An OAuth 2.0 credential: the instance signs in with the given entity profile. */
export function oauth2Credential(step: string, name: string, profile: FieldValue): PlannedRecord {
  return {
    step,
    table: "oauth_2_0_credentials",
    key: { name },
    fields: { oauth_entity_profile: profile, active: "true" },
  };
}
