// Sharing while the window is open: the status the sidebar shows, a sync on start, every few
// minutes and on Ctrl+Shift+S. A folder out of reach is said in the status line, not in a notice,
// since offline is normal on the road.
import { sharingStatus, syncNow } from "../../lib/api/sharing";
import type { SharingStatus } from "../../lib/bindings/SharingStatus";
import { fieldDetails, generalMessage } from "../../lib/errors";
import { t } from "../../lib/i18n.svelte";
import { changed, notify } from "../../lib/state.svelte";

/** How often sharing syncs by itself. */
const EVERY_MS = 5 * 60_000;

export const sharing = $state({
  status: null as SharingStatus | null,
  syncing: false,
  /** Why the last sync failed, until one succeeds. */
  problem: "",
  /** The last sync failed only because the folder is out of reach (offline, say). */
  unreachable: false,
});

export async function refreshSharing() {
  try {
    sharing.status = await sharingStatus();
  } catch (error) {
    sharing.problem = generalMessage(error);
  }
}

/** Syncs now if sharing is on (with the office or a partner office); `asked` when the officer
 * asked for it, who then hears the outcome. */
export async function sync(asked = false) {
  const shares = sharing.status && (sharing.status.enabled || sharing.status.partner_offices > 0);
  if (!shares || sharing.syncing) return;
  sharing.syncing = true;
  try {
    const summary = await syncNow();
    sharing.problem = "";
    sharing.unreachable = false;
    if (summary.applied > 0) changed();
    if (asked) notify(t("sharing.synced", { sent: summary.sent, applied: summary.applied }));
    if (summary.conflicts > 0) notify(t("sharing.new_conflicts", { n: summary.conflicts }));
  } catch (error) {
    sharing.problem = generalMessage(error);
    sharing.unreachable = fieldDetails(error).some((field) => field.code === "folder_unreachable");
    if (asked) notify(sharing.problem, "error");
  } finally {
    sharing.syncing = false;
    await refreshSharing();
  }
}

/** Starts syncing by itself; returns what stops it. */
export function startSharing(): () => void {
  void refreshSharing().then(() => sync());
  const timer = setInterval(() => void sync(), EVERY_MS);
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.shiftKey && event.key.toLowerCase() === "s") {
      event.preventDefault();
      void sync(true);
    }
  };
  window.addEventListener("keydown", onKey);
  return () => {
    clearInterval(timer);
    window.removeEventListener("keydown", onKey);
  };
}
