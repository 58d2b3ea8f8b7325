// About the app, settings, time zones and the first-start welcome.
// One function per command of src-tauri/commands/app.rs, named as the command in camelCase.
import { call } from "./call";
import type { AppInfo } from "../bindings/AppInfo";
import type { DemoSummary } from "../bindings/DemoSummary";
import type { Settings } from "../bindings/Settings";

export function appInfo() {
  return call<AppInfo>("app_info");
}

export function listTimeZones() {
  return call<string[]>("list_time_zones");
}

export function getSettings() {
  return call<Settings>("get_settings");
}

export function updateSettings(settings: Settings) {
  return call<Settings>("update_settings", { settings });
}

export function welcomePending() {
  return call<boolean>("welcome_pending");
}

export function answerWelcome(load_example_data: boolean) {
  return call<DemoSummary | null>("answer_welcome", { load_example_data });
}
