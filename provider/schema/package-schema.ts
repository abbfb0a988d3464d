/**
 * PLACEHOLDER until the lead's generator lands on main (same path, same signature): a minimal
 * Pulumi package schema derived from each kind's zod schema, enough for Pulumi YAML to type-check
 * programs and for `secret: true` to keep secret inputs' outputs secret. Main's version wins on merge.
 */
import { z } from "zod";
import { configKeys } from "../config/config-keys";
import type { ResourceKind } from "../lifecycle/resource-kind";
import { kinds } from "../registry";

type Json = Record<string, unknown>;

export function packageSchema(): Record<string, unknown> {
  const resources: Record<string, Json> = {};
  for (const kind of kinds) resources[`servicenow:index:${kind.name}`] = resourceOf(kind);
  const variables: Record<string, Json> = {};
  for (const key of Object.values(configKeys)) variables[key.name] = { type: "string", ...(key.secret ? { secret: true } : {}) };
  return {
    name: "servicenow",
    displayName: "ServiceNow spokes",
    description: "ServiceNow Integration Hub spoke configuration (connections, credentials, OAuth, system properties).",
    config: { variables },
    provider: { inputProperties: variables, properties: variables },
    resources,
  };
}

function resourceOf(kind: ResourceKind<any>): Json {
  const json = z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any" }) as { properties?: Record<string, Json>; required?: string[] };
  const inputProperties: Record<string, Json> = {};
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    inputProperties[name] = { ...typeOf(property), ...(kind.secretInputs.includes(name) ? { secret: true } : {}) };
  }
  return {
    description: `${kind.name}: ServiceNow records managed as one resource.`,
    inputProperties,
    requiredInputs: json.required ?? [],
    properties: { ...inputProperties, sysId: { type: "string" }, sysIds: { type: "object", additionalProperties: { type: "string" } } },
    required: ["sysId", "sysIds"],
  };
}

function typeOf(property: Json): Json {
  switch (property.type) {
    case "string":
    case "boolean":
    case "integer":
    case "number":
      return { type: property.type };
    case "array":
      return { type: "array", items: typeOf((property.items as Json | undefined) ?? {}) };
    case "object":
      return property.additionalProperties && typeof property.additionalProperties === "object"
        ? { type: "object", additionalProperties: typeOf(property.additionalProperties as Json) }
        : { $ref: "pulumi.json#/Any" };
    default:
      return { $ref: "pulumi.json#/Any" };
  }
}
