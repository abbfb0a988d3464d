import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { systemProperty } from "../records/system-property";
import { adopt, propertyName } from "./fields";

/**
 * SystemProperty (`sys_properties`). Spokes ship their properties, so by default create adopts
 * an existing property by name and delete gives back the value it had; a property this
 * resource created is deleted. `deleteBehavior` chooses otherwise for adopted properties.
 */
export const systemPropertyKind = defineKind({
  name: "SystemProperty",
  schema: z.object({
    name: propertyName,
    value: z.string({ error: "must be a string (ServiceNow stores every property value as text)" }),
    type: z.enum(["string", "boolean", "integer", "choicelist", "password2", "password", "uploaded_image", "time_zone", "color", "date_format", "short_string"]).optional(),
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
      inputNames: { name: "name", value: "value", description: "description", isPrivate: "isPrivate" },
    }),
  ],
});
