import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { adopt, columnSize, flag, lookupValue } from "./fields";

/** ConnectionAlias (`sys_alias`): a Connection & Credential Alias for a custom integration. */
export const connectionAliasKind = defineKind({
  name: "ConnectionAlias",
  schema: z.object({
    aliasId: z
      .string()
      .regex(/^[a-z0-9_]+\.[A-Za-z0-9_]+$/, { message: "must be `<scope>.<name>`, such as x_acme_hr.Workday" })
      .max(columnSize.aliasId, { message: `must be at most ${columnSize.aliasId} characters` }),
    // sys_alias.name holds 255 characters, more than other name columns.
    name: lookupValue(columnSize.aliasName),
    type: z.enum(["connection", "credential"], { error: "must be connection or credential" }).default("connection"),
    multipleConnections: z.boolean().default(false),
    adopt,
  }),
  examples: { aliasId: '"x_acme_hr.Workday"', name: '"Workday"', type: '"connection"' },
  secretInputs: [],
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
      inputs: { id: "aliasId", name: "name", type: "type", multiple_connections: "multipleConnections" },
    },
  ],
});
