import * as assert from "node:assert/strict";
import nock from "nock";
import { ServiceNowClient } from "../../provider/client/servicenow-client";
import { useClient } from "../../provider/session";
import { config } from "../client/fixtures";

/**
 * For a `describe` of exact-request tests: the provider's session uses a real client (no
 * retries) against nock, which fails on any request it was not told about; after each test,
 * every request it expected must have been sent.
 */
export function useNockSession(): void {
  let client: ServiceNowClient;
  beforeEach(() => {
    nock.disableNetConnect();
    client = new ServiceNowClient(config({ maxRetries: 0 }));
    useClient(client);
  });
  afterEach(() => {
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    client.close();
    assert.deepEqual(pending, [], "expected requests that were not sent");
  });
}
