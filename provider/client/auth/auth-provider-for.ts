import type { AuthConfig } from "../../config/provider-config";
import type { AuthProvider } from "./auth-provider";
import { OAuthTokenProvider, type OAuthDependencies } from "./oauth-token-provider";
import { staticAuth } from "./static-auth";

/** The provider for a configured sign-in mode. */
export function authProviderFor(auth: AuthConfig, oauth: OAuthDependencies): AuthProvider {
  switch (auth.mode) {
    case "basic":
    case "api-key":
    case "bearer":
      return staticAuth(auth);
    case "oauth-password":
    case "oauth-refresh-token":
    case "oauth-client-credentials":
      return new OAuthTokenProvider(auth, oauth);
  }
}
