import type * as pulumi from "@pulumi/pulumi";
import { oauthExternalClientKind } from "../kinds/oauth-external-client";
import { oauthProviderKind } from "../kinds/oauth-provider";
import { ServiceNowResource } from "./servicenow-resource";

export interface OAuthProviderArgs {
  readonly name: pulumi.Input<string>;
  readonly clientId: pulumi.Input<string>;
  readonly clientSecret: pulumi.Input<string>;
  /** Default `client_credentials`. */
  readonly grantType?: pulumi.Input<"client_credentials" | "authorization_code" | "password" | "refresh_token" | "jwt_bearer">;
  readonly tokenUrl: pulumi.Input<string>;
  readonly authorizationUrl?: pulumi.Input<string>;
  /** Default `https://<instance>/oauth_redirect.do`. */
  readonly redirectUrl?: pulumi.Input<string>;
  readonly revokeUrl?: pulumi.Input<string>;
  readonly scopes?: pulumi.Input<pulumi.Input<string>[]>;
  readonly accessTokenLifespan?: pulumi.Input<number>;
  readonly refreshTokenLifespan?: pulumi.Input<number>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** A third-party OAuth provider in the Application Registry (`oauth_entity`), with scopes. */
export class OAuthProvider extends ServiceNowResource {
  /** The default profile, for an `OAuth2Credential`. */
  declare readonly profileSysId: pulumi.Output<string>;

  constructor(name: string, args: OAuthProviderArgs, opts?: pulumi.CustomResourceOptions) {
    super(oauthProviderKind, name, args, opts, ["profileSysId"]);
  }
}

export interface OAuthExternalClientArgs {
  readonly name: pulumi.Input<string>;
  /** Generated when omitted. */
  readonly clientId?: pulumi.Input<string>;
  /** At least 16 characters; set it with `pulumi config set --secret` (see the README for why it is not generated). */
  readonly clientSecret: pulumi.Input<string>;
  readonly redirectUrl?: pulumi.Input<string>;
  /** Seconds; default 1800. */
  readonly accessTokenLifespan?: pulumi.Input<number>;
  /** Seconds; default 8,640,000 (100 days). */
  readonly refreshTokenLifespan?: pulumi.Input<number>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** An OAuth client for an external tool that signs in to ServiceNow (seeds/003). */
export class OAuthExternalClient extends ServiceNowResource {
  declare readonly clientId: pulumi.Output<string>;
  declare readonly clientSecret: pulumi.Output<string>;
  /** Where the tool asks for tokens: `https://<instance>/oauth_token.do`. */
  declare readonly tokenUrl: pulumi.Output<string>;

  constructor(name: string, args: OAuthExternalClientArgs, opts?: pulumi.CustomResourceOptions) {
    super(oauthExternalClientKind, name, args, opts, ["clientId", "tokenUrl"]);
  }
}
