import * as path from "node:path";
import { main, type Provider } from "@pulumi/pulumi/provider";

/**
 * Serves a provider with the SDK's own gRPC server (`main` from @pulumi/pulumi/provider), with
 * two of its methods guarded, without changing any file of the SDK:
 * - Read: on `pulumi import` the engine sends a read request without properties, and the
 *   SDK's server calls `getProperties().toJavaScript()` on it and fails (3.259). The request is
 *   given an empty property struct first.
 * - Configure: the SDK's server answers without telling the provider anything (its Provider
 *   interface has no configure). The request's settings (the provider resource's properties
 *   and config variables) are handed to `onConfigure` first, so an explicit provider resource
 *   configures its own instance. A failure there fails the run before any resource request.
 * The SDK's server object is not exported; it is reached by wrapping `addService` of the
 * gRPC server class during `main`'s synchronous start (the service is added before its first
 * await), and the change is undone right after. If a later SDK adds the service differently,
 * serving fails loudly instead of running unguarded.
 */
const sdkRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const grpc = require(require.resolve("@grpc/grpc-js", { paths: [sdkRoot] })) as typeof import("@grpc/grpc-js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const structproto = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [sdkRoot] })) as {
  Struct: { new (): unknown; fromJavaScript(value: Record<string, unknown>): unknown };
};

/** What a Configure request says about the provider being configured. */
export interface ConfigureRequestInfo {
  /** The provider resource's URN, e.g. `urn:pulumi:dev::app::pulumi:providers:servicenow::prod`. */
  readonly urn: string;
  /** The provider's name: `default…` for the default provider, else the program's name for it. */
  readonly name: string;
  /** Config variables, by full key (`servicenow:instanceUrl`). */
  readonly variables: Readonly<Record<string, string>>;
  /** The provider's inputs (secret envelopes left in place). */
  readonly args: Readonly<Record<string, unknown>>;
}

export interface ServeHooks {
  onConfigure(request: ConfigureRequestInfo): void;
}

type Handler = (call: { request: any }, callback: (error: unknown, value?: unknown) => void) => unknown;

export async function serveGuarded(provider: Provider, args: string[], hooks: ServeHooks): Promise<void> {
  const serverClass = grpc.Server.prototype as unknown as { addService(service: unknown, implementation: Record<string, Handler>): void };
  const addService = serverClass.addService;
  let guarded = false;
  serverClass.addService = function (this: unknown, service: unknown, implementation: Record<string, Handler>) {
    guarded = true;
    return addService.call(this, service, guard(implementation, hooks));
  };
  let serving: Promise<void>;
  try {
    serving = main(provider, args);
  } finally {
    serverClass.addService = addService;
  }
  if (!guarded) throw new Error("internal: @pulumi/pulumi's provider server did not add its gRPC service as expected; provider/plugin/guarded-server.ts needs updating for this SDK version");
  return serving;
}

function guard(implementation: Record<string, Handler>, hooks: ServeHooks): Record<string, Handler> {
  const wrapper = Object.create(implementation) as Record<string, Handler>;
  const read = implementation.read!.bind(implementation);
  const configure = implementation.configure!.bind(implementation);
  wrapper.read = (call, callback) => {
    if (!call.request.hasProperties()) call.request.setProperties(new structproto.Struct());
    return read(call, callback);
  };
  wrapper.configure = (call, callback) => {
    try {
      hooks.onConfigure(configureInfoOf(call.request));
    } catch (error) {
      return callback({ code: grpc.status.INVALID_ARGUMENT, details: error instanceof Error ? error.message : String(error) });
    }
    return configure(call, callback);
  };
  return wrapper;
}

function configureInfoOf(request: any): ConfigureRequestInfo {
  const variables: Record<string, string> = {};
  request.getVariablesMap().forEach((value: string, key: string) => (variables[key] = value));
  return {
    urn: typeof request.getUrn === "function" ? request.getUrn() : "",
    name: typeof request.getName === "function" ? request.getName() : "",
    variables,
    args: request.hasArgs() ? (request.getArgs().toJavaScript() as Record<string, unknown>) : {},
  };
}
