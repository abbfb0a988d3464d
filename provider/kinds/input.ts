import type { z } from "zod";

/**
 * What a kind says about one input besides its type and checks (the zod schema it wraps). This
 * is the input's one declaration: the resource classes' Args, the package schema, the docs,
 * secrecy in state, drift, refresh and scan all read it (../schema/describe-kind.ts).
 */
export interface InputDeclaration {
  /** One sentence for the editor, the docs and the package schema; defaults that depend on other inputs are said here. */
  readonly description: string;
  /** Kept secret in state, never in a message, written as a secret column. */
  readonly secret?: boolean;
  /**
   * The record column this input is a plain copy of, as `<plan step>.<column>`
   * (`entity.client_id`, `property:x_acme.level.value`): drift on that column shows on this input,
   * refresh hands the column back as this input, and scan reads the input from it.
   */
  readonly column?: string;
  /**
   * An accepted value: shown when the input fails its check, and given to a scanned plan where
   * the instance has none. `{ code }` is TypeScript to show only (`credential.sysId`). Secret
   * inputs need none: theirs is `config.requireSecret(...)`.
   */
  readonly example?: unknown;
}

declare module "zod" {
  interface GlobalMeta extends Partial<InputDeclaration> {}
}

/** An input: its schema (type and checks, `.default()` and `.optional()` included) and its declaration. */
export function input<Schema extends z.ZodType>(schema: Schema, declaration: InputDeclaration): Schema {
  return schema.meta({ ...declaration }) as Schema;
}
