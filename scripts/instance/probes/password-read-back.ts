import type { Probe } from "./probe";

/** Secret drift is seen through what the instance returns for a password2 column. */
export const passwordReadBackProbe: Probe = {
  id: "password2-read-back",
  check: "a password2 column (basic_auth_credentials.password) is not returned in plaintext",
  writes: "a basic-auth credential under the run's prefix, deleted again",
  async run({ api, prefix }) {
    const written = "probe-secret";
    const credential = await api.create("basic_auth_credentials", { name: `${prefix} probe`, user_name: "probe", password: written }, { secretFields: ["password"] });
    try {
      const readBack = (await api.get("basic_auth_credentials", credential.sys_id ?? "", { fields: ["password"] }))?.password ?? "";
      const outcome = readBack === "" ? "returned empty (secret drift cannot be seen here)" : readBack === written ? "returned the plaintext" : `returned an opaque string of ${readBack.length} characters`;
      return { outcome, holds: readBack !== written };
    } finally {
      await api.delete("basic_auth_credentials", credential.sys_id ?? "");
    }
  },
};
