import { z } from "zod";
import type { InputDeclaration } from "../kinds/input";
import type { ResourceKind } from "../lifecycle/resource-kind";

/** A JSON Schema node as zod writes it (draft 2020-12), with the declarations' keys beside. */
export interface JsonSchema extends Partial<InputDeclaration> {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly items?: JsonSchema;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly required?: readonly string[];
  readonly anyOf?: readonly JsonSchema[];
  readonly default?: unknown;
}

/** One input or output as the kind declares it. */
export interface PropertyDescription extends InputDeclaration {
  readonly name: string;
  readonly required: boolean;
  /** The schema's `.default()`, when it has one. */
  readonly default?: unknown;
  readonly schema: JsonSchema;
}

export interface KindDescription {
  readonly name: string;
  readonly description: string;
  readonly inputs: readonly PropertyDescription[];
  /** Outputs besides the inputs, `sysId` and `sysIds` included. */
  readonly outputs: readonly PropertyDescription[];
}

/** Outputs every resource has. */
const commonOutputs = z.object({
  sysId: z.string().meta({ description: "The sys_id of the main record: the resource's id." }),
  sysIds: z.record(z.string(), z.string()).meta({ description: 'The sys_id of every record this resource made or took over, by its role in the plan ("connection", "entity", ...).' }),
});

const described = new WeakMap<ResourceKind<any>, KindDescription>();

/** The kind's declarations, read once per process from its schemas. */
export function describeKind(kind: ResourceKind<any>): KindDescription {
  let description = described.get(kind);
  if (!description) {
    description = {
      name: kind.name,
      description: kind.description,
      inputs: propertiesOf(kind.schema, "input"),
      outputs: propertiesOf(kind.outputSchema ? commonOutputs.extend(kind.outputSchema.shape) : commonOutputs, "output"),
    };
    described.set(kind, description);
  }
  return description;
}

function propertiesOf(schema: z.ZodType, io: "input" | "output"): PropertyDescription[] {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    if (!property.description) throw new Error(`internal: ${name} has no description (declare it with input(...))`);
    const { description, secret, column, example } = property;
    return {
      name,
      required: required.has(name),
      description,
      ...(secret ? { secret } : {}),
      ...(column !== undefined ? { column } : {}),
      ...(example !== undefined ? { example } : {}),
      ...(property.default !== undefined ? { default: property.default } : {}),
      schema: property,
    };
  });
}

/** An input's example as TypeScript (`"https://acme.okta.com"`, `config.requireSecret("apiKey")`, `credential.sysId`). */
export function exampleCodeOf(kind: ResourceKind<any>, name: string): string | undefined {
  const input = describeKind(kind).inputs.find((candidate) => candidate.name === name);
  if (!input) return undefined;
  if (input.secret && input.example === undefined) return `config.requireSecret("${name}")`;
  if (input.example === undefined) return undefined;
  return isCode(input.example) ? input.example.code : JSON.stringify(input.example);
}

/** Example values a plan can be made from: secrets as `secretValue`, code examples left out. */
export function exampleValuesOf(kind: ResourceKind<any>, secretValue: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const input of describeKind(kind).inputs) {
    if (input.secret && input.schema.type === "string" && !kind.generated?.[input.name]) values[input.name] = secretValue;
    else if (input.example !== undefined && !isCode(input.example)) values[input.name] = input.example;
  }
  return values;
}

function isCode(example: unknown): example is { code: string } {
  return typeof example === "object" && example !== null && typeof (example as { code?: unknown }).code === "string";
}

/** Inputs that hold secrets: kept secret in state and never in a message. */
export function secretInputsOf(kind: ResourceKind<any>): string[] {
  return describeKind(kind).inputs.filter((input) => input.secret).map((input) => input.name);
}

/** Outputs the kind adds besides the inputs (not `sysId`, `sysIds`). */
export function extraOutputNamesOf(kind: ResourceKind<any>): string[] {
  return Object.keys(kind.outputSchema?.shape ?? {});
}

/** A column some input is a plain copy of. `step` may end in `*`: every step with that prefix (one per key of a map input). */
export interface InputColumn {
  readonly step: string;
  readonly column: string;
  readonly input: string;
}

const columns = new WeakMap<ResourceKind<any>, readonly InputColumn[]>();

/** The columns the inputs declare (`column`), parsed once per process. */
export function inputColumnsOf(kind: ResourceKind<any>): readonly InputColumn[] {
  let known = columns.get(kind);
  if (!known) {
    known = describeKind(kind).inputs.flatMap((input) => {
      if (input.column === undefined) return [];
      const dot = input.column.lastIndexOf(".");
      return [{ step: input.column.slice(0, dot), column: input.column.slice(dot + 1), input: input.name }];
    });
    columns.set(kind, known);
  }
  return known;
}

/** Whether a declared column's step names this plan step. */
export function stepMatches(pattern: string, step: string): boolean {
  return pattern.endsWith("*") ? step.startsWith(pattern.slice(0, -1)) : pattern === step;
}
