import type * as pulumi from "@pulumi/pulumi";
import { oktaApiKeyCredentialKind, oktaConnectionKind, oktaOAuthConnectionKind } from "../spokes/okta";
import { qualtricsConnectionKind } from "../spokes/qualtrics";
import { spokeConnectionKind } from "../spokes/spoke-connection";
import { spokeOutputNames } from "../spokes/spoke-outputs";
import { sumTotalConnectionKind } from "../spokes/sumtotal";
import { ServiceNowResource } from "./servicenow-resource";

/** Inputs every spoke connection has besides its form's fields. */
interface SpokeCommonArgs {
  /** Defaults to the alias's name (read-only in the form). */
  readonly connectionName?: pulumi.Input<string>;
  /** Default true. */
  readonly active?: pulumi.Input<boolean>;
  /** Take over a configuration made by hand in the UI (same names on the same alias). */
  readonly adopt?: pulumi.Input<boolean>;
  /**
   * The alias's template has an On Create Script, which the Configure form runs and the Table
   * API does not, and you do its work another way: silences that warning. Default false.
   */
  readonly acknowledgeOnCreateScript?: pulumi.Input<boolean>;
}

/** Spoke connections that sign in to the third party with OAuth may check those credentials first. */
interface VerifiableArgs {
  /** Before any write, ask the third party for a token with these credentials. Default false. */
  readonly verifyCredentials?: pulumi.Input<boolean>;
}

/** Presets check that their URLs are on the vendor's domains, since secrets are sent there. */
interface VendorDomainArgs {
  /**
   * A host of your own for the vendor (e.g. an Okta custom domain such as `login.acme.com`),
   * accepted besides the vendor's domains for this resource's URLs.
   */
  readonly customDomain?: pulumi.Input<string>;
}

abstract class SpokeConnectionResource extends ServiceNowResource {
  declare readonly connectionSysId: pulumi.Output<string>;
  declare readonly credentialSysId: pulumi.Output<string>;
  declare readonly oauthEntitySysId: pulumi.Output<string>;
  /** What the last write found of the alias's Configure form: its template, the defaults written from it, notes. */
  declare readonly configureForm: pulumi.Output<ConfigureFormReport>;
}

/** The `configureForm` output. */
export interface ConfigureFormReport {
  /** The alias's Connection & Credential template, or "" when it has none. */
  readonly template: string;
  readonly templateSysId: string;
  /** Columns written from the form's defaults, as `step.column` (e.g. `entity.code_challenge_method`). */
  readonly defaultsWritten: string[];
  readonly notes: string[];
}

export interface SumTotalConnectionArgs extends SpokeCommonArgs, VerifiableArgs, VendorDomainArgs {
  readonly connectionUrl: pulumi.Input<string>;
  readonly oauthEntityName: pulumi.Input<string>;
  readonly oauthClientId: pulumi.Input<string>;
  readonly oauthClientSecret: pulumi.Input<string>;
  /** Default `https://<connection host>/apisecurity/connect/token`. */
  readonly oauthTokenUrl?: pulumi.Input<string>;
}

/** The SumTotal spoke's Configure form (seeds/000). */
export class SumTotalConnection extends SpokeConnectionResource {
  constructor(name: string, args: SumTotalConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    super(sumTotalConnectionKind, name, args, opts, spokeOutputNames);
  }
}

export interface QualtricsConnectionArgs extends SpokeCommonArgs, VerifiableArgs, VendorDomainArgs {
  /** `https://<Organization-ID>.qualtrics.com/API/v3`. */
  readonly connectionUrl: pulumi.Input<string>;
  readonly xApiToken: pulumi.Input<string>;
  readonly oauthName: pulumi.Input<string>;
  readonly oauthClientId: pulumi.Input<string>;
  readonly oauthClientSecret: pulumi.Input<string>;
  /** `https://<Data-Center-ID>.qualtrics.com/oauth2/token`. */
  readonly tokenUrl: pulumi.Input<string>;
  /** Sets `sn_qualtrics_spoke.qualtrics_directory` (its old value comes back on destroy). */
  readonly directoryId?: pulumi.Input<string>;
}

/** The Qualtrics spoke's Configure form (seeds/001). */
export class QualtricsConnection extends SpokeConnectionResource {
  constructor(name: string, args: QualtricsConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    super(qualtricsConnectionKind, name, args, opts, spokeOutputNames);
  }
}

export interface OktaApiKeyCredentialArgs extends VendorDomainArgs {
  readonly name: pulumi.Input<string>;
  /** The Okta API token, with or without the `SSWS ` prefix (stored with it). */
  readonly apiKey: pulumi.Input<string>;
  /** An Okta org URL (an Okta domain, or `customDomain`): before writing, check the token there (`GET /api/v1/users/me`). */
  readonly verifyAtOrgUrl?: pulumi.Input<string>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** The Okta spoke's API-key credential (seeds/002, API key path). */
export class OktaApiKeyCredential extends ServiceNowResource {
  constructor(name: string, args: OktaApiKeyCredentialArgs, opts?: pulumi.CustomResourceOptions) {
    super(oktaApiKeyCredentialKind, name, args, opts);
  }
}

export interface OktaConnectionArgs extends SpokeCommonArgs, VendorDomainArgs {
  /** The Okta org URL, e.g. `https://acme.okta.com`. */
  readonly connectionUrl: pulumi.Input<string>;
  /** E.g. `oktaApiKeyCredential.sysId`. */
  readonly credentialSysId: pulumi.Input<string>;
}

/** The Okta spoke's connection (seeds/002, API key path). */
export class OktaConnection extends SpokeConnectionResource {
  constructor(name: string, args: OktaConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    super(oktaConnectionKind, name, args, opts, spokeOutputNames);
  }
}

export interface OktaOAuthConnectionArgs extends SpokeCommonArgs, VerifiableArgs, VendorDomainArgs {
  readonly connectionUrl: pulumi.Input<string>;
  /** Default `v1`. */
  readonly apiVersion?: pulumi.Input<string>;
  readonly clientId: pulumi.Input<string>;
  readonly clientSecret: pulumi.Input<string>;
  /** Defaults `https://<org>/oauth2/<apiVersion>/authorize`, `/token`, `/revoke`. */
  readonly authorizationUrl?: pulumi.Input<string>;
  readonly tokenUrl?: pulumi.Input<string>;
  readonly revokeUrl?: pulumi.Input<string>;
  /** Default `https://<instance>/oauth_redirect.do`. */
  readonly redirectUrl?: pulumi.Input<string>;
  readonly scopes?: pulumi.Input<pulumi.Input<string>[]>;
  /** Default `Okta OAuth`. */
  readonly oauthEntityName?: pulumi.Input<string>;
}

/** The Okta spoke over OAuth (seeds/002, OAuth path); an admin finishes at `finishSignInUrl`. */
export class OktaOAuthConnection extends SpokeConnectionResource {
  /** The credential record where an admin clicks "Get OAuth Token" once (Okta's interactive sign-in). */
  declare readonly finishSignInUrl: pulumi.Output<string>;

  constructor(name: string, args: OktaOAuthConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    super(oktaOAuthConnectionKind, name, args, opts, [...spokeOutputNames, "finishSignInUrl"]);
  }
}

export interface SpokeConnectionArgs extends SpokeCommonArgs, VerifiableArgs {
  /** The spoke's alias id, e.g. `sn_workday_spoke.Workday`. */
  readonly connectionAlias: pulumi.Input<string>;
  /** Required unless `form` gives "Connection URL". */
  readonly connectionUrl?: pulumi.Input<string>;
  /** Required unless `form` is given: then the template's credential table decides it. */
  readonly credentialType?: pulumi.Input<"oauth2_client_credentials" | "api_key" | "basic">;
  /**
   * The spoke's Configure form, keyed by its labels as the setup page prints them
   * (`{ "Connection URL": "https://...", "OAuth Client ID": "..." }`): checked against the
   * alias's template before any write; password fields are written as secrets. Kept secret in
   * state as a whole.
   */
  readonly form?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Default: the OAuth entity name, else `<connectionName> Credential`. */
  readonly credentialName?: pulumi.Input<string>;
  readonly oauthEntityName?: pulumi.Input<string>;
  readonly clientId?: pulumi.Input<string>;
  readonly clientSecret?: pulumi.Input<string>;
  readonly tokenUrl?: pulumi.Input<string>;
  readonly scopes?: pulumi.Input<pulumi.Input<string>[]>;
  readonly apiKey?: pulumi.Input<string>;
  readonly userName?: pulumi.Input<string>;
  readonly password?: pulumi.Input<string>;
  /** Connection attribute values by column, e.g. `{ x_api_token }`. Secret. */
  readonly attributes?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** Properties the spoke ships, set here and given back on destroy. */
  readonly properties?: pulumi.Input<Record<string, pulumi.Input<string>>>;
}

/** Any spoke's connection by alias id: what the presets above are made of. */
export class SpokeConnection extends SpokeConnectionResource {
  constructor(name: string, args: SpokeConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    super(spokeConnectionKind, name, args, opts, spokeOutputNames);
  }
}
