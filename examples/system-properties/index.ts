// System properties (sys_properties) as code: any number of plain properties from stack config,
// and one password2 property whose value is a secret. A property that already exists (spokes
// ship theirs, e.g. sn_qualtrics_spoke.qualtrics_directory) is adopted and given its old value
// back on destroy; a property created here is deleted on destroy.
import * as pulumi from "@pulumi/pulumi";
import * as snow from "pulumi-servicenow-spokes";

const config = new pulumi.Config(); // keys `system-properties:*`

// name → value; YAML may give numbers and booleans, ServiceNow stores text.
const properties = config.requireObject<Record<string, string | number | boolean>>("properties");

export const propertySysIds = Object.fromEntries(
  Object.entries(properties).map(([name, value]) => [name, new snow.SystemProperty(name, { name, value: String(value) }).sysId]),
);

// A password2 property: stored encrypted by ServiceNow, kept secret in the Pulumi state.
const secretProperty = new snow.SystemProperty("secret-property", {
  name: config.get("secretPropertyName") ?? "x_acme_integrations.webhook.secret",
  value: config.requireSecret("secretPropertyValue"),
  type: "password2",
  isPrivate: true,
  description: "Shared secret of the integration's inbound webhook",
});

export const secretPropertySysId = secretProperty.sysId;
