import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import { kindKey, ownerKey } from "../lifecycle/kind-provider";
import { inputNamesOf } from "../lifecycle/resource-kind";
import { kindNamed } from "../registry";
import { extraOutputNamesOf, secretInputsOf } from "../schema/describe-kind";
import { preloadExperimentalBuiltins } from "./experimental-builtins";
import { registeredProperties, withSecretOutputs } from "./registered-properties";

/**
 * The provider every resource shares: a module's exports, so that Pulumi stores it in state
 * as one small `require` of this package (see ../dynamic-provider.ts). Loaded by a relative
 * require so that it is the very module Node cached from the installed package.
 */
preloadExperimentalBuiltins();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynamicProvider: pulumi.dynamic.ResourceProvider = require("../dynamic-provider");

/**
 * The base of every resource class: a dynamic resource whose provider is this package's
 * shared provider module, whose secret inputs stay secret in state even when given as plain
 * strings, and whose type token is `pulumi-nodejs:dynamic/servicenow:<Kind>`.
 */
export abstract class ServiceNowResource extends pulumi.dynamic.Resource {
  /** The sys_id of the main record. */
  declare readonly sysId: pulumi.Output<string>;
  /** The sys_id of every record this resource manages, by role ("connection", "entity", ...). */
  declare readonly sysIds: pulumi.Output<Record<string, string>>;

  protected constructor(kindName: string, name: string, args: object, opts: pulumi.CustomResourceOptions | undefined) {
    const kind = kindNamed(kindName);
    const secretInputs = secretInputsOf(kind);
    const properties = registeredProperties(args, ["sysId", "sysIds", ...inputNamesOf(kind), ...extraOutputNamesOf(kind)], secretInputs);
    super(
      dynamicProvider,
      name,
      { ...properties, [kindKey]: kind.name, [ownerKey]: ownerOf(kind.name, name, opts) },
      withSecretOutputs(opts, secretInputs),
      "servicenow",
      kind.name,
    );
  }
}

/**
 * Who creates this resource's records: a hash of the organization, project, stack, parent,
 * kind and name, which names the sys_ids of the records it creates (see ownedSysId). Two
 * stacks, or two resources, never share one.
 */
function ownerOf(kind: string, name: string, opts: pulumi.CustomResourceOptions | undefined): pulumi.Output<string> {
  const parent: pulumi.Input<string> = opts?.parent?.urn ?? "";
  return pulumi.output(parent).apply((parentUrn) =>
    createHash("sha256")
      .update(JSON.stringify([pulumi.getOrganization(), pulumi.getProject(), pulumi.getStack(), parentUrn, kind, name]))
      .digest("hex")
      .slice(0, 24),
  );
}
