import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { aliasLookup } from "../records/alias";
import { connectionAttributeValues } from "../records/connection-attributes";
import { httpConnection } from "../records/http-connection";
import { adopt, aliasId, positiveInteger, recordName, secret, sysId } from "./fields";
import { input } from "./input";
import { baseUrl } from "./url-fields";

/**
 * HttpConnection (`http_connection`) on an existing alias, with an optional credential and
 * per-connection attribute values (e.g. `{ x_api_token: ... }` for Qualtrics).
 */
export const httpConnectionKind = defineKind({
  name: "HttpConnection",
  description: "An HTTP connection (`http_connection`) on an existing alias, with an optional credential and the alias's attribute values.",
  schema: z.object({
    connectionAlias: input(aliasId, { description: "The alias id, e.g. `sn_okta_spoke.Okta`; changing it replaces the connection.", example: "sn_okta_spoke.Okta" }),
    connectionName: input(recordName, { description: "The connection's name on the alias; changing it replaces the connection.", column: "connection.name", example: "Okta" }),
    connectionUrl: input(baseUrl, { description: "The third party's base URL (https).", column: "connection.connection_url", example: "https://acme.okta.com" }),
    credentialSysId: input(sysId.optional(), { description: "The credential the connection signs in with, e.g. `credential.sysId`.", example: { code: "credential.sysId" } }),
    active: input(z.boolean().default(true), { description: "Whether the connection is active.", column: "connection.active" }),
    useMid: input(z.boolean().optional(), { description: "Send requests through a MID Server." }),
    midServer: input(sysId.optional(), { description: "The MID Server's sys_id, with `useMid`." }),
    timeoutMs: input(positiveInteger.optional(), { description: "Connection timeout in milliseconds." }),
    retries: input(positiveInteger.optional(), { description: "How many times a failed request is retried." }),
    attributes: input(z.record(z.string().regex(/^[a-z0-9_]+$/, { message: "keys must be attribute column names such as x_api_token" }), secret).optional(), {
      description: "Attribute values by the alias's attribute column, e.g. `{ x_api_token }`; secret as a whole.",
      secret: true,
      column: "attribute-value:*.value",
    }),
    adopt,
  }),
  replaceOnChange: ["connectionAlias", "connectionName"],
  primaryStep: "connection",
  plan: (inputs) => [
    aliasLookup(inputs.connectionAlias),
    httpConnection({ ...inputs, name: inputs.connectionName, credential: inputs.credentialSysId }),
    ...connectionAttributeValues(
      Object.entries(inputs.attributes ?? {}).map(([element, value]) => ({ element, value, secret: true })),
    ),
  ],
});
