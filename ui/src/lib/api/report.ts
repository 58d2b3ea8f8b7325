// The annual partnership report: its figures, writing it, and the reports written before.
// One function per command of src-tauri/commands/report.rs, named as the command in camelCase.
import { call } from "./call";
import type { AnnualReport } from "../bindings/AnnualReport";
import type { Language } from "../bindings/Language";
import type { ReportChoices } from "../bindings/ReportChoices";
import type { ReportFormat } from "../bindings/ReportFormat";
import type { WrittenReport } from "../bindings/WrittenReport";

export function annualReport(choices: ReportChoices) {
  return call<AnnualReport>("annual_report", { choices });
}

export function writeReport(
  choices: ReportChoices,
  format: ReportFormat,
  language: Language,
  title: string,
  file_name: string,
) {
  return call<WrittenReport | null>("write_report", { choices, format, language, title, file_name });
}

export function writtenReports() {
  return call<WrittenReport[]>("written_reports", {});
}
