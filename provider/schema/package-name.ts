/**
 * The Pulumi package's name. It is `servicenow` so that the configuration keys users already
 * set (`servicenow:instanceUrl`) reach the plugin.
 */
export const packageName = "servicenow";

/** A kind's type token: `servicenow:index:<Kind>`. */
export function tokenOf(kindName: string): string {
  return `${packageName}:index:${kindName}`;
}

/**
 * The type token a kind's dynamic class registers (`pulumi-nodejs:dynamic/servicenow:<Kind>`:
 * the SDK's dynamic prefix, then the module and type ServiceNowResource passes).
 */
export function dynamicTokenOf(kindName: string): string {
  return `pulumi-nodejs:dynamic/servicenow:${kindName}`;
}
