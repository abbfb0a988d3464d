import { z } from "zod";
import type { TableApi } from "../client/table-api";
import type { FormUse } from "../forms/apply-form";
import type { AliasForm } from "../forms/form-template";
import { desiredColumns, type AdoptedDeleteBehavior, type PlannedRecord } from "./record-plan";
import type { RecordsState } from "./resource-state";
import { inputColumnsOf, stepMatches } from "../schema/describe-kind";

/** What a kind's plan may depend on besides its inputs. */
export interface PlanContext {
  /** The instance's base URL, e.g. for a default OAuth redirect URL. */
  readonly instanceUrl: string;
  /**
   * The alias's Configure form, for kinds with `form`: read from the instance before a write,
   * or as state kept it; undefined when neither has it.
   */
  readonly form?: AliasForm;
}

/**
 * A resource kind, described declaratively: its inputs (a zod schema), and the records those
 * inputs become. Everything else (check, diff, create, read, update, delete, adoption,
 * rollback, secrets) is the shared lifecycle's job.
 */
export interface ResourceKind<Inputs extends object = Record<string, unknown>> {
  /** The resource type name, e.g. `SystemProperty`; part of the Pulumi type token. */
  readonly name: string;
  /** One sentence: what the resource is on the instance (docs, the package schema, the class). */
  readonly description: string;
  /**
   * Validates raw inputs and applies defaults; messages name the fix. A `z.object` of inputs
   * declared with `input(...)` (../kinds/input.ts): descriptions, secrecy, columns, examples.
   */
  readonly schema: z.ZodType<Inputs>;
  /** Outputs the kind adds besides its inputs, `sysId` and `sysIds`, declared like inputs; `outputs()` computes them. */
  readonly outputSchema?: z.ZodObject;
  /** Inputs whose change replaces the resource (its identity on the instance). */
  readonly replaceOnChange: readonly string[];
  /** The plan step of the main record, whose sys_id is the resource id. */
  readonly primaryStep: string;
  /**
   * Why `pulumi import` cannot rebuild this kind from its primary record's sys_id, for kinds
   * whose inputs are not in their records (a TableRecord's table): import refuses with it.
   */
  readonly notImportable?: string;
  /** Whether an existing record is taken over when `adopt` is not given. Default false. */
  readonly adoptByDefault?: boolean;
  /** What delete does with adopted records. Default `delete`: adopted means managed. */
  adoptedDeleteBehavior?(inputs: Inputs): AdoptedDeleteBehavior;
  /** Inputs that are generated when not given (e.g. an OAuth client secret), then kept in state. */
  readonly generated?: Readonly<Record<string, () => string>>;
  /**
   * Spoke kinds: the alias whose Configure form (its template) the records must match. The
   * lifecycle reads it before any write and applies it (../forms/apply-form.ts).
   */
  form?(inputs: Inputs): FormUse & { readonly aliasId: string };
  /** The records, in creation order. */
  plan(inputs: Inputs, context: PlanContext): PlannedRecord[];
  /** Checks before any write (e.g. third-party credentials); throws with the fix. */
  preflight?(inputs: Inputs, api: TableApi, context: PlanContext): Promise<void>;
  /** Extra outputs computed from inputs and records (e.g. a URL to finish a sign-in). */
  outputs?(inputs: Inputs, records: RecordsState, context: PlanContext): Record<string, unknown>;
}

/** The names of a kind's inputs: the keys of its schema, which must be a `z.object`. */
export function inputNamesOf(kind: ResourceKind<object>): string[] {
  if (!(kind.schema instanceof z.ZodObject)) throw new Error(`internal: the schema of ${kind.name} must be a z.object`);
  return Object.keys(kind.schema.shape);
}

/**
 * The defaults the schema gives inputs (`.default(...)` at the top of an input's schema). State
 * written before an input existed lacks it; its default there is no change.
 */
export function inputDefaultsOf(kind: ResourceKind<object>): Readonly<Record<string, unknown>> {
  const defaults: Record<string, unknown> = {};
  for (const name of inputNamesOf(kind)) {
    const def = ((kind.schema as z.ZodObject).shape[name] as z.ZodType | undefined)?._zod.def as { type?: string; defaultValue?: unknown } | undefined;
    if (def?.type === "default") defaults[name] = def.defaultValue;
  }
  return defaults;
}

/**
 * The kind's records for these inputs: its plan, each record's `inputs` (column → input) filled
 * from the inputs' declared columns that the record writes, where the input has a value: drift on a column whose input
 * is not set (a default the kind computes) is no input's, and shows as the column. A scan, which
 * looks for the inputs that would give what it found, asks for `everyDeclaredColumn`. A column
 * the plan maps itself (SpokeConnection's `form`) keeps that.
 */
export function planOf<Inputs extends object>(kind: ResourceKind<Inputs>, inputs: Inputs, context: PlanContext, options: { readonly everyDeclaredColumn?: boolean } = {}): PlannedRecord[] {
  const columns = inputColumnsOf(kind);
  const values = inputs as Record<string, unknown>;
  return kind.plan(inputs, context).map((record) => {
    const planned = desiredColumns(record);
    const declared = columns.filter(
      (column) => stepMatches(column.step, record.step) && column.column in planned && (options.everyDeclaredColumn || values[column.input] !== undefined),
    );
    if (declared.length === 0) return record;
    return { ...record, inputs: { ...Object.fromEntries(declared.map(({ column, input }) => [column, input])), ...record.inputs } };
  });
}

/** Infers the input type from the schema, so a kind file states it once. */
export function defineKind<Schema extends z.ZodType<object>>(kind: ResourceKind<z.output<Schema>> & { schema: Schema }): ResourceKind<z.output<Schema>> {
  return kind;
}
