import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { systemProperty } from "../records/system-property";
import { adoptFlag, columnSize, propertyName } from "./fields";
import { input } from "./input";

/** `sys_properties.type` choices, as ServiceNow defines them (scripts/servicenow-tables). */
export const propertyTypes = ["string", "boolean", "integer", "choicelist", "password2", "password", "date_format", "time_format", "timezone", "short_string", "color", "image", "uploaded_image"] as const;

/**
 * SystemProperty (`sys_properties`). Spokes ship their properties, so by default create adopts
 * an existing property by name and delete gives back the value it had; a property this
 * resource created is deleted. `deleteBehavior` chooses otherwise for adopted properties.
 */
export const systemPropertyKind = defineKind({
  name: "SystemProperty",
  description: "A system property (`sys_properties`): an existing one is taken over by name, and destroy gives back the value it had.",
  schema: z.object({
    name: input(propertyName, { description: "The property's name; changing it replaces the resource.", column: "property.name", example: "x_acme.integration.enabled" }),
    value: input(
      z
        .string({ error: "must be a string (ServiceNow stores every property value as text)" })
        .max(columnSize.propertyValue, {
          message: `must be at most ${columnSize.propertyValue} characters (the size of sys_properties.value, which the instance would cut silently): keep a longer text in a record or an attachment and store its name here`,
        }),
      { description: `The value, as text (at most ${columnSize.propertyValue} characters).`, column: "property.value", example: "true" },
    ),
    type: input(z.enum(propertyTypes, { error: `must be one of ServiceNow's property types: ${propertyTypes.join(", ")}` }).optional(), {
      description: "The property's type; `password2` keeps the value secret on the instance. Unset: the instance's (or the existing property's) type.",
      column: "property.type",
      example: "boolean",
    }),
    description: input(z.string().optional(), { description: "The property's description.", column: "property.description" }),
    isPrivate: input(z.boolean().optional(), { description: "Keeps the property out of update sets (`is_private`).", column: "property.is_private" }),
    adopt: input(adoptFlag, { description: "Take over an existing property of this name instead of failing. Default true: spokes ship their properties." }),
    deleteBehavior: input(z.enum(["restore", "delete", "keep"], { error: "must be restore, delete or keep" }).optional(), {
      description: "What destroy does with a property that existed before: `restore` its old value (default), `delete` it, or `keep` it as it is. A property this resource created is deleted.",
      example: "restore",
    }),
  }),
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
    }),
  ],
});
