import { configKeys } from "../config/config-keys";
import type { ResourceKind } from "../lifecycle/resource-kind";
import { kinds } from "../registry";
import { describeKind, type JsonSchema, type PropertyDescription } from "./describe-kind";
import { packageName, tokenOf } from "./package-name";
import { sentenceOf } from "./render-resources";
import { packageVersion } from "./shipped-schema";

type SchemaProperty = Record<string, unknown>;

/**
 * The Pulumi package schema (what `pulumi package get-schema` prints for the provider plugin),
 * from the kinds' declarations: one resource per kind, `servicenow:index:<Kind>`, and the
 * `servicenow:*` settings as the provider's configuration.
 */
export function packageSchema(version: string = packageVersion()): Record<string, unknown> {
  const types: Record<string, unknown> = {};
  const config = Object.fromEntries(
    Object.values(configKeys).map((key) => [key.name, { type: "string", description: `${key.description} Or ${key.envVars.join(" / ")}.`, ...(key.secret ? { secret: true } : {}) }]),
  );
  return {
    name: packageName,
    displayName: "ServiceNow Integration Hub spokes",
    version,
    description: "Declarative ServiceNow Integration Hub spoke configuration: connections, credentials, OAuth, system properties, through the Table API.",
    keywords: ["servicenow", "integration-hub", "category/infrastructure"],
    license: "Apache-2.0",
    publisher: "pulumi-servicenow-spokes",
    meta: { supportPack: true },
    language: languageSettings,
    config: { variables: config },
    provider: { description: "A ServiceNow instance to configure.", inputProperties: config },
    resources: Object.fromEntries(kinds.map((kind) => [tokenOf(kind.name), resourceSchema(kind, types)])),
    types,
  };
}

/**
 * Names of the SDKs that `npm run sdk` generates for other languages (docs/languages.md).
 * `supportPack` makes each SDK carry the schema's version (the plugin's) and its own package
 * metadata (go.mod, pyproject.toml, package.json, .csproj). The Go module path has no host:
 * the SDK is not published, so programs reach it with a `replace` directive.
 */
const languageSettings = {
  // With a `go` block, the Go generator bakes the version in only when told to (supportPack alone does not).
  go: { importBasePath: "pulumi-servicenow-spokes/sdk/go/servicenow", respectSchemaVersion: true },
  python: { packageName: "pulumi_servicenow_spokes", pyproject: { enabled: true } },
  csharp: { rootNamespace: "ServiceNow", namespaces: { servicenow: "Spokes" } },
  nodejs: { packageName: "pulumi-servicenow-spokes-sdk" },
};

function resourceSchema(kind: ResourceKind<any>, types: Record<string, unknown>): Record<string, unknown> {
  const described = describeKind(kind);
  const property = (declared: PropertyDescription) => propertySchema(declared.schema, sentenceOf(declared), declared.secret === true, declared.name, kind.name, types);
  const inputProperties = Object.fromEntries(described.inputs.map((input) => [input.name, property(input)]));
  const outputs = Object.fromEntries(described.outputs.map((output) => [output.name, property(output)]));
  return {
    description: described.description,
    inputProperties,
    requiredInputs: described.inputs.filter((input) => input.required).map((input) => input.name),
    properties: { ...inputProperties, ...outputs },
    required: [...described.inputs.filter((input) => input.required || input.default !== undefined).map((input) => input.name), ...described.outputs.map((output) => output.name)],
  };
}

/** A property in the schema's type system: scalars, arrays, maps, and object types under `types`. */
function propertySchema(json: JsonSchema, description: string | undefined, secret: boolean, name: string, kindName: string, types: Record<string, unknown>): SchemaProperty {
  return { ...typeSchema(json, name, kindName, types), ...(description ? { description } : {}), ...(secret ? { secret: true } : {}) };
}

function typeSchema(json: JsonSchema, name: string, kindName: string, types: Record<string, unknown>): SchemaProperty {
  if (json.enum) return { type: typeof json.enum[0] === "number" ? "number" : "string" };
  switch (json.type) {
    case "string":
    case "boolean":
    case "number":
      return { type: json.type };
    case "integer":
      return { type: "integer" };
    case "array":
      return { type: "array", items: typeSchema(json.items ?? {}, name, kindName, types) };
    case "object": {
      if (!json.properties) {
        return { type: "object", additionalProperties: typeof json.additionalProperties === "object" ? typeSchema(json.additionalProperties, name, kindName, types) : { $ref: "pulumi.json#/Any" } };
      }
      // Object outputs (SpokeConnection's configureForm) become named types, shared by the kinds that have them.
      const token = `${packageName}:index:${name.charAt(0).toUpperCase()}${name.slice(1)}`;
      types[token] = {
        type: "object",
        ...(json.description ? { description: json.description } : {}),
        properties: Object.fromEntries(Object.entries(json.properties).map(([member, schema]) => [member, propertySchema(schema, schema.description, schema.secret === true, member, kindName, types)])),
        required: json.required ?? [],
      };
      return { $ref: `#/types/${token}` };
    }
    default:
      return { $ref: "pulumi.json#/Any" };
  }
}
