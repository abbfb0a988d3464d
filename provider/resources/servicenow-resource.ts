import * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "../lifecycle/resource-kind";
import { providerShim } from "../shim";

/**
 * The base of every resource class: a dynamic resource whose provider is the small shim for
 * its kind, whose secret inputs stay secret in state even when given as plain strings, and
 * whose type token is `pulumi-nodejs:dynamic/servicenow:<Kind>`.
 */
export abstract class ServiceNowResource extends pulumi.dynamic.Resource {
  /** The sys_id of the main record. */
  declare readonly sysId: pulumi.Output<string>;
  /** The sys_id of every record this resource manages, by role ("connection", "entity", ...). */
  declare readonly sysIds: pulumi.Output<Record<string, string>>;

  protected constructor(
    kind: ResourceKind<object>,
    name: string,
    args: object,
    opts: pulumi.CustomResourceOptions | undefined,
    extraOutputs: readonly string[] = [],
  ) {
    const outputs: Record<string, undefined> = { sysId: undefined, sysIds: undefined, records: undefined };
    // Secret inputs are made secret here, in the program: a value that only becomes secret
    // through additionalSecretOutputs is printed in plaintext by the SDK's `--debug` log of
    // the engine's response (measured with 3.259; see test/e2e/every-kind.test.ts).
    const inputs: Record<string, unknown> = { ...args };
    for (const key of kind.secretInputs) if (inputs[key] !== undefined) inputs[key] = pulumi.secret(inputs[key]);
    for (const output of extraOutputs) outputs[output] = undefined;
    super(
      providerShim(kind.name),
      name,
      // Inputs that share an output's name (OktaConnection's credentialSysId) keep their value.
      { ...outputs, ...inputs },
      { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), ...kind.secretInputs] },
      "servicenow",
      kind.name,
    );
  }
}
