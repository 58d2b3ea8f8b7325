// Unlocking an encrypted database, turning encryption on and off, the passphrase and the keychain.
// One function per command of src-tauri/commands/encryption.rs, named as the command in camelCase.
import { call } from "./call";

/** Opens the encrypted database; fails with a `passphrase_wrong` field error on a wrong passphrase. */
export function unlock(passphrase: string, remember: boolean) {
  return call<null>("unlock", { passphrase, remember });
}

export function encryptionEnabled() {
  return call<boolean>("encryption_enabled");
}

export function passphraseRemembered() {
  return call<boolean>("passphrase_remembered");
}

export function rememberPassphrase(remember: boolean) {
  return call<null>("remember_passphrase", { remember });
}

export function encryptDatabase(passphrase: string, repeated: string) {
  return call<null>("encrypt_database", { passphrase, repeated });
}

export function changePassphrase(current: string, passphrase: string, repeated: string) {
  return call<null>("change_passphrase", { current, passphrase, repeated });
}

export function decryptDatabase(current: string) {
  return call<null>("decrypt_database", { current });
}
