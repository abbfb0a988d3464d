import { ref, type PlannedRecord } from "../lifecycle/record-plan";

/**
 * Per-connection values of the attributes an alias defines (Qualtrics' X-API-TOKEN).
 * Definitions: dictionary entries of the alias in `var_dictionary` (`model_table=sys_alias`,
 * `model_id` = the alias), as the table definitions in ServiceNow's SDK and the docs' "create
 * connection attributes" describe them (servicenow-reference.md, "Connection attributes";
 * medium confidence, unconfirmed on an instance). When an instance has none there, the older
 * guess, `sys_connection_attribute` by `model`, is tried; state records which table answered.
 * Values: `sys_variable_value` keyed by the connection. A password-type value is written
 * through the secret path (its own request with display-value input), which is what makes an
 * instance encrypt a password2 value; whether a plain value column is encrypted that way is
 * unconfirmed. Change it here, and only here.
 */
export const attributeDefinitionTable = "var_dictionary";
export const attributeValueTable = "sys_variable_value";

export interface AttributeValue {
  /** The attribute's column name on the alias, e.g. `x_api_token`. */
  readonly element: string;
  readonly value: string;
  readonly secret: boolean;
}

/** For each value: look up its definition on the alias, then set it on the connection. */
export function connectionAttributeValues(values: readonly AttributeValue[]): PlannedRecord[] {
  return values.flatMap((attribute): PlannedRecord[] => [
    {
      step: `attribute:${attribute.element}`,
      table: attributeDefinitionTable,
      key: { model_table: "sys_alias", model_id: ref("alias"), element: attribute.element },
      fallback: { table: "sys_connection_attribute", key: { model: ref("alias"), element: attribute.element } },
      origin: "instance",
      missingHint: `The alias defines no attribute ${attribute.element} (looked in var_dictionary by model_table=sys_alias and model_id, then in sys_connection_attribute by model): check that the spoke's version has it.`,
    },
    {
      step: `attribute-value:${attribute.element}`,
      table: attributeValueTable,
      key: { document: "http_connection", document_key: ref("connection"), variable: ref(`attribute:${attribute.element}`) },
      fields: { value: attribute.value },
      secretFields: attribute.secret ? ["value"] : [],
    },
  ]);
}
