import { ref, type PlannedRecord } from "../lifecycle/record-plan";
import { aliasLookup } from "../records/alias";
import { connectionAttributeValues, type AttributeValue } from "../records/connection-attributes";
import { apiKeyCredential, basicAuthCredential, oauth2Credential } from "../records/credentials";
import { httpConnection } from "../records/http-connection";
import { defaultRedirectUrl, oauthEntity } from "../records/oauth-entity";
import type { PlanContext } from "../lifecycle/resource-kind";
import { systemProperty } from "../records/system-property";

/** How the spoke's connection signs in to the third party. */
export type SpokeCredential =
  | {
      readonly type: "oauth2";
      /** Default: the entity's name, as the Configure forms do. */
      readonly credentialName?: string;
      readonly entityName: string;
      readonly clientId: string;
      readonly clientSecret: string;
      readonly grantType: string;
      readonly tokenUrl: string;
      readonly authorizationUrl?: string;
      readonly revokeUrl?: string;
      /** Default: `<instance>/oauth_redirect.do`. */
      readonly redirectUrl?: string;
      readonly scopes: readonly string[];
    }
  | { readonly type: "api_key"; readonly credentialName: string; readonly apiKey: string }
  | { readonly type: "basic"; readonly credentialName: string; readonly userName: string; readonly password: string }
  /** A credential managed elsewhere (e.g. an `OktaApiKeyCredential`), by sys_id. */
  | { readonly type: "existing"; readonly sysId: string };

export interface SpokeSpec {
  /** The spoke's alias id, e.g. `sn_sumtotal_spoke.SumTotal`. */
  readonly aliasId: string;
  /** Shown when the alias is missing: which spoke to activate. */
  readonly spokeName: string;
  readonly connectionName: string;
  readonly connectionUrl: string;
  readonly active: boolean;
  readonly credential: SpokeCredential;
  readonly attributes?: readonly AttributeValue[];
  /** Properties the spoke ships that the form sets: adopted, and given back on delete. */
  readonly properties?: readonly { name: string; value: string }[];
}

/**
 * The records a spoke's Configure form creates, in the order it creates them: the alias is
 * looked up first (a spoke that is not active fails here, before any write), then the OAuth
 * entity and its scopes, the credential, the connection, its attribute values, and the
 * properties the form sets.
 */
export function spokePlan(spec: SpokeSpec, context: PlanContext): PlannedRecord[] {
  const hint =
    `activate the ${spec.spokeName} spoke on this instance (it needs an Integration Hub subscription), ` +
    `or check the alias id ${spec.aliasId} under Connection & Credential Aliases.`;
  const records: PlannedRecord[] = [aliasLookup(spec.aliasId, `The ${spec.spokeName} spoke is not active: ${hint}`)];
  records.push(...credentialRecords(spec.credential, context));
  records.push(
    httpConnection({
      name: spec.connectionName,
      connectionUrl: spec.connectionUrl,
      credential: spec.credential.type === "existing" ? spec.credential.sysId : ref("credential"),
      active: spec.active,
    }),
  );
  records.push(...connectionAttributeValues(spec.attributes ?? []));
  for (const property of spec.properties ?? []) {
    records.push(
      systemProperty({ step: `property:${property.name}`, name: property.name, value: property.value, shippedBySpoke: true }),
    );
  }
  return records;
}

function credentialRecords(credential: SpokeCredential, context: PlanContext): PlannedRecord[] {
  switch (credential.type) {
    case "existing":
      return [];
    case "api_key":
      return [apiKeyCredential("credential", credential.credentialName, credential.apiKey)];
    case "basic":
      return [basicAuthCredential("credential", credential.credentialName, credential.userName, credential.password)];
    case "oauth2":
      return [
        ...oauthEntity({
          name: credential.entityName,
          type: "oauth_provider",
          clientId: credential.clientId,
          clientSecret: credential.clientSecret,
          grantType: credential.grantType,
          tokenUrl: credential.tokenUrl,
          authUrl: credential.authorizationUrl,
          revokeUrl: credential.revokeUrl,
          redirectUrl: credential.redirectUrl ?? defaultRedirectUrl(context.instanceUrl),
          scopes: credential.scopes,
        }),
        oauth2Credential("credential", credential.credentialName ?? credential.entityName, ref("profile")),
      ];
  }
}
