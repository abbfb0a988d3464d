/**
 * What each spoke ships to an instance when it is activated: its connection alias, its system
 * properties (they exist before anyone sets them) and the connection attributes its alias
 * defines, and the Connection & Credential template its alias points to (its Configure form).
 * Data only; seed.ts writes it.
 */
import { STANDARD_TEMPLATES, type AliasTemplateContents } from "./alias-templates";
import type { SpokeName } from "./options";

export interface SpokeContents {
  readonly alias: { readonly id: string; readonly name: string };
  readonly properties: readonly { readonly name: string; readonly value: string; readonly type: string; readonly description: string }[];
  readonly attributes: readonly { readonly element: string; readonly label: string }[];
  readonly template: AliasTemplateContents;
}

export const SPOKES: Readonly<Record<SpokeName, SpokeContents>> = {
  sumtotal: {
    alias: { id: "sn_sumtotal_spoke.SumTotal", name: "SumTotal" },
    properties: [],
    attributes: [],
    template: STANDARD_TEMPLATES.sumtotal,
  },
  qualtrics: {
    alias: { id: "sn_qualtrics_spoke.Qualtrics", name: "Qualtrics" },
    properties: [{ name: "sn_qualtrics_spoke.qualtrics_directory", value: "", type: "string", description: "Qualtrics Directory ID" }],
    attributes: [{ element: "x_api_token", label: "X-API-TOKEN" }],
    template: STANDARD_TEMPLATES.qualtrics,
  },
  okta: {
    alias: { id: "sn_okta_spoke.Okta", name: "Okta" },
    properties: [],
    attributes: [],
    template: STANDARD_TEMPLATES.okta,
  },
};
