import type * as pulumi from "@pulumi/pulumi";
import { tableRecordKind } from "../kinds/table-record";
import { ServiceNowResource } from "./servicenow-resource";

export interface TableRecordArgs {
  /** Any table, e.g. `u_acme_settings`. Changing it replaces the record. */
  readonly table: pulumi.Input<string>;
  /** Column → value, as strings. Only these columns are written and compared. */
  readonly fields: pulumi.Input<Record<string, pulumi.Input<string>>>;
  /** The columns of `fields` that find the record (its natural key), for adoption. */
  readonly key: pulumi.Input<pulumi.Input<string>[]>;
  /** Secret columns (password2): written with display values, kept secret, compared by fingerprint. */
  readonly secretFields?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  readonly adopt?: pulumi.Input<boolean>;
}

/** The escape hatch: one record of any table. */
export class TableRecord extends ServiceNowResource {
  declare readonly fields: pulumi.Output<Record<string, string>>;

  constructor(name: string, args: TableRecordArgs, opts?: pulumi.CustomResourceOptions) {
    super(tableRecordKind, name, args, opts);
  }
}
