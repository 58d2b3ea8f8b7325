// The state of the automatic backups, saving a backup where the user says, and restoring one.
// One function per command of src-tauri/commands/backup.rs, named as the command in camelCase.
import { call } from "./call";
import type { BackupStatus } from "../bindings/BackupStatus";
import type { BackupSummary } from "../bindings/BackupSummary";
import type { Restored } from "../bindings/Restored";

export function backupStatus() {
  return call<BackupStatus>("backup_status");
}

/** Opens the system's save dialog; resolves to the path written, or null when the user cancels. */
export function saveBackup(title: string) {
  return call<string | null>("save_backup", { title });
}

/** Opens the system's file dialog; resolves to what the backup holds, or null when the user cancels. */
export function chooseRestoreFile(title: string) {
  return call<BackupSummary | null>("choose_restore_file", { title });
}

export function restoreBackup() {
  return call<Restored>("restore_backup");
}
