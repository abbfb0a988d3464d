/**
 * Compile-time check: each resource class's args interface (what users read in their editor)
 * and its kind's zod schema (what check() enforces) name the same inputs with compatible types.
 * `tsc` fails on this file when either side changes alone. Nothing here runs.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { connectionAliasKind } from "../../provider/kinds/connection-alias";
import type { apiKeyCredentialKind, basicAuthCredentialKind, oauth2CredentialKind } from "../../provider/kinds/credentials";
import type { httpConnectionKind } from "../../provider/kinds/http-connection";
import type { integrationUserKind } from "../../provider/kinds/integration-user";
import type { oauthExternalClientKind } from "../../provider/kinds/oauth-external-client";
import type { oauthProviderKind } from "../../provider/kinds/oauth-provider";
import type { restApiKeyKind } from "../../provider/kinds/rest-api-key";
import type { systemPropertyKind } from "../../provider/kinds/system-property";
import type { tableRecordKind } from "../../provider/kinds/table-record";
import type { ResourceKind } from "../../provider/lifecycle/resource-kind";
import type * as args from "../../provider";
import type { oktaApiKeyCredentialKind, oktaConnectionKind, oktaOAuthConnectionKind } from "../../provider/spokes/okta";
import type { qualtricsConnectionKind } from "../../provider/spokes/qualtrics";
import type { spokeConnectionKind } from "../../provider/spokes/spoke-connection";
import type { sumTotalConnectionKind } from "../../provider/spokes/sumtotal";

type InputsOf<Kind> = Kind extends ResourceKind<infer Inputs> ? Inputs : never;
type Plain<T> = NonNullable<pulumi.Unwrap<T>>;

/** `true` when the two name the same inputs and every args type fits the schema's; else the offending keys. */
type Matches<Args, Kind> = [Exclude<keyof Args, keyof InputsOf<Kind>>, Exclude<keyof InputsOf<Kind>, keyof Args>, MisfitKeys<Args, InputsOf<Kind>>] extends [never, never, never]
  ? true
  : { onlyInArgs: Exclude<keyof Args, keyof InputsOf<Kind>>; onlyInSchema: Exclude<keyof InputsOf<Kind>, keyof Args>; typesDiffer: MisfitKeys<Args, InputsOf<Kind>> };

type MisfitKeys<Args, Inputs> = {
  [K in keyof Args & keyof Inputs]: Plain<Args[K]> extends NonNullable<Inputs[K]> ? never : K;
}[keyof Args & keyof Inputs];

export const argsMatchSchemas: [
  Matches<args.SystemPropertyArgs, typeof systemPropertyKind>,
  Matches<args.ConnectionAliasArgs, typeof connectionAliasKind>,
  Matches<args.HttpConnectionArgs, typeof httpConnectionKind>,
  Matches<args.BasicAuthCredentialArgs, typeof basicAuthCredentialKind>,
  Matches<args.ApiKeyCredentialArgs, typeof apiKeyCredentialKind>,
  Matches<args.OAuth2CredentialArgs, typeof oauth2CredentialKind>,
  Matches<args.OAuthProviderArgs, typeof oauthProviderKind>,
  Matches<args.OAuthExternalClientArgs, typeof oauthExternalClientKind>,
  Matches<args.IntegrationUserArgs, typeof integrationUserKind>,
  Matches<args.TableRecordArgs, typeof tableRecordKind>,
  Matches<args.SumTotalConnectionArgs, typeof sumTotalConnectionKind>,
  Matches<args.QualtricsConnectionArgs, typeof qualtricsConnectionKind>,
  Matches<args.OktaApiKeyCredentialArgs, typeof oktaApiKeyCredentialKind>,
  Matches<args.OktaConnectionArgs, typeof oktaConnectionKind>,
  Matches<args.OktaOAuthConnectionArgs, typeof oktaOAuthConnectionKind>,
  Matches<args.SpokeConnectionArgs, typeof spokeConnectionKind>,
  Matches<args.RestApiKeyArgs, typeof restApiKeyKind>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
