// A trip's costs and budget view, its approval, the office's budget lines and exchange rates.
// One function per command of src-tauri/commands/costs.rs, named as the command in camelCase.
import { call } from "./call";
import type { BudgetLineInput } from "../bindings/BudgetLineInput";
import type { BudgetLineUse } from "../bindings/BudgetLineUse";
import type { CostLine } from "../bindings/CostLine";
import type { CostLineInput } from "../bindings/CostLineInput";
import type { ExchangeRate } from "../bindings/ExchangeRate";
import type { Page } from "../bindings/Page";
import type { RateInput } from "../bindings/RateInput";
import type { RateQuery } from "../bindings/RateQuery";
import type { RatesImported } from "../bindings/RatesImported";
import type { TripBudget } from "../bindings/TripBudget";

export function tripBudget(trip_id: string) {
  return call<TripBudget>("trip_budget", { trip_id });
}

export function createCostLine(trip_id: string, input: CostLineInput) {
  return call<CostLine>("create_cost_line", { trip_id, input });
}

export function updateCostLine(id: string, input: CostLineInput) {
  return call<CostLine>("update_cost_line", { id, input });
}

export function deleteCostLine(id: string) {
  return call<null>("delete_cost_line", { id });
}

export function restoreCostLine(id: string) {
  return call<CostLine>("restore_cost_line", { id });
}

export function requestApproval(trip_id: string) {
  return call<TripBudget>("request_approval", { trip_id });
}

export function approveTripCosts(trip_id: string, approved_by: string) {
  return call<TripBudget>("approve_trip_costs", { trip_id, approved_by });
}

export function withdrawApproval(trip_id: string) {
  return call<TripBudget>("withdraw_approval", { trip_id });
}

export function budgetYear(year: number) {
  return call<BudgetLineUse[]>("budget_year", { year });
}

export function createBudgetLine(input: BudgetLineInput) {
  return call<BudgetLineUse>("create_budget_line", { input });
}

export function updateBudgetLine(id: string, input: BudgetLineInput) {
  return call<BudgetLineUse>("update_budget_line", { id, input });
}

export function deleteBudgetLine(id: string) {
  return call<null>("delete_budget_line", { id });
}

export function rateFor(currency: string, day: string) {
  return call<ExchangeRate | null>("rate_for", { currency, day });
}

export function listRates(query: RateQuery) {
  return call<Page<ExchangeRate>>("list_rates", { query });
}

export function setRate(input: RateInput) {
  return call<ExchangeRate>("set_rate", { input });
}

export function deleteRate(currency: string, rate_on: string) {
  return call<null>("delete_rate", { currency, rate_on });
}

export function importEcbRates(title: string) {
  return call<RatesImported | null>("import_ecb_rates", { title });
}
