/**
 * The benchmark's resources (bench-resources.ts) as the `resources:` section of a Pulumi YAML
 * program, through the provider plugin (`servicenow:index:<Kind>`, or another package's). Strings are written as
 * JSON strings (valid YAML, so no name or value is ever read as a number), secrets with
 * `fn::secret`, as the dynamic program's `pulumi.secret`.
 */
import type { BenchResource, InputValue } from "./bench-resources";

function yamlValue(value: InputValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if ("secret" in value) return `{ "fn::secret": ${JSON.stringify(value.secret)} }`;
  return JSON.stringify(value);
}

export function pluginProgram(resources: readonly BenchResource[], packageName = "servicenow"): string {
  const entries = resources.map(
    (resource) =>
      `  ${resource.name}:\n    type: ${packageName}:index:${resource.kind}\n    properties:\n${Object.entries(resource.inputs)
        .map(([key, value]) => `      ${key}: ${yamlValue(value)}\n`)
        .join("")}`,
  );
  return `resources:\n${entries.join("")}`;
}
