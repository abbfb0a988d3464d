import { defined } from "../kinds/fields";
import type { FieldValue, PlannedRecord } from "../lifecycle/record-plan";

/**
 * Credential records. Each is written to its child table (writing the base table
 * `discovery_credentials` would make a credential of no type); the name is the natural key.
 */
export function basicAuthCredential(step: string, name: string, userName: string, password: string, inputs: CredentialInputs): PlannedRecord {
  return {
    step,
    table: "basic_auth_credentials",
    key: { name },
    fields: { user_name: userName, password, active: "true" },
    secretFields: ["password"],
    inputs: defined({ name: inputs.name, user_name: inputs.userName, password: inputs.secret }),
  };
}

export function apiKeyCredential(step: string, name: string, apiKey: string, inputs: CredentialInputs): PlannedRecord {
  return {
    step,
    table: "api_key_credentials",
    key: { name },
    fields: { api_key: apiKey, active: "true" },
    secretFields: ["api_key"],
    inputs: defined({ name: inputs.name, api_key: inputs.secret }),
  };
}

/** An OAuth 2.0 credential: the instance signs in with the given entity profile. */
export function oauth2Credential(step: string, name: string, profile: FieldValue, inputs: Pick<CredentialInputs, "name">): PlannedRecord {
  return {
    step,
    table: "oauth_2_0_credentials",
    key: { name },
    fields: { oauth_entity_profile: profile, active: "true" },
    inputs: defined({ name: inputs.name }),
  };
}

/** Which inputs the credential's columns come from. */
export interface CredentialInputs {
  readonly name?: string;
  readonly userName?: string;
  readonly secret?: string;
}
