import * as pulumi from "@pulumi/pulumi";
import { packageName } from "../schema/package-name";
import { registeredProperties } from "./registered-properties";

/**
 * The base of `Provider` in `pulumi-servicenow-spokes/plugin`: an explicit provider of the
 * plugin (`pulumi:providers:servicenow`), one instance and its sign-in, for a program that
 * reaches several instances. Its secret settings stay secret in state even when given as
 * plain strings. Resources without a `provider` use the default one, which reads the stack's
 * `servicenow:*` config as the dynamic classes do.
 */
export abstract class PluginProviderResource extends pulumi.ProviderResource {
  protected constructor(name: string, args: object, opts: pulumi.ResourceOptions | undefined, secretSettings: readonly string[]) {
    super(packageName, name, registeredProperties(args, [], secretSettings), opts);
  }
}
