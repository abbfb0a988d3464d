import type * as pulumi from "@pulumi/pulumi";
import { connectionAliasKind } from "../kinds/connection-alias";
import { ServiceNowResource } from "./servicenow-resource";

export interface ConnectionAliasArgs {
  /** `<scope>.<name>`, e.g. `x_acme_hr.Workday`. Changing it replaces the alias. */
  readonly aliasId: pulumi.Input<string>;
  readonly name: pulumi.Input<string>;
  /** `connection` (default) or `credential`. */
  readonly type?: pulumi.Input<"connection" | "credential">;
  /** Whether several connections may use it. Default false. */
  readonly multipleConnections?: pulumi.Input<boolean>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** A Connection & Credential Alias (`sys_alias`) for a custom integration. */
export class ConnectionAlias extends ServiceNowResource {
  declare readonly aliasId: pulumi.Output<string>;

  constructor(name: string, args: ConnectionAliasArgs, opts?: pulumi.CustomResourceOptions) {
    super(connectionAliasKind, name, args, opts);
  }
}
