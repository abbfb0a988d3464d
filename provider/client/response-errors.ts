import { credentialSettings, describeSetting } from "../config/config-keys";
import type { AuthProvider } from "./auth/auth-provider";
import {
  ConflictError,
  describeOperation,
  ForbiddenError,
  InvalidInputError,
  InvalidTableError,
  NotFoundError,
  RateLimitedError,
  ServiceNowError,
  statusSuffix,
  UnauthorizedError,
  UnreachableError,
  type ServiceNowErrorDetails,
} from "./errors";
import type { HttpResponse } from "./http-transport";
import { redact } from "./redact";

/** What every error of one request shares. */
export type ErrorContext = Omit<ServiceNowErrorDetails, "status" | "detail" | "code">;

const maxDetailLength = 500;

/**
 * The instance's explanation from an error body: Table API `{"error":{"message","detail"}}`,
 * OAuth `{"error","error_description"}`, or the start of a non-JSON body.
 */
export function instanceDetail(data: unknown, secrets: readonly (string | undefined)[] = []): string | undefined {
  let text: string | undefined;
  if (typeof data === "object" && data !== null) {
    const body = data as { error?: unknown; error_description?: unknown };
    if (typeof body.error === "object" && body.error !== null) {
      const e = body.error as { message?: unknown; detail?: unknown };
      text = [e.message, e.detail].filter((s): s is string => typeof s === "string" && s !== "").join(": ");
    } else if (typeof body.error === "string") {
      text = [body.error, body.error_description].filter((s): s is string => typeof s === "string" && s !== "").join(": ");
    }
  } else if (typeof data === "string" && data.trim() !== "") {
    text = /^\s*</.test(data) ? "an HTML page instead of JSON" : data.trim();
  }
  if (!text) return undefined;
  // Redact before cutting, so that no secret is left half-visible at the cut.
  text = redact(text, secrets);
  return text.length > maxDetailLength ? `${text.slice(0, maxDetailLength)}…` : text;
}

/** The error for an HTTP answer the client does not accept. */
export function errorForResponse(response: HttpResponse, ctx: ErrorContext, auth: AuthProvider, retryAt?: number): ServiceNowError {
  const detail = instanceDetail(response.data, ctx.secrets);
  const details: ServiceNowErrorDetails = { ...ctx, status: response.status, ...(detail !== undefined ? { detail } : {}) };
  switch (response.status) {
    case 400:
      if (ctx.operation !== "sign-in" && /^Invalid table/i.test(detail ?? "")) return new InvalidTableError(details);
      if (ctx.operation === "sign-in") return unauthorized(details, auth);
      return new InvalidInputError(details);
    case 401:
      return unauthorized(details, auth);
    case 403:
      return ctx.operation === "sign-in" ? unauthorized(details, auth) : new ForbiddenError(details);
    case 404:
      return ctx.operation === "sign-in"
        ? new ServiceNowError(
            `sign-in on ${ctx.instanceUrl} failed: ${ctx.path ?? "/oauth_token.do"} was not found${statusSuffix(details)}. ` +
              "Check `servicenow:instanceUrl` and that the OAuth plugin is active, or use basic auth.",
            details,
          )
        : new NotFoundError(details);
    case 409:
      return new ConflictError(details);
    case 429:
      return new RateLimitedError({ ...details, ...(retryAt !== undefined ? { retryAt: new Date(retryAt) } : {}) });
  }
  if (response.status >= 300 && response.status < 400) {
    const location = response.headers["location"];
    return new ServiceNowError(
      `${describeOperation(ctx)} on ${ctx.instanceUrl} failed: the instance redirected` +
        `${location ? ` to ${location}` : ""} (HTTP ${response.status}). Set \`servicenow:instanceUrl\` to the instance's own ` +
        "URL, e.g. https://dev12345.service-now.com.",
      details,
    );
  }
  const why =
    response.status >= 500
      ? "the instance (or a proxy in front of it) had a server error; try again later"
      : "the instance gave an unexpected answer";
  return new ServiceNowError(`${describeOperation(ctx)} on ${ctx.instanceUrl} failed${statusSuffix(details)}: ${why}.`, details);
}

/** A 2xx answer that is not the JSON the Table API sends (e.g. a hibernating instance's page). */
export function unexpectedBody(response: HttpResponse, ctx: ErrorContext): ServiceNowError {
  const html = typeof response.data === "string" && /^\s*</.test(response.data);
  return new ServiceNowError(
    `${describeOperation(ctx)} on ${ctx.instanceUrl} failed: the answer (HTTP ${response.status}) is not Table API JSON` +
      (html
        ? ": the instance returned an HTML page. It may be hibernating (wake a developer instance at developer.servicenow.com) " +
          "or `servicenow:instanceUrl` does not point to a ServiceNow instance."
        : "."),
    { ...ctx, status: response.status },
  );
}

export function unreachable(code: string, ctx: ErrorContext, timeoutMs: number): UnreachableError {
  return new UnreachableError({ ...ctx, code, timeoutMs });
}

function unauthorized(details: ServiceNowErrorDetails, auth: AuthProvider): UnauthorizedError {
  return new UnauthorizedError({
    ...details,
    signIn: auth.description,
    credentialSettings: credentialSettings(auth.mode).map(describeSetting),
  });
}
