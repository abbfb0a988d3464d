import { configureSession } from "../session";
import type { ConfigureRequestInfo } from "./guarded-server";
import { configSourceOf, pulumiConfigOf } from "./plugin-config";
import { unwrappedProps } from "./secret-values";

/**
 * Configures the session (one client, one instance: one plugin process serves one provider)
 * from a Configure request, through the same resolution as the dynamic provider:
 * - the default provider: its settings (the stack's `servicenow:*` config), then PULUMI_CONFIG;
 * - an explicit provider resource (`pulumi:providers:servicenow`): its own properties only, so
 *   that one instance's URL never meets another's password from the stack config;
 * then, for both, the SERVICENOW_* and SN_* environment.
 */
export function configurePlugin(request: ConfigureRequestInfo, env: NodeJS.ProcessEnv = process.env): void {
  const explicit = request.name !== "" && !request.name.startsWith("default");
  const args = unwrappedProps(request.args as Record<string, unknown>);
  const layers = explicit ? [args, request.variables] : [args, request.variables, pulumiConfigOf(env)];
  configureSession(configSourceOf(...layers), env);
}
