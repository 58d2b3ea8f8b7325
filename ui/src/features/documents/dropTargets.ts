// Files dropped on the window go to the documents panel under the pointer; the panels register
// here, and one listener serves them all.
import { onFileDrop } from "../../lib/api/window";

type Target = { element: HTMLElement; receive: (paths: string[]) => void; hover: (over: boolean) => void };

const targets = new Set<Target>();
let listening = false;

function targetAt(x: number, y: number): Target | undefined {
  for (const target of targets) {
    const box = target.element.getBoundingClientRect();
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return target;
  }
  return undefined;
}

function listen() {
  if (listening) return;
  listening = true;
  void onFileDrop((drop) => {
    const found = drop.type === "leave" ? undefined : targetAt(drop.x, drop.y);
    for (const target of targets) target.hover(drop.type === "over" && target === found);
    if (drop.type === "drop" && found && drop.paths.length) found.receive(drop.paths);
  });
}

/** Makes `element` take dropped files; returns the function that stops it. */
export function dropTarget(element: HTMLElement, receive: (paths: string[]) => void, hover: (over: boolean) => void) {
  const target = { element, receive, hover };
  targets.add(target);
  listen();
  return () => {
    targets.delete(target);
  };
}
