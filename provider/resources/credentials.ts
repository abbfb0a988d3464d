import type * as pulumi from "@pulumi/pulumi";
import { apiKeyCredentialKind, basicAuthCredentialKind, oauth2CredentialKind } from "../kinds/credentials";
import { ServiceNowResource } from "./servicenow-resource";

export interface BasicAuthCredentialArgs {
  readonly name: pulumi.Input<string>;
  readonly userName: pulumi.Input<string>;
  readonly password: pulumi.Input<string>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** A basic-auth credential (`basic_auth_credentials`). */
export class BasicAuthCredential extends ServiceNowResource {
  constructor(name: string, args: BasicAuthCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super(basicAuthCredentialKind, name, args, opts);
  }
}

export interface ApiKeyCredentialArgs {
  readonly name: pulumi.Input<string>;
  readonly apiKey: pulumi.Input<string>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** An API-key credential (`api_key_credentials`). */
export class ApiKeyCredential extends ServiceNowResource {
  constructor(name: string, args: ApiKeyCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super(apiKeyCredentialKind, name, args, opts);
  }
}

export interface OAuth2CredentialArgs {
  readonly name: pulumi.Input<string>;
  /** The OAuth entity profile to sign in with, e.g. `provider.profileSysId`. */
  readonly oauthEntityProfileSysId: pulumi.Input<string>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** An OAuth 2.0 credential (`oauth_2_0_credentials`). */
export class OAuth2Credential extends ServiceNowResource {
  constructor(name: string, args: OAuth2CredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super(oauth2CredentialKind, name, args, opts);
  }
}
