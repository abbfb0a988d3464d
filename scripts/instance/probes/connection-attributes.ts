import { attributeDefinitionTable, attributeValueTable } from "../../../provider/records/connection-attributes";
import type { TableApi } from "../../../provider/client/table-api";
import { listIfAvailable, tableNotAvailable, type Probe } from "./probe";

/**
 * Where a connection attribute (Qualtrics' X-API-TOKEN) is defined and where its value is stored
 * (servicenow-reference.md, "Connection attributes"): the tables extending var_dictionary, the
 * var_dictionary rows of aliases, and for one connection that has attribute values, the
 * sys_variable_value rows holding them. Values are never copied: only whether each is set.
 */
export const attributeDefinitionProbe: Probe = {
  id: "attribute-definitions",
  check: "connection attribute definitions (Qualtrics X-API-TOKEN) live in var_dictionary",
  async run({ api }) {
    const vardict = await listIfAvailable(api, attributeDefinitionTable, "model_table=sys_alias^element=x_api_token", { limit: 1 });
    const older = await listIfAvailable(api, "sys_connection_attribute", "element=x_api_token", { limit: 1 });
    const count = (found: unknown[] | undefined) => (found === undefined ? tableNotAvailable : `${found.length} found`);
    return { outcome: `var_dictionary: ${count(vardict)}; sys_connection_attribute: ${count(older)}`, holds: (vardict?.length ?? 0) > 0 || (older?.length ?? 0) === 0 };
  },
};

export const attributeStorageProbe: Probe = {
  id: "attribute-storage",
  check: "where connection attribute definitions and values are stored (tables extending var_dictionary, alias definitions, one connection's sys_variable_value rows)",
  async run({ api }) {
    const extending = await listIfAvailable(api, "sys_db_object", "super_class.name=var_dictionary^ORDERBYname", { fields: ["name", "label"] });
    const definitions = await listIfAvailable(api, attributeDefinitionTable, "model_table=sys_alias^ORDERBYmodel_id", { fields: ["element", "label", "internal_type", "model_id", "sys_class_name"], limit: 500 });
    const aliasIds = await aliasIdsOf(api, [...new Set((definitions ?? []).map((row) => row.model_id ?? ""))]);
    const connection = await oneConnectionWithValues(api);
    const definitionTables = new Set([attributeDefinitionTable, ...(extending ?? []).map((row) => row.name ?? "")]);
    const misplaced = connection?.values.filter((value) => value.definitionTable !== "" && !definitionTables.has(value.definitionTable)) ?? [];
    const details = {
      tablesExtendingVarDictionary: extending === undefined ? `sys_db_object: ${tableNotAvailable}` : extending.map((row) => row.name ?? ""),
      aliasAttributeDefinitions:
        definitions === undefined
          ? `${attributeDefinitionTable}: ${tableNotAvailable}`
          : definitions.map((row) => ({ alias: aliasIds.get(row.model_id ?? "") ?? row.model_id ?? "", element: row.element ?? "", label: row.label ?? "", internalType: row.internal_type ?? "", table: row.sys_class_name ?? "" })),
      connectionWithValues: connection ?? `no ${attributeValueTable} row with document=http_connection`,
    };
    return {
      outcome:
        `tables extending var_dictionary: ${Array.isArray(details.tablesExtendingVarDictionary) ? details.tablesExtendingVarDictionary.join(", ") || "none" : details.tablesExtendingVarDictionary}; ` +
        `alias attribute definitions: ${definitions === undefined ? tableNotAvailable : definitions.length}; ` +
        (connection === undefined ? details.connectionWithValues : `connection "${connection.name}" has ${connection.values.length} value(s) in ${attributeValueTable}, defined in ${[...new Set(connection.values.map((value) => value.definitionTable))].join(", ")}`),
      holds: definitions !== undefined && misplaced.length === 0,
      details,
    };
  },
};

async function aliasIdsOf(api: TableApi, sysIds: readonly string[]): Promise<Map<string, string>> {
  if (sysIds.length === 0) return new Map();
  const aliases = await api.list("sys_alias", `sys_idIN${sysIds.join(",")}`, { fields: ["id"] });
  return new Map(aliases.map((alias) => [alias.sys_id ?? "", alias.id ?? ""]));
}

/** The first connection that has attribute values, with each value's definition (dot-walked through `variable`). */
async function oneConnectionWithValues(api: TableApi) {
  const first = await listIfAvailable(api, attributeValueTable, "document=http_connection^ORDERBYsys_created_on", { fields: ["document_key"], limit: 1 });
  const key = first?.[0]?.document_key;
  if (key === undefined || key === "") return undefined;
  const rows = await api.list(attributeValueTable, `document=http_connection^document_key=${key}`, {
    fields: ["variable", "variable.element", "variable.sys_class_name", "variable.model_table", "variable.internal_type", "value"],
  });
  const connection = await api.get("http_connection", key, { fields: ["name", "connection_alias"] });
  return {
    sysId: key,
    name: connection?.name ?? "(no such http_connection)",
    values: rows.map((row) => ({
      element: row["variable.element"] ?? "",
      definition: row.variable ?? "",
      definitionTable: row["variable.sys_class_name"] ?? "",
      modelTable: row["variable.model_table"] ?? "",
      internalType: row["variable.internal_type"] ?? "",
      value: row.value === "" || row.value === undefined ? "empty" : "set (not shown)",
    })),
  };
}
