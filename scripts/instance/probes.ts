import type { TableApi } from "../../provider/client/table-api";
import { aliasTemplatesProbe } from "./probes/alias-templates";
import { clientSysIdProbes } from "./probes/client-sys-ids";
import { attributeDefinitionProbe, attributeStorageProbe } from "./probes/connection-attributes";
import { oauthEntityTypesProbe } from "./probes/oauth-entity-types";
import { passwordReadBackProbe } from "./probes/password-read-back";
import { identityTypeProbe, propertyValueSizeProbe, unknownColumnAskedProbe } from "./probes/release-columns";
import type { Probe, ProbeResult } from "./probes/probe";
import { unknownColumnProbe } from "./probes/unknown-column";

export type { ProbeResult };

/**
 * Points the provider relies on that no document settles, in the order they run: first those
 * that write (each on records under the run's prefix, removed again), then read-only GETs of
 * what the instance ships. One definition per probe, in probes/; adding one is one line here.
 */
export const probes: readonly Probe[] = [
  ...clientSysIdProbes,
  passwordReadBackProbe,
  unknownColumnProbe,
  unknownColumnAskedProbe,
  propertyValueSizeProbe,
  attributeDefinitionProbe,
  attributeStorageProbe,
  aliasTemplatesProbe,
  oauthEntityTypesProbe,
  identityTypeProbe,
];

/** Every probe, each on its own: one that fails is recorded as not holding, and the others still run. */
export async function runProbes(api: TableApi, prefix: string): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const probe of probes) {
    try {
      results.push({ ...describe(probe), ...(await probe.run({ api, prefix })) });
    } catch (error) {
      results.push({ ...describe(probe), outcome: `could not run: ${error instanceof Error ? error.message : String(error)}`, holds: false });
    }
  }
  return results;
}

function describe(probe: Probe): Pick<ProbeResult, "id" | "check" | "writes"> {
  return { id: probe.id, check: probe.check, ...(probe.writes === undefined ? {} : { writes: probe.writes }) };
}
