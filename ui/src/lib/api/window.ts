// The window itself, through the Tauri API: the native menu's events, the title and files dropped on it.
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { getCurrentWindow } from "@tauri-apps/api/window";

/** Menu entries chosen in the native menu arrive here with their ID. */
export function onMenu(handler: (id: string) => void): Promise<UnlistenFn> {
  return listen<string>("menu", (event) => handler(event.payload));
}

export function setWindowTitle(title: string): Promise<void> {
  return getCurrentWindow().setTitle(title);
}

/** Files dragged over the window and dropped on it; `x`/`y` in CSS pixels of the page. */
export type FileDrop = { type: "over" | "drop" | "leave"; paths: string[]; x: number; y: number };

export function onFileDrop(handler: (drop: FileDrop) => void): Promise<UnlistenFn> {
  let paths: string[] = [];
  return getCurrentWebview().onDragDropEvent((event) => {
    const payload = event.payload;
    if (payload.type === "leave") {
      handler({ type: "leave", paths: [], x: -1, y: -1 });
      return;
    }
    if (payload.type === "enter" || payload.type === "drop") paths = payload.paths;
    const scale = window.devicePixelRatio || 1;
    const { x, y } = payload.position;
    handler({ type: payload.type === "drop" ? "drop" : "over", paths, x: x / scale, y: y / scale });
  });
}
