import type { ResourceKind } from "../lifecycle/resource-kind";
import { describeKind } from "../schema/describe-kind";

/**
 * Pulumi YAML hands a config value declared `type: string` whose value looks like a number
 * (`default: "50"`), and a bare `value: 50`, to the provider as a number. An input the schema
 * types as text gets its number or boolean as text, as the TypeScript resources' users write
 * `String(value)`; anything else is left for check to judge.
 */
export function withTextInputs(kind: ResourceKind<any>, inputs: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...inputs };
  for (const input of describeKind(kind).inputs) {
    const value = copy[input.name];
    if (input.schema.type === "string" && (typeof value === "number" || typeof value === "boolean")) copy[input.name] = String(value);
  }
  return copy;
}
