import { eq } from "../client/encoded-query";
import type { SnRecord, TableApi } from "../client/table-api";
import { desiredColumns, type PlannedRecord } from "../lifecycle/record-plan";
import type { FoundRecords } from "../lifecycle/record-operations";
import { parseFormTemplate, type AliasForm } from "./form-template";

const templateColumns = ["name", "dynamic_data_schema", "default_data_template", "post_process_script"] as const;
/** The alias's own columns the read returns beside its template's: what the plan's alias lookup needs of it. */
export const aliasColumnsRead = ["sys_id", "id", "configuration_template"] as const;

/**
 * The alias's Configure form, in one request: the alias with its template's columns
 * dot-walked (`configuration_template.name`, ...). Undefined when the alias does not exist
 * (the plan's alias lookup then fails with the spoke's activation hint). `alias` is the record
 * as read (its `aliasColumnsRead`), so that a create need not look it up again; left out when
 * two aliases have the id, for the lookup to refuse them as ambiguous.
 */
export async function readAliasForm(api: TableApi, aliasId: string): Promise<{ form: AliasForm; alias?: SnRecord } | undefined> {
  const fields = [...aliasColumnsRead, ...templateColumns.map((column) => `configuration_template.${column}`)];
  const matches = (await api.list("sys_alias", eq("id", aliasId), { fields })).filter((record) => record.id === aliasId);
  const alias = matches[0];
  if (!alias) return undefined;
  const unique = matches.length === 1 ? { alias } : {};
  const templateId = alias.configuration_template ?? "";
  if (templateId === "") return { form: { aliasId, template: undefined }, ...unique };
  const column = (name: (typeof templateColumns)[number]) => alias[`configuration_template.${name}`] ?? "";
  return {
    ...unique,
    form: {
      aliasId,
      template: parseFormTemplate({
        sys_id: templateId,
        name: column("name"),
        dynamic_data_schema: column("dynamic_data_schema"),
        default_data_template: column("default_data_template"),
        post_process_script: column("post_process_script"),
      }),
    },
  };
}

/**
 * The alias as read, by the plan's step that looks it up: only where that step needs nothing
 * the read did not return (its key is the id, it sets no column, it has no fallback table).
 */
export function foundAlias(plan: readonly PlannedRecord[], aliasId: string, alias: SnRecord | undefined): FoundRecords {
  const step = plan.find((record) => record.origin === "instance" && record.table === "sys_alias" && !record.fallback && record.key.id === aliasId);
  const read: readonly string[] = aliasColumnsRead;
  const covered = step !== undefined && Object.keys(desiredColumns(step)).every((column) => read.includes(column));
  return new Map(alias && covered ? [[step.step, alias]] : []);
}
