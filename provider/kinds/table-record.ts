import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { adopt } from "./fields";

const column = /^[a-z0-9_]+$/;

/**
 * TableRecord: any table, for records no kind covers yet. `key` names the columns that find
 * the record (its natural key, used for adoption); `secretFields` are written once and
 * compared by fingerprint, like every other secret.
 */
export const tableRecordKind = defineKind({
  name: "TableRecord",
  schema: z
    .object({
      table: z.string().regex(column, { message: "must be a table name such as u_acme_settings" }),
      fields: z.record(z.string().regex(column, { message: "keys must be column names" }), z.string({ error: "values must be strings" })),
      key: z.array(z.string()).min(1, { message: "must name at least one column of `fields` that identifies the record" }),
      secretFields: z.record(z.string().regex(column), z.string()).optional(),
      adopt,
    })
    .superRefine((inputs, ctx) => {
      for (const name of inputs.key) {
        if (!(name in inputs.fields)) ctx.addIssue({ code: "custom", path: ["key"], message: `names ${name}, which is not in \`fields\`` });
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
