import { oktaPreset } from "./okta";
import { qualtricsPreset } from "./qualtrics";
import type { SpokePreset } from "./spoke-preset";
import { sumTotalPreset } from "./sumtotal";

/** Every spoke preset. A new one is its file in this folder and a line here (see docs/resources.md, "Adding a kind or a spoke"). */
export const spokePresets: readonly SpokePreset[] = [sumTotalPreset, qualtricsPreset, oktaPreset];
