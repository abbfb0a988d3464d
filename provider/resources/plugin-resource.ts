import * as pulumi from "@pulumi/pulumi";
import { dynamicTokenOf, tokenOf } from "../schema/package-name";

/** What a kind's class registers: every property it has (inputs and outputs), and which inputs are secret. */
export interface PluginResourceShape {
  readonly properties: readonly string[];
  readonly secretInputs: readonly string[];
}

/**
 * The base of every class in `pulumi-servicenow-spokes/plugin`: a resource of the provider
 * plugin (`servicenow:index:<Kind>`), served by `pulumi-resource-servicenow` rather than by the
 * dynamic-provider host. Its secret inputs stay secret in state even when given as plain
 * strings, as the dynamic classes' do. The plugin names the resource's records after its URN,
 * so no owner travels with the inputs.
 *
 * Each resource is an alias of the dynamic class's resource of the same name, so a stack made
 * with the dynamic classes switches with no change: the engine moves each resource's state to
 * the plugin's type, and the plugin reads that state as its own (the lifecycle and its
 * bookkeeping are the same).
 */
export abstract class PluginResource extends pulumi.CustomResource {
  /** The sys_id of the main record. */
  declare readonly sysId: pulumi.Output<string>;
  /** The sys_id of every record this resource manages, by role ("connection", "entity", ...). */
  declare readonly sysIds: pulumi.Output<Record<string, string>>;

  protected constructor(kindName: string, name: string, args: object, opts: pulumi.CustomResourceOptions | undefined, shape: PluginResourceShape) {
    const inputs: Record<string, unknown> = { ...args };
    // Made secret in the program, not only by additionalSecretOutputs (see ServiceNowResource).
    for (const key of shape.secretInputs) if (inputs[key] !== undefined) inputs[key] = pulumi.secret(inputs[key]);
    // Every property of the resource, given or not; inputs that share an output's name keep their value.
    const properties = { ...Object.fromEntries(shape.properties.map((property) => [property, undefined])), ...inputs };
    super(tokenOf(kindName), name, properties, {
      ...opts,
      aliases: [...(opts?.aliases ?? []), { type: dynamicTokenOf(kindName) }],
      additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...shape.secretInputs],
    });
  }
}
