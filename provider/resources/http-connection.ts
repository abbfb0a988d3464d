import type * as pulumi from "@pulumi/pulumi";
import { httpConnectionKind } from "../kinds/http-connection";
import { ServiceNowResource } from "./servicenow-resource";

export interface HttpConnectionArgs {
  /** The alias id, e.g. `sn_okta_spoke.Okta`. The alias must exist (its spoke active). */
  readonly connectionAlias: pulumi.Input<string>;
  readonly connectionName: pulumi.Input<string>;
  /** https (http only for loopback). */
  readonly connectionUrl: pulumi.Input<string>;
  /** A credential's sys_id, e.g. `credential.sysId`. */
  readonly credentialSysId?: pulumi.Input<string>;
  /** Default true. */
  readonly active?: pulumi.Input<boolean>;
  readonly useMid?: pulumi.Input<boolean>;
  readonly midServer?: pulumi.Input<string>;
  readonly timeoutMs?: pulumi.Input<number>;
  readonly retries?: pulumi.Input<number>;
  /** Values of the alias's connection attributes by column, e.g. `{ x_api_token }`. Secret. */
  readonly attributes?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** An HTTP connection (`http_connection`) on a Connection & Credential Alias. */
export class HttpConnection extends ServiceNowResource {
  declare readonly connectionUrl: pulumi.Output<string>;

  constructor(name: string, args: HttpConnectionArgs, opts?: pulumi.CustomResourceOptions) {
    super(httpConnectionKind, name, args, opts);
  }
}
