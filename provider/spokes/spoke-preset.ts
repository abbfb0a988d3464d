import type { ResourceKind } from "../lifecycle/resource-kind";
import type { FoundConnection, ScanPart } from "../scan/scan-part";

/**
 * A spoke preset: everything about one spoke's Configure form in one place. The registry, the
 * scan and the docs iterate the list in ./presets.ts; the emulator keeps each spoke's seed
 * beside it, in emulator/spokes/ (it imports nothing from the provider).
 */
export interface SpokePreset {
  /** The spoke's connection alias, e.g. `sn_sumtotal_spoke.SumTotal`. */
  readonly aliasId: string;
  /** Its kinds, in the order the registry lists them. */
  readonly kinds: readonly ResourceKind<any>[];
  /** How a scan recognises a configuration of this spoke made by hand: sets of parts that could adopt it, most specific first. */
  scanAs(found: FoundConnection): ScanPart[][];
}
