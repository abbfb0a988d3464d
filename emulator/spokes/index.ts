import { okta } from "./okta";
import { qualtrics } from "./qualtrics";
import type { SpokeSeed } from "./spoke-seed";
import { sumtotal } from "./sumtotal";

/** Every spoke the emulator can activate, each in its own file here. A new one is its file and a line in this list. */
export const SPOKE_SEEDS = [sumtotal, qualtrics, okta] as const satisfies readonly SpokeSeed[];

/** A spoke that is not activated has no alias or property. */
export type SpokeName = (typeof SPOKE_SEEDS)[number]["name"];
export const ALL_SPOKES: readonly SpokeName[] = SPOKE_SEEDS.map((seed) => seed.name);
export const SPOKES: Readonly<Record<SpokeName, SpokeSeed>> = Object.fromEntries(SPOKE_SEEDS.map((seed): [SpokeName, SpokeSeed] => [seed.name, seed])) as Record<SpokeName, SpokeSeed>;
export type { SpokeSeed };
