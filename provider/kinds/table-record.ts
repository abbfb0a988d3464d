import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { adopt, columnSize, lookupValue, secret } from "./fields";
import { input } from "./input";

const columnName = z
  .string()
  .regex(/^[a-z0-9_]+$/, { message: "must be a column name such as u_name" })
  .max(columnSize.columnName, { message: `must be at most ${columnSize.columnName} characters` });
const keyValue = lookupValue(Number.MAX_SAFE_INTEGER);

/**
 * TableRecord: any table, for records no kind covers yet. `key` names the columns that find
 * the record (its natural key, used for adoption); `secretFields` are written once and
 * compared by fingerprint, like every other secret.
 */
export const tableRecordKind = defineKind({
  name: "TableRecord",
  description: "One record of any table, for records no kind covers yet.",
  schema: z
    .object({
      table: input(
        z
          .string()
          .regex(/^[a-z0-9_]+$/, { message: "must be a table name such as u_acme_settings" })
          .max(columnSize.tableName, { message: `must be at most ${columnSize.tableName} characters` }),
        { description: "The table, e.g. `u_acme_settings`; changing it replaces the record.", example: "u_acme_settings" },
      ),
      fields: input(z.record(columnName, z.string({ error: "values must be strings" })), {
        description: "Column → value, as strings. Only these columns are written and compared.",
        example: { u_name: "default", u_level: "3" },
      }),
      key: input(z.array(columnName).min(1, { message: "must name at least one column of `fields` that identifies the record" }), {
        description: "The columns of `fields` that find the record (its natural key), for adoption; changing it replaces the record.",
        example: ["u_name"],
      }),
      secretFields: input(z.record(columnName, secret).optional(), {
        description: "Secret columns (password2): written as display values, kept secret, compared by fingerprint.",
        secret: true,
      }),
      adopt,
    })
    .superRefine((inputs, ctx) => {
      for (const name of inputs.key) {
        if (!(name in inputs.fields)) {
          ctx.addIssue({ code: "custom", path: ["key"], message: `names ${name}, which is not in \`fields\`` });
          continue;
        }
        // The record is looked up by these values: they get the checks of every lookup value.
        for (const issue of keyValue.safeParse(inputs.fields[name]).error?.issues ?? []) {
          ctx.addIssue({ code: "custom", path: ["fields", name], message: `${issue.message} (it is a \`key\` column)` });
        }
      }
    }),
  outputSchema: z.object({
    fields: z.record(z.string(), z.string()).meta({ description: "The columns as last written." }),
  }),
  replaceOnChange: ["table", "key"],
  primaryStep: "record",
  notImportable: "its `table` and `key` are inputs that a sys_id alone does not give",
  plan: (inputs) => [
    {
      step: "record",
      table: inputs.table,
      key: Object.fromEntries(inputs.key.map((name) => [name, inputs.fields[name]!])),
      fields: { ...inputs.fields, ...inputs.secretFields },
      secretFields: Object.keys(inputs.secretFields ?? {}),
    },
  ],
});
