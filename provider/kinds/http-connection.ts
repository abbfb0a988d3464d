import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { aliasLookup } from "../records/alias";
import { connectionAttributeValues } from "../records/connection-attributes";
import { httpConnection } from "../records/http-connection";
import { adopt, aliasId, positiveInteger, recordName, secret, sysId } from "./fields";
import { baseUrl } from "./url-fields";

/**
 * HttpConnection (`http_connection`) on an existing alias, with an optional credential and
 * per-connection attribute values (e.g. `{ x_api_token: ... }` for Qualtrics).
 */
export const httpConnectionKind = defineKind({
  name: "HttpConnection",
  schema: z.object({
    connectionAlias: aliasId,
    connectionName: recordName,
    connectionUrl: baseUrl,
    credentialSysId: sysId.optional(),
    active: z.boolean().default(true),
    useMid: z.boolean().optional(),
    midServer: sysId.optional(),
    timeoutMs: positiveInteger.optional(),
    retries: positiveInteger.optional(),
    attributes: z.record(z.string().regex(/^[a-z0-9_]+$/, { message: "keys must be attribute column names such as x_api_token" }), secret).optional(),
    adopt,
  }),
  examples: {
    connectionAlias: '"sn_okta_spoke.Okta"',
    connectionName: '"Okta"',
    connectionUrl: '"https://acme.okta.com"',
    credentialSysId: "credential.sysId",
    attributes: "{ x_api_token: config.requireSecret(\"qualtricsToken\") }",
  },
  secretInputs: ["attributes"],
  replaceOnChange: ["connectionAlias", "connectionName"],
  primaryStep: "connection",
  plan: (inputs) => [
    aliasLookup(inputs.connectionAlias),
    httpConnection({ ...inputs, name: inputs.connectionName, credential: inputs.credentialSysId }),
    ...connectionAttributeValues(
      Object.entries(inputs.attributes ?? {}).map(([element, value]) => ({ element, value, secret: true, input: "attributes" })),
    ),
  ],
});
