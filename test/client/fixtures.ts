import nock from "nock";
import type { AuthConfig, ProviderConfig } from "../../provider/config/provider-config";
import type { ClientOptions } from "../../provider/client/client-options";
import type { RequestEvent } from "../../provider/client/request-events";
import { ServiceNowClient } from "../../provider/client/servicenow-client";

/** A fake host (.test is reserved): nock answers it, nothing else could. */
export const INSTANCE = "https://unit.service-now.test";

export const SECRETS = {
  password: "Pa55-w0rd^secret!",
  clientSecret: "client-secret-9f8e7d",
  refreshToken: "refresh-token-abc123",
  apiKey: "api-key-55aa66bb",
  accessToken: "given-access-token-xyz",
  issuedAccess: "issued-access-1",
  issuedAccess2: "issued-access-2",
  issuedRefresh: "issued-refresh-1",
  fieldValue: "field-secret-value-42",
} as const;

export const AUTH: { readonly [M in AuthConfig["mode"]]: Extract<AuthConfig, { mode: M }> } = {
  basic: { mode: "basic", username: "admin", password: SECRETS.password },
  "oauth-password": {
    mode: "oauth-password",
    clientId: "cid",
    clientSecret: SECRETS.clientSecret,
    username: "admin",
    password: SECRETS.password,
  },
  "oauth-refresh-token": { mode: "oauth-refresh-token", clientId: "cid", clientSecret: SECRETS.clientSecret, refreshToken: SECRETS.refreshToken },
  "oauth-client-credentials": { mode: "oauth-client-credentials", clientId: "cid", clientSecret: SECRETS.clientSecret },
  "api-key": { mode: "api-key", apiKey: SECRETS.apiKey },
  bearer: { mode: "bearer", accessToken: SECRETS.accessToken },
};

export function config(overrides: Partial<ProviderConfig> = {}): ProviderConfig {
  return { instanceUrl: INSTANCE, auth: AUTH.basic, timeoutMs: 2000, maxConcurrency: 8, maxRetries: 5, ...overrides };
}

/** A test clock: sleeps advance it instantly and are recorded. */
export class FakeClock {
  time = Date.parse("2030-01-01T00:00:00Z");
  readonly sleeps: number[] = [];
  readonly now = (): number => this.time;
  readonly sleep = async (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    this.time += ms;
  };
}

export interface TestClient {
  readonly client: ServiceNowClient;
  readonly clock: FakeClock;
  readonly events: RequestEvent[];
}

export function testClient(overrides: Partial<ProviderConfig> = {}, options: ClientOptions = {}): TestClient {
  const clock = new FakeClock();
  const events: RequestEvent[] = [];
  const client = new ServiceNowClient(config(overrides), {
    now: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    onRequest: (e) => events.push(e),
    ...options,
  });
  return { client, clock, events };
}

export const SYS_ID = "0123456789abcdef0123456789abcdef";
export const SYS_ID_2 = "fedcba9876543210fedcba9876543210";
export const READ = { sysparm_exclude_reference_link: "true", sysparm_display_value: "false" } as const;
export const BASIC_HEADER = `Basic ${Buffer.from(`admin:${SECRETS.password}`).toString("base64")}`;

/** A network error as Node raises it (nock 15 needs an Error instance, not a plain object). */
export function netError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

export function snError(message: string, detail: string | null = null): object {
  return { error: { message, detail }, status: "failure" };
}

/** Standard nock hygiene: only the fake host and loopback are ever reachable. */
export function useNock(): void {
  before(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.abortPendingRequests();
    if (pending.length > 0) throw new Error(`unused nock interceptors: ${pending.join(", ")}`);
  });
  after(() => {
    nock.enableNetConnect();
  });
}

export { nock };
