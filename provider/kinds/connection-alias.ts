import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { adopt, columnSize, flag, lookupValue } from "./fields";
import { input } from "./input";

/** ConnectionAlias (`sys_alias`): a Connection & Credential Alias for a custom integration. */
export const connectionAliasKind = defineKind({
  name: "ConnectionAlias",
  description: "A Connection & Credential Alias (`sys_alias`) for a custom integration.",
  schema: z.object({
    aliasId: input(
      z
        .string()
        .regex(/^[a-z0-9_]+\.[A-Za-z0-9_]+$/, { message: "must be `<scope>.<name>`, such as x_acme_hr.Workday" })
        .max(columnSize.aliasId, { message: `must be at most ${columnSize.aliasId} characters` }),
      { description: "The alias id, `<scope>.<name>`; changing it replaces the alias.", column: "alias.id", example: "x_acme_hr.Workday" },
    ),
    // sys_alias.name holds 255 characters, more than other name columns.
    name: input(lookupValue(columnSize.aliasName), { description: "The alias's display name.", column: "alias.name", example: "Workday" }),
    type: input(z.enum(["connection", "credential"], { error: "must be connection or credential" }).default("connection"), {
      description: "`connection` (an HTTP connection and its credential) or `credential` (a credential only).",
      column: "alias.type",
      example: "connection",
    }),
    multipleConnections: input(z.boolean().default(false), { description: "Whether the alias may have several connections.", column: "alias.multiple_connections" }),
    adopt,
  }),
  replaceOnChange: ["aliasId"],
  primaryStep: "alias",
  plan: (inputs) => [
    {
      step: "alias",
      table: "sys_alias",
      key: { id: inputs.aliasId },
      fields: {
        name: inputs.name,
        type: inputs.type,
        connection_type: inputs.type === "connection" ? "http_connection" : "",
        multiple_connections: flag(inputs.multipleConnections),
      },
    },
  ],
});
