import { eq } from "../client/encoded-query";
import type { TableApi } from "../client/table-api";
import { parseFormTemplate, type AliasForm } from "./form-template";

const templateColumns = ["name", "dynamic_data_schema", "default_data_template", "post_process_script"] as const;

/**
 * The alias's Configure form, in one request: the alias with its template's columns
 * dot-walked (`configuration_template.name`, ...). Undefined when the alias does not exist
 * (the plan's alias lookup then fails with the spoke's activation hint).
 */
export async function readAliasForm(api: TableApi, aliasId: string): Promise<AliasForm | undefined> {
  const fields = ["id", "configuration_template", ...templateColumns.map((column) => `configuration_template.${column}`)];
  const alias = (await api.list("sys_alias", eq("id", aliasId), { fields })).find((record) => record.id === aliasId);
  if (!alias) return undefined;
  const templateId = alias.configuration_template ?? "";
  if (templateId === "") return { aliasId, template: undefined };
  const column = (name: (typeof templateColumns)[number]) => alias[`configuration_template.${name}`] ?? "";
  return {
    aliasId,
    template: parseFormTemplate({
      sys_id: templateId,
      name: column("name"),
      dynamic_data_schema: column("dynamic_data_schema"),
      default_data_template: column("default_data_template"),
      post_process_script: column("post_process_script"),
    }),
  };
}
