import type * as pulumi from "@pulumi/pulumi";
import { restApiKeyKind } from "../kinds/rest-api-key";
import type { RestApiName } from "../kinds/rest-apis";
import { ServiceNowResource } from "./servicenow-resource";

export interface RestApiKeyArgs {
  /** The key's name (at most 80 characters); its profile and policies are named after it. */
  readonly name: pulumi.Input<string>;
  /** The REST APIs the key may call. Default `["table"]`. */
  readonly apis?: pulumi.Input<pulumi.Input<RestApiName>[]>;
  /** The user the key signs in as, with that user's roles: typically an `IntegrationUser`'s `sysId`. */
  readonly userSysId: pulumi.Input<string>;
  /** Where the tool sends `x-sn-apikey`: `header` (default) or `query` (a URL parameter). */
  readonly keyIn?: pulumi.Input<"header" | "query">;
  /** UTC, `YYYY-MM-DD HH:mm:ss`, in the future. Default: the key does not expire. */
  readonly expiresAt?: pulumi.Input<string>;
  /** Default true. */
  readonly active?: pulumi.Input<boolean>;
  readonly description?: pulumi.Input<string>;
  /**
   * Other sign-ins the access policies keep accepting for these APIs (an instance's policy
   * accepts only the profiles it lists). Default `["basic", "oauth"]`; `[]`: the key only.
   */
  readonly alsoAccept?: pulumi.Input<pulumi.Input<"basic" | "oauth">[]>;
  /** Any label; changing it replaces the key, so the tool gets a new token (e.g. `"2026-12"`). */
  readonly rotation?: pulumi.Input<string>;
  /** Generated when omitted (and then only an output). At least 32 characters. */
  readonly token?: pulumi.Input<string>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** A REST API key for a user (token-based authentication, `x-sn-apikey`), with its profile and access policies (seeds/003). */
export class RestApiKey extends ServiceNowResource {
  /** The token the tool sends as `x-sn-apikey` (header, or URL parameter with `keyIn: "query"`). Secret. */
  declare readonly token: pulumi.Output<string>;

  constructor(name: string, args: RestApiKeyArgs, opts?: pulumi.CustomResourceOptions) {
    super(restApiKeyKind, name, args, opts, ["token"]);
  }
}
