import { z } from "zod";
import { defineKind } from "../lifecycle/resource-kind";
import { ref, type PlannedRecord } from "../lifecycle/record-plan";
import { adopt, columnSize, flag, secret, singleLine } from "./fields";
import { input } from "./input";

/**
 * IntegrationUser (`sys_user`): an account for a tool that signs in with basic auth
 * (seeds/003): web-service access only by default, so it cannot use the UI, classified as a
 * machine identity where the instance has `identity_type`, and its roles through
 * `sys_user_has_role` (roles are the instance's; looked up by name).
 */
export const integrationUserKind = defineKind({
  name: "IntegrationUser",
  description: "An account (`sys_user`) for a tool that signs in with basic auth: web-service access only by default, a machine identity, with its roles.",
  schema: z.object({
    userName: input(
      z
        .string()
        .regex(/^[A-Za-z0-9._@-]+$/, { message: "must be letters, digits, `.`, `_`, `@` or `-`, such as svc.terraform" })
        .max(columnSize.userName, { message: `must be at most ${columnSize.userName} characters` }),
      { description: "The user name the tool signs in with; changing it replaces the user.", column: "user.user_name", example: "svc.terraform" },
    ),
    password: input(
      secret.refine((value) => value.length <= columnSize.password, { message: `must be at most ${columnSize.password} characters (the size of sys_user.user_password)` }),
      { description: `The password (at most ${columnSize.password} characters).`, secret: true, column: "user.user_password" },
    ),
    firstName: input(singleLine(columnSize.personName).optional(), { description: "First name, as the user list shows it." }),
    lastName: input(singleLine(columnSize.personName).optional(), { description: "Last name, as the user list shows it." }),
    email: input(
      z.email({ message: "must be an email address such as svc@example.com" }).max(columnSize.email, { message: `must be at most ${columnSize.email} characters` }).optional(),
      { description: "Where the instance sends the account's notifications." },
    ),
    webServiceAccessOnly: input(z.boolean().default(true), { description: "The account cannot sign in to the UI.", column: "user.web_service_access_only" }),
    roles: input(z.array(z.string().regex(/^[a-z0-9_.]+$/, { message: "each role must be a role name such as itil" })).default([]), {
      description: "The instance's roles to grant, by name.",
      example: ["itil", "rest_api_explorer"],
    }),
    adopt,
  }),
  replaceOnChange: ["userName"],
  primaryStep: "user",
  plan: (inputs) => {
    const user: PlannedRecord = {
      step: "user",
      table: "sys_user",
      key: { user_name: inputs.userName },
      fields: {
        user_password: inputs.password,
        first_name: inputs.firstName ?? "",
        last_name: inputs.lastName ?? "",
        email: inputs.email ?? "",
        web_service_access_only: flag(inputs.webServiceAccessOnly),
        active: "true",
      },
      // Current releases classify accounts, and an integration's is a machine identity (seeds/003).
      // Set when the user is created, as the instance's own forms do; older releases have no such
      // column and ignore it; a classification an admin changes later is theirs (no drift).
      initialFields: { identity_type: "machine" },
      secretFields: ["user_password"],
    };
    const roles = inputs.roles.flatMap((role): PlannedRecord[] => [
      { step: `role:${role}`, table: "sys_user_role", key: { name: role }, origin: "instance", missingHint: `There is no role ${role} on this instance: check its name under User Administration > Roles.` },
      { step: `has-role:${role}`, table: "sys_user_has_role", key: { user: ref("user"), role: ref(`role:${role}`) } },
    ]);
    return [user, ...roles];
  },
});
