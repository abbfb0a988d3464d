import type { AxiosStatic } from "axios";

/**
 * axios, loaded by the first request rather than with the modules that send one: a run that
 * sends none (a no-op preview; the plugin process Pulumi YAML starts for the schema) never
 * pays for loading it.
 */
export function loadAxios(): AxiosStatic {
  return (require("axios") as typeof import("axios")).default;
}
