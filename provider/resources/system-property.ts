import type * as pulumi from "@pulumi/pulumi";
import { systemPropertyKind, type propertyTypes } from "../kinds/system-property";
import { ServiceNowResource } from "./servicenow-resource";

export interface SystemPropertyArgs {
  /** The property name, e.g. `x_acme.integration.enabled`. Changing it replaces the resource. */
  readonly name: pulumi.Input<string>;
  /** The value, as text (ServiceNow stores every property value as a string). */
  readonly value: pulumi.Input<string>;
  /** The property type, one of ServiceNow's (`string`, `boolean`, `integer`, `password2`, `timezone`, ...). Left as is when omitted. */
  readonly type?: pulumi.Input<(typeof propertyTypes)[number]>;
  readonly description?: pulumi.Input<string>;
  readonly isPrivate?: pulumi.Input<boolean>;
  /** Take over an existing property with this name. Default true: spokes ship their properties. */
  readonly adopt?: pulumi.Input<boolean>;
  /** What destroy does with an adopted property: `restore` its old value (default), `delete` it, or `keep` ours. */
  readonly deleteBehavior?: pulumi.Input<"restore" | "delete" | "keep">;
}

/** A system property (`sys_properties`). */
export class SystemProperty extends ServiceNowResource {
  declare readonly name: pulumi.Output<string>;
  declare readonly value: pulumi.Output<string>;

  constructor(name: string, args: SystemPropertyArgs, opts?: pulumi.CustomResourceOptions) {
    // A password2 property's value is a secret even when given as plain text.
    const secret = args.type === "password2" ? ["value"] : [];
    super(systemPropertyKind, name, args, { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...secret] });
  }
}
