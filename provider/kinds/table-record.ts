import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { adopt, columnSize, lookupValue, secret } from "./fields";

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
  schema: z
    .object({
      table: z
        .string()
        .regex(/^[a-z0-9_]+$/, { message: "must be a table name such as u_acme_settings" })
        .max(columnSize.tableName, { message: `must be at most ${columnSize.tableName} characters` }),
      fields: z.record(columnName, z.string({ error: "values must be strings" })),
      key: z.array(columnName).min(1, { message: "must name at least one column of `fields` that identifies the record" }),
      secretFields: z.record(columnName, secret).optional(),
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
  examples: { table: '"u_acme_settings"', fields: '{ u_name: "default", u_level: "3" }', key: '["u_name"]' },
  secretInputs: ["secretFields"],
  replaceOnChange: ["table", "key"],
  primaryStep: "record",
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
