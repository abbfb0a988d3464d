import * as pulumi from "@pulumi/pulumi";
import { dynamicTokenOf, tokenOf } from "../schema/package-name";
import { registeredProperties, withSecretOutputs } from "./registered-properties";

/** What a kind's class registers: every property it has (inputs and outputs), and which inputs are secret. */
export interface PluginResourceShape {
  readonly properties: readonly string[];
  readonly secretInputs: readonly string[];
}

/**
 * The base of every class in `pulumi-servicenow-spokes/plugin`: a resource of the provider
 * plugin (`servicenow:index:<Kind>`), served by `pulumi-resource-servicenow` rather than by the
 * dynamic-provider host. Its secret inputs stay secret in state even when given as plain
 * strings (registeredProperties), as the dynamic classes' do. The plugin names the resource's records after its URN,
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
    super(tokenOf(kindName), name, registeredProperties(args, shape.properties, shape.secretInputs), {
      ...withSecretOutputs(opts, shape.secretInputs),
      aliases: [...(opts?.aliases ?? []), { type: dynamicTokenOf(kindName) }],
    });
  }
}
