import type * as pulumi from "@pulumi/pulumi";
import { integrationUserKind } from "../kinds/integration-user";
import { ServiceNowResource } from "./servicenow-resource";

export interface IntegrationUserArgs {
  readonly userName: pulumi.Input<string>;
  readonly password: pulumi.Input<string>;
  readonly firstName?: pulumi.Input<string>;
  readonly lastName?: pulumi.Input<string>;
  readonly email?: pulumi.Input<string>;
  /** Default true: the account can use the APIs but not the UI. */
  readonly webServiceAccessOnly?: pulumi.Input<boolean>;
  /** Role names, e.g. `["itil"]`. */
  readonly roles?: pulumi.Input<pulumi.Input<string>[]>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** A `sys_user` for a tool that signs in to ServiceNow with basic auth (seeds/003). */
export class IntegrationUser extends ServiceNowResource {
  declare readonly userName: pulumi.Output<string>;

  constructor(name: string, args: IntegrationUserArgs, opts?: pulumi.CustomResourceOptions) {
    super(integrationUserKind, name, args, opts);
  }
}
