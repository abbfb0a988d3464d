import type { JsonSchema } from "./describe-kind";

/**
 * A declared input's or output's type as TypeScript, from its JSON Schema: for the generated
 * resource classes. Inputs take `pulumi.Input` at every level, as Pulumi's own SDKs do.
 */
export function typeOf(schema: JsonSchema, io: "input" | "output"): string {
  const wrap = (type: string) => (io === "input" ? `pulumi.Input<${type}>` : type);
  return wrap(plainType(schema, io));
}

function plainType(schema: JsonSchema, io: "input" | "output"): string {
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(" | ");
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.anyOf) return schema.anyOf.map((member) => plainType(member, io)).join(" | ");
  const element = (inner: JsonSchema) => (io === "input" ? `pulumi.Input<${plainType(inner, io)}>` : plainType(inner, io));
  switch (schema.type) {
    case "string":
      return "string";
    case "boolean":
      return "boolean";
    case "number":
    case "integer":
      return "number";
    case "array":
      return `${parenthesized(element(schema.items ?? {}))}[]`;
    case "object":
      if (schema.properties) {
        const required = new Set(schema.required ?? []);
        const members = Object.entries(schema.properties).map(([name, member]) => `${name}${required.has(name) ? "" : "?"}: ${element(member)}`);
        return `{ ${members.join("; ")} }`;
      }
      return `Record<string, ${typeof schema.additionalProperties === "object" ? element(schema.additionalProperties) : "unknown"}>`;
    default:
      throw new Error(`internal: no TypeScript type for the JSON Schema ${JSON.stringify(schema)}`);
  }
}

function parenthesized(type: string): string {
  return type.includes(" | ") ? `(${type})` : type;
}
