import { defined, flag } from "../kinds/fields";
import type { AdoptedDeleteBehavior, PlannedRecord } from "../lifecycle/record-plan";

export interface PropertySpec {
  readonly step?: string;
  readonly name: string;
  readonly value: string;
  readonly type?: string;
  readonly description?: string;
  readonly isPrivate?: boolean;
  /** Properties a spoke ships exist before anyone sets them: adopt, and give the value back. */
  readonly shippedBySpoke?: boolean;
}

/** A `sys_properties` row; `password2` properties keep their value secret. */
export function systemProperty(spec: PropertySpec): PlannedRecord {
  const secret = spec.type === "password2";
  const shipped: { adopt?: boolean; adoptedDelete?: AdoptedDeleteBehavior } = spec.shippedBySpoke ? { adopt: true, adoptedDelete: "restore" } : {};
  return {
    step: spec.step ?? "property",
    table: "sys_properties",
    key: { name: spec.name },
    fields: defined({
      value: spec.value,
      type: spec.type,
      description: spec.description,
      is_private: spec.isPrivate === undefined ? undefined : flag(spec.isPrivate),
    }),
    secretFields: secret ? ["value"] : [],
    ...shipped,
  };
}
