import { ref, type PlannedRecord } from "../lifecycle/record-plan";

/**
 * Per-connection values of the attributes an alias defines (Qualtrics' X-API-TOKEN).
 * Where an instance keeps them is not confirmed (servicenow-reference.md): the attribute
 * definitions in `sys_connection_attribute` (model = the alias) and the values in
 * `sys_variable_value` (document = the connection). Change it here, and only here.
 */
export const attributeDefinitionTable = "sys_connection_attribute";
export const attributeValueTable = "sys_variable_value";

export interface AttributeValue {
  /** The attribute's column name on the alias, e.g. `x_api_token`. */
  readonly element: string;
  readonly value: string;
  readonly secret: boolean;
  /** The input it comes from. */
  readonly input: string;
}

/** For each value: look up its definition on the alias, then set it on the connection. */
export function connectionAttributeValues(values: readonly AttributeValue[]): PlannedRecord[] {
  return values.flatMap((attribute): PlannedRecord[] => [
    {
      step: `attribute:${attribute.element}`,
      table: attributeDefinitionTable,
      key: { model: ref("alias"), element: attribute.element },
      origin: "instance",
      missingHint: `The alias defines no attribute ${attribute.element}: check that the spoke's version has it.`,
    },
    {
      step: `attribute-value:${attribute.element}`,
      table: attributeValueTable,
      key: { document: "http_connection", document_key: ref("connection"), variable: ref(`attribute:${attribute.element}`) },
      fields: { value: attribute.value },
      secretFields: attribute.secret ? ["value"] : [],
      inputs: { value: attribute.input },
    },
  ]);
}
