import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { systemProperty } from "../records/system-property";
import { adopt, columnSize, propertyName } from "./fields";

/** `sys_properties.type` choices, as ServiceNow defines them (scripts/servicenow-tables). */
export const propertyTypes = ["string", "boolean", "integer", "choicelist", "password2", "password", "date_format", "time_format", "timezone", "short_string", "color", "image", "uploaded_image"] as const;

/**
 * SystemProperty (`sys_properties`). Spokes ship their properties, so by default create adopts
 * an existing property by name and delete gives back the value it had; a property this
 * resource created is deleted. `deleteBehavior` chooses otherwise for adopted properties.
 */
export const systemPropertyKind = defineKind({
  name: "SystemProperty",
  schema: z.object({
    name: propertyName,
    // A number or boolean (Pulumi YAML gives `value: 50` and typed config as such) is stored as its text.
    value: z.preprocess(
      (value) => (typeof value === "number" || typeof value === "boolean" ? String(value) : value),
      z
        .string({ error: "must be a string (ServiceNow stores every property value as text)" })
        .max(columnSize.propertyValue, {
          message: `must be at most ${columnSize.propertyValue} characters (the size of sys_properties.value, which the instance would cut silently): keep a longer text in a record or an attachment and store its name here`,
        }),
    ),
    type: z.enum(propertyTypes, { error: `must be one of ServiceNow's property types: ${propertyTypes.join(", ")}` }).optional(),
    description: z.string().optional(),
    isPrivate: z.boolean().optional(),
    adopt,
    deleteBehavior: z.enum(["restore", "delete", "keep"], { error: "must be restore, delete or keep" }).optional(),
  }),
  examples: {
    name: '"x_acme.integration.enabled"',
    value: '"true"',
    type: '"boolean"',
    deleteBehavior: '"restore"',
  },
  secretInputs: [],
  replaceOnChange: ["name"],
  primaryStep: "property",
  adoptByDefault: true,
  adoptedDeleteBehavior: (inputs) => inputs.deleteBehavior ?? "restore",
  plan: (inputs) => [
    systemProperty({
      name: inputs.name,
      value: inputs.value,
      type: inputs.type,
      description: inputs.description,
      isPrivate: inputs.isPrivate,
      inputNames: { name: "name", value: "value", type: "type", description: "description", isPrivate: "isPrivate" },
    }),
  ],
});
