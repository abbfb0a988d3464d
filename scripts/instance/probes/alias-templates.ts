import type { SnRecord } from "../../../provider/client/table-api";
import { blankDefaultData, blankSchema, parseTemplateJson, passwordFieldPaths, type Json } from "./blank-secrets";
import { getIfAvailable, tableNotAvailable, type Probe } from "./probe";

/**
 * Every alias's Connection & Credential template (`sys_alias.configuration_template` →
 * `sys_alias_templates`, servicenow-reference.md "The Configure form is data"): what each
 * spoke's Configure form asks for and writes, secrets blanked, and whether its post-process
 * script (which records made through the Table API never run) does anything. Read with
 * dot-walked fields in one GET; an instance that does not dot-walk them gets a second GET per
 * template on sys_alias_templates.
 */
const templateFields = ["name", "dynamic_data_schema", "default_data_template", "post_process_script"] as const;

export interface AliasTemplate {
  readonly alias: string;
  readonly aliasName: string;
  readonly template: string;
  /** How the template was read: dot-walked from sys_alias, or a GET on sys_alias_templates. */
  readonly readVia?: "dot-walk" | "sys_alias_templates";
  readonly name?: string;
  readonly dynamicDataSchema?: Json;
  readonly defaultDataTemplate?: Json;
  /** JSON columns that could not be parsed (and are left out). */
  readonly unreadable?: readonly string[];
  readonly postProcessScript?: string;
  /** Why the template could not be read, when it could not. */
  readonly missing?: string;
}

export const aliasTemplatesProbe: Probe = {
  id: "alias-templates",
  check: "each alias's Connection & Credential template (sys_alias_templates): its form fields, default data and post-process script",
  async run({ api }) {
    const aliases = await api.list("sys_alias", "configuration_templateISNOTEMPTY^ORDERBYid", {
      fields: ["id", "name", "configuration_template", ...templateFields.map((field) => `configuration_template.${field}`)],
    });
    const byGet = new Map<string, Promise<SnRecord | undefined | "unavailable">>();
    const templates: AliasTemplate[] = [];
    for (const alias of aliases) {
      const id = alias.configuration_template ?? "";
      const base = { alias: alias.id ?? "", aliasName: alias.name ?? "", template: id };
      if (`configuration_template.name` in alias) {
        templates.push({ ...base, ...describeTemplate(dotWalked(alias), "dot-walk") });
        continue;
      }
      if (!byGet.has(id)) byGet.set(id, getIfAvailable(api, "sys_alias_templates", id, { fields: [...templateFields] }));
      const record = await byGet.get(id)!;
      templates.push(record === undefined || record === "unavailable" ? { ...base, missing: record === "unavailable" ? `sys_alias_templates: ${tableNotAvailable}` : "no such sys_alias_templates record" } : { ...base, ...describeTemplate(record, "sys_alias_templates") });
    }
    const unreadable = templates.filter((template) => (template.unreadable ?? []).length > 0);
    const scripts = countBy(templates.map((template) => template.postProcessScript ?? "not read"));
    return {
      outcome:
        templates.length === 0
          ? "no alias has a configuration_template"
          : `${templates.length} alias(es) with a template (${templates.map((template) => template.alias).join(", ")}); post-process scripts: ${Object.entries(scripts).map(([kind, count]) => `${count} ${kind}`).join(", ")}`,
      holds: unreadable.length === 0,
      details: templates,
      section: templates.flatMap(templateSection),
    };
  },
};

/** A template's columns from the dot-walked `configuration_template.<column>` values. */
function dotWalked(alias: SnRecord): SnRecord {
  return Object.fromEntries(templateFields.map((field) => [field, alias[`configuration_template.${field}`] ?? ""]));
}

function describeTemplate(record: SnRecord, readVia: "dot-walk" | "sys_alias_templates"): Omit<AliasTemplate, "alias" | "aliasName" | "template"> {
  const schema = parseTemplateJson(record.dynamic_data_schema ?? "");
  const data = parseTemplateJson(record.default_data_template ?? "");
  const unreadable = [schema.note === undefined ? [] : [`dynamic_data_schema: ${schema.note}`], data.note === undefined ? [] : [`default_data_template: ${data.note}`]].flat();
  return {
    readVia,
    name: record.name ?? "",
    ...(schema.json === undefined ? {} : { dynamicDataSchema: blankSchema(schema.json)! }),
    ...(data.json === undefined ? {} : { defaultDataTemplate: blankDefaultData(data.json, passwordFieldPaths(schema.json))! }),
    ...(unreadable.length > 0 ? { unreadable } : {}),
    postProcessScript: scriptKind(record.post_process_script ?? ""),
  };
}

/**
 * "empty", "default stub" (a function whose body holds only comments, as the template form
 * creates it) or "custom code". The script itself is never copied into the report.
 */
export function scriptKind(script: string): string {
  const code = script.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/[^\n]*/g, "").replace(/\s+/g, "");
  if (code === "") return "empty";
  // function (a, b) {}, optionally called at once: (function (a) {})(a); the same with an arrow.
  const stub = /^\(?(function[\w$]*\([\w$,]*\)|\([\w$,]*\)=>)\{\}\)?(\([\w$,]*\))?;?$/;
  return stub.test(code) ? "default stub" : "custom code";
}

function templateSection(template: AliasTemplate): string[] {
  const heading = `### ${template.alias} (${template.aliasName}): template ${template.name === undefined ? template.template : `"${template.name}"`}`;
  if (template.missing !== undefined) return [heading, "", `Not read: ${template.missing}.`, ""];
  const json = (label: string, value: Json | undefined): string[] => (value === undefined ? [] : [`${label}:`, "", "```json", JSON.stringify(value, null, 2), "```", ""]);
  return [
    heading,
    "",
    `Read via ${template.readVia}. Post-process script: ${template.postProcessScript}.`,
    ...(template.unreadable ?? []).map((line) => `- ${line}`),
    "",
    ...json("dynamic_data_schema", template.dynamicDataSchema),
    ...json("default_data_template (secrets blanked)", template.defaultDataTemplate),
  ];
}

function countBy(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
