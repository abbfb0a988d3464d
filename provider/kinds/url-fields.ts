import { z } from "zod";
import { input } from "./input";
import { isLoopbackHost } from "../config/instance-url";

/**
 * URL inputs. Every check reads the parsed URL (protocol, host, path), never the text, and no
 * message repeats the value: a URL may carry a credential (`user:password@host`), so messages
 * show at most the host.
 */

interface UrlShape {
  /** A base URL (a connection or an org): no query string and no fragment. */
  readonly base?: boolean;
  /** The path the form expects, e.g. `/API/v3` (a trailing slash is accepted). */
  readonly path?: string;
  /** What to write instead, for the message: `https://<Organization-ID>.qualtrics.com/API/v3`. */
  readonly example?: string;
}

function parse(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function urlInput(shape: UrlShape = {}) {
  const example = shape.example ?? "https://example.com/path";
  return z.string().superRefine((value, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: "custom", message });
    const parsed = parse(value);
    if (parsed === undefined || parsed.host === "") return fail(`must be an absolute URL such as ${example}`);
    if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && isLoopbackHost(parsed.hostname))) {
      return fail("must use https (http is accepted only for 127.0.0.1, localhost and ::1)");
    }
    if (parsed.username !== "" || parsed.password !== "") {
      return fail("must not hold a user name or password (`user:password@`): URLs are stored in plain state; put credentials in the secret inputs");
    }
    if (parsed.hash !== "") return fail(`must not have a fragment (\`#...\`): write it as ${example}`);
    if (shape.base && parsed.search !== "") return fail(`must not have a query string (\`?...\`): write the base URL, such as ${example}`);
    if (shape.path !== undefined && !isLoopbackHost(parsed.hostname) && parsed.pathname.replace(/\/+$/, "").toLowerCase() !== shape.path.toLowerCase()) {
      return fail(`must have the path ${shape.path}, as in ${example}`);
    }
  });
}

/** Any https URL (http for loopback only), without credentials or a fragment. */
export const url = urlInput();

/** A base URL: a connection's or an org's, without credentials, query or fragment. */
export const baseUrl = urlInput({ base: true, example: "https://acme.example.com" });

/** A URL whose path the vendor's form fixes, e.g. Qualtrics' `/API/v3`. */
export function urlWithPath(path: string, example: string) {
  return urlInput({ base: true, path, example });
}

/** The host of a URL, lowercase; undefined when it does not parse (its own check says so). */
export function hostOf(value: unknown): string | undefined {
  return typeof value === "string" ? parse(value)?.hostname.toLowerCase() : undefined;
}

/** `customDomain`: a host name, for vendors reached on a domain of the customer's own. */
export const customDomain = input(
  z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
      message: "must be a lowercase host name without scheme or path, such as login.acme.com",
    })
    .optional(),
  {
    description: "A host of your own for the vendor (e.g. an Okta custom domain such as `login.acme.com`), accepted besides the vendor's domains for this resource's URLs.",
  },
);

export interface VendorHosts {
  /** The vendor, for the message: `Okta`. */
  readonly vendor: string;
  /** Domains whose hosts (and subdomains) the vendor serves, e.g. `okta.com`. */
  readonly domains: readonly string[];
  /** The URL inputs that must be on those domains. */
  readonly inputs: readonly string[];
  /** Hosts accepted besides, computed from the inputs (e.g. SumTotal's connection host). */
  readonly alsoAccept?: (inputs: Record<string, unknown>) => readonly (string | undefined)[];
}

/**
 * A refinement for a preset's inputs: every URL in `inputs` is on one of the vendor's domains,
 * on `customDomain` when the user names one, or on a loopback host (the emulator's stand-ins).
 * A preset sends client secrets and API tokens to these URLs, so a typo or a pasted lookalike
 * host must fail before anything is sent.
 */
export function onVendorHosts(spec: VendorHosts) {
  return (inputs: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const accepted = new Set([...(spec.alsoAccept?.(inputs) ?? []), inputs.customDomain].filter((host): host is string => typeof host === "string"));
    for (const input of spec.inputs) {
      const host = hostOf(inputs[input]);
      if (host === undefined || isLoopbackHost(host) || accepted.has(host)) continue;
      if (spec.domains.some((domain) => host === domain || host.endsWith(`.${domain}`))) continue;
      const where = spec.domains.length > 0 ? `on a domain of ${spec.vendor} (${spec.domains.join(", ")})` : `on the host of \`connectionUrl\``;
      ctx.addIssue({
        code: "custom",
        path: [input],
        message: `is on ${host}, not ${where}; if ${host} is your own domain for ${spec.vendor}, set customDomain: "${host}"`,
      });
    }
  };
}
