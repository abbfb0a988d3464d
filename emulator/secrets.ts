/**
 * password2 values: stored encrypted with a key of this instance (AES-256-GCM, random IV), so
 * what the API returns is an opaque string that changes whenever the value is rewritten and
 * never reveals the plaintext. The key lives with the data so a restart can still check
 * passwords and client secrets.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBox {
  private readonly key: Buffer;

  constructor(keyHex: string) {
    this.key = Buffer.from(keyHex, "hex");
    if (this.key.length !== 32) throw new Error("Secret key must be 32 bytes of hex");
  }

  static newKey(): string {
    return randomBytes(32).toString("hex");
  }

  /** The opaque stored form of a plaintext; "" stays "" (an empty field). */
  seal(plaintext: string): string {
    if (plaintext === "") return "";
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
  }

  /** The plaintext, or undefined for an empty field or a value this key did not seal. */
  open(sealed: string): string | undefined {
    if (sealed === "") return undefined;
    try {
      const raw = Buffer.from(sealed, "base64");
      if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
      const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    } catch {
      return undefined;
    }
  }
}
