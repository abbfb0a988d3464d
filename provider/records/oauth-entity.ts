import { defined } from "../kinds/fields";
import { ref, type PlannedRecord } from "../lifecycle/record-plan";

/** Where the instance receives OAuth redirects unless told otherwise: `<instance>/oauth_redirect.do`. */
export function defaultRedirectUrl(instanceUrl: string): string {
  return `${instanceUrl}/oauth_redirect.do`;
}

export interface OAuthEntitySpec {
  readonly name: string;
  /** `oauth_provider`: a third party we sign in to; `client`: a tool that signs in to us. */
  readonly type: "oauth_provider" | "client";
  readonly clientId: string;
  readonly clientSecret: string;
  readonly grantType?: string;
  readonly tokenUrl?: string;
  readonly authUrl?: string;
  readonly redirectUrl?: string;
  readonly revokeUrl?: string;
  readonly scopes?: readonly string[];
  readonly accessTokenLifespan?: number;
  readonly refreshTokenLifespan?: number;
}

/**
 * An Application Registry entry (`oauth_entity`), its default profile (made by the instance
 * on insert: looked up, never a second one) and its scopes, each linked to that profile, as
 * the Configure form does.
 */
export function oauthEntity(spec: OAuthEntitySpec): PlannedRecord[] {
  const entity: PlannedRecord = {
    step: "entity",
    table: "oauth_entity",
    key: { name: spec.name },
    fields: defined({
      type: spec.type,
      client_id: spec.clientId,
      client_secret: spec.clientSecret,
      default_grant_type: spec.grantType,
      token_url: spec.tokenUrl,
      auth_url: spec.authUrl,
      redirect_url: spec.redirectUrl,
      revoke_token_url: spec.revokeUrl,
      access_token_lifespan: spec.accessTokenLifespan?.toString(),
      refresh_token_lifespan: spec.refreshTokenLifespan?.toString(),
      active: "true",
    }),
    secretFields: ["client_secret"],
  };
  const profile: PlannedRecord = {
    step: "profile",
    table: "oauth_entity_profile",
    key: { oauth_entity: ref("entity"), default: "true" },
    origin: "instance",
    missingHint: "The instance creates an OAuth entity's default profile on insert; a business rule or ACL on this instance prevented it.",
  };
  const scopes = (spec.scopes ?? []).flatMap((scope): PlannedRecord[] => [
    {
      step: `scope:${scope}`,
      table: "oauth_entity_scope",
      key: { oauth_entity: ref("entity"), oauth_entity_scope: scope },
      fields: { name: scope },
    },
    {
      step: `profile-scope:${scope}`,
      table: "oauth_entity_profile_scope",
      key: { oauth_entity_profile: ref("profile"), oauth_entity_scope: ref(`scope:${scope}`) },
    },
  ]);
  return [entity, profile, ...scopes];
}
