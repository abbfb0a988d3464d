import type { AuthProvider, AppliedAuth } from "./auth/auth-provider";
import type { ResolvedClientOptions } from "./client-options";
import type { ConcurrencyLimiter } from "./concurrency-limiter";
import { OutcomeUnknownError, type Operation, type ServiceNowError } from "./errors";
import { NetworkFailure, type HttpRequest, type HttpResponse, type HttpTransport } from "./http-transport";
import { emitRequestEvent } from "./request-events";
import { errorForResponse, unreachable, type ErrorContext } from "./response-errors";
import { isIdempotent, mayHaveBeenProcessed, retryDecision, type FailedOutcome } from "./retry-policy";
import type { SnRecord } from "./table-api";

/** One logical operation: sent, retried and signed as the policies say. */
export interface RequestSpec extends Omit<HttpRequest, "headers"> {
  readonly operation: Operation;
  readonly table: string;
  readonly sysId?: string;
  /** Statuses (besides 2xx) returned to the caller instead of raised, e.g. 404 for get. */
  readonly accept?: (status: number) => boolean;
  /** Send without credentials (the OAuth token request carries its own). Default false. */
  readonly anonymous?: boolean;
  /** Safe to repeat even if processed. Default: every method but POST. */
  readonly repeatable?: boolean;
  /** Values to redact from errors of this request, e.g. secret field values. */
  readonly secrets?: readonly string[];
  /** Decides a POST with an unknown outcome; see CreateOptions.findExisting. */
  readonly findExisting?: () => Promise<SnRecord | undefined>;
}

/** Result of execute(): the answer, or the record findExisting found after an unknown outcome. */
export type Executed = { readonly kind: "response"; readonly response: HttpResponse } | { readonly kind: "found"; readonly record: SnRecord };

export interface ExecutorParts {
  readonly instanceUrl: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly transport: HttpTransport;
  readonly limiter: ConcurrencyLimiter;
  readonly options: ResolvedClientOptions;
  /** Set after construction: the OAuth provider itself sends through this executor. */
  auth?: AuthProvider;
}

/**
 * Sends a request with the retry policy, bounded concurrency, credentials, one fresh sign-in
 * after a 401, and errors that name the instance, table and operation with secrets redacted.
 */
export class RequestExecutor {
  constructor(private readonly parts: ExecutorParts) {}

  async execute(spec: RequestSpec): Promise<Executed> {
    const { options, limiter, transport } = this.parts;
    const auth = this.auth();
    const repeatable = spec.repeatable ?? isIdempotent(spec.method);
    let retries = 0;
    let attempt = 0;
    let signedInAgain = false;
    for (;;) {
      attempt++;
      const applied: AppliedAuth | undefined = spec.anonymous ? undefined : await auth.apply(spec.table);
      const started = options.now();
      let response: HttpResponse | undefined;
      let outcome: FailedOutcome;
      try {
        response = await limiter.run(() => transport.send({ ...spec, headers: applied?.headers ?? {} }));
        this.emit(spec, attempt, started, { status: response.status });
        outcome = { kind: "status", status: response.status, headers: response.headers };
      } catch (error) {
        if (!(error instanceof NetworkFailure)) throw error;
        this.emit(spec, attempt, started, { errorCode: error.code });
        outcome = { kind: "network", code: error.code };
      }

      if (response) {
        if ((response.status >= 200 && response.status < 300) || spec.accept?.(response.status) === true) {
          return { kind: "response", response };
        }
        if (response.status === 401 && applied) {
          // One fresh sign-in and one more try; not counted as a retry.
          if (!signedInAgain && auth.invalidate(applied)) {
            signedInAgain = true;
            continue;
          }
          throw errorForResponse(response, this.context(spec), auth);
        }
      }

      const decision = retryDecision({
        attempt: retries + 1,
        maxRetries: this.parts.maxRetries,
        method: spec.method,
        repeatable,
        outcome,
        now: options.now(),
        random: options.random,
        tuning: options.retry,
      });
      if (decision.action === "fail") {
        const answered = response;
        const fail = (): ServiceNowError =>
          answered
            ? errorForResponse(answered, this.context(spec), auth, decision.retryAt)
            : unreachable(outcome.kind === "network" ? outcome.code : "ENETWORK", this.context(spec), this.parts.timeoutMs);
        if (decision.reason !== "not-retryable" && !repeatable && mayHaveBeenProcessed(outcome)) {
          return this.lastCheck(spec, fail, outcome);
        }
        throw fail();
      }
      const found = await this.wait(spec, decision, outcome);
      if (found) return found;
      retries++;
    }
  }

  /** The context shared by every error of this request, with every secret to redact. */
  context(spec: Pick<RequestSpec, "operation" | "table" | "sysId" | "method" | "path" | "secrets">): ErrorContext {
    return {
      instanceUrl: this.parts.instanceUrl,
      table: spec.table,
      operation: spec.operation,
      ...(spec.sysId !== undefined ? { sysId: spec.sysId } : {}),
      method: spec.method,
      path: spec.path,
      secrets: [...this.auth().secrets(), ...(spec.secrets ?? [])],
    };
  }

  private auth(): AuthProvider {
    if (!this.parts.auth) throw new Error("RequestExecutor used before its auth provider was set");
    return this.parts.auth;
  }

  /** Sleeps before the next attempt; for an unknown outcome, asks findExisting first. */
  private async wait(
    spec: RequestSpec,
    decision: { action: "retry" | "verify-then-retry"; delayMs: number },
    outcome: FailedOutcome,
  ): Promise<Executed | undefined> {
    await this.parts.options.sleep(decision.delayMs);
    if (decision.action === "retry") return undefined;
    if (!spec.findExisting) throw this.outcomeUnknown(spec, outcome);
    // Waiting first gives a slow insert time to commit before we look for it.
    const record = await spec.findExisting();
    return record ? { kind: "found", record } : undefined;
  }

  /** Retries are spent on a request that may have been processed: look once more, or say so. */
  private async lastCheck(spec: RequestSpec, fail: () => ServiceNowError, outcome: FailedOutcome): Promise<Executed> {
    if (!spec.findExisting) throw this.outcomeUnknown(spec, outcome);
    const record = await spec.findExisting();
    if (record) return { kind: "found", record };
    throw fail();
  }

  private outcomeUnknown(spec: RequestSpec, outcome: FailedOutcome): OutcomeUnknownError {
    const ctx = this.context(spec);
    return new OutcomeUnknownError(outcome.kind === "status" ? { ...ctx, status: outcome.status } : { ...ctx, code: outcome.code });
  }

  private emit(spec: RequestSpec, attempt: number, started: number, result: { status?: number; errorCode?: string }): void {
    emitRequestEvent(
      {
        instanceUrl: this.parts.instanceUrl,
        operation: spec.operation,
        table: spec.table,
        method: spec.method,
        path: spec.path,
        ...result,
        ms: this.parts.options.now() - started,
        attempt,
      },
      this.parts.options.onRequest,
    );
  }
}
