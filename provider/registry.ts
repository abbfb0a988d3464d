import type * as pulumi from "@pulumi/pulumi";
import { connectionAliasKind } from "./kinds/connection-alias";
import { apiKeyCredentialKind, basicAuthCredentialKind, oauth2CredentialKind } from "./kinds/credentials";
import { httpConnectionKind } from "./kinds/http-connection";
import { integrationUserKind } from "./kinds/integration-user";
import { oauthExternalClientKind } from "./kinds/oauth-external-client";
import { oauthProviderKind } from "./kinds/oauth-provider";
import { restApiKeyKind } from "./kinds/rest-api-key";
import { systemPropertyKind } from "./kinds/system-property";
import { tableRecordKind } from "./kinds/table-record";
import { kindProvider } from "./lifecycle/kind-provider";
import type { ResourceKind } from "./lifecycle/resource-kind";
import { spokePresets } from "./spokes/presets";
import { spokeConnectionKind } from "./spokes/spoke-connection";

/** Every kind, by the name stored in state. Renaming one breaks existing stacks. */
export const kinds: readonly ResourceKind<any>[] = [
  systemPropertyKind,
  connectionAliasKind,
  httpConnectionKind,
  basicAuthCredentialKind,
  apiKeyCredentialKind,
  oauth2CredentialKind,
  oauthProviderKind,
  oauthExternalClientKind,
  integrationUserKind,
  tableRecordKind,
  ...spokePresets.flatMap((preset) => preset.kinds),
  spokeConnectionKind,
  restApiKeyKind,
];

const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

export function kindNamed(name: string): ResourceKind<any> {
  const kind = kinds.find((candidate) => candidate.name === name);
  if (!kind) throw new Error(`Unknown ServiceNow resource kind "${name}". Known kinds: ${kinds.map((k) => k.name).join(", ")}.`);
  return kind;
}

export function providerFor(name: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(name);
  if (!provider) {
    provider = kindProvider(kindNamed(name));
    providers.set(name, provider);
  }
  return provider;
}
