import type { AliasTemplateContents } from "../alias-templates";

/**
 * What a spoke ships to an instance when it is activated: its connection alias, its system
 * properties (they exist before anyone sets them), the connection attributes its alias defines,
 * and the Connection & Credential template its alias points to (its Configure form). Data only;
 * seed.ts writes it.
 */
export interface SpokeSeed {
  /** How options and the CLI name the spoke (`--spokes sumtotal,okta`). */
  readonly name: string;
  readonly alias: { readonly id: string; readonly name: string };
  readonly properties: readonly { readonly name: string; readonly value: string; readonly type: string; readonly description: string }[];
  readonly attributes: readonly { readonly element: string; readonly label: string }[];
  readonly template: AliasTemplateContents;
}
