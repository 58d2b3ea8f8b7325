//! Task commands: see work, edit tasks, change several at once, trash; and the reminder poke.

use tauri::State;

use crate::shell::reminders::Reminders;
use crate::shell::state::AppState;
use partnerdesk_core::error::Result;
use partnerdesk_core::settings::office_today;
use partnerdesk_core::store::paging::Page;
use partnerdesk_core::tasks::list::{self, TaskQuery};
use partnerdesk_core::tasks::{self, trash, Task, TaskInput, TaskStatus};

#[tauri::command]
pub async fn list_tasks(state: State<'_, AppState>, query: TaskQuery) -> Result<Page<Task>> {
    state.with(|c| list::list_tasks(c, &query, office_today(c)?))
}

#[tauri::command]
pub async fn overdue_task_count(state: State<'_, AppState>) -> Result<i64> {
    state.with(|c| list::overdue_count(c, office_today(c)?))
}

#[tauri::command]
pub async fn get_task(state: State<'_, AppState>, id: String) -> Result<Task> {
    state.with(|c| tasks::get_task(c, &id, office_today(c)?))
}

#[tauri::command]
pub async fn create_task(
    state: State<'_, AppState>,
    reminders: State<'_, Reminders>,
    input: TaskInput,
) -> Result<Task> {
    let task = state.with(|c| tasks::create_task(c, &input, office_today(c)?))?;
    reminders.check_now();
    Ok(task)
}

#[tauri::command]
pub async fn update_task(
    state: State<'_, AppState>,
    reminders: State<'_, Reminders>,
    id: String,
    input: TaskInput,
) -> Result<Task> {
    let task = state.with(|c| tasks::update_task(c, &id, &input, office_today(c)?))?;
    reminders.check_now();
    Ok(task)
}

#[tauri::command]
pub async fn set_status_of_tasks(state: State<'_, AppState>, ids: Vec<String>, status: TaskStatus) -> Result<usize> {
    state.with(|c| tasks::set_status_of_tasks(c, &ids, status))
}

#[tauri::command]
pub async fn delete_task(state: State<'_, AppState>, id: String) -> Result<()> {
    state.with(|c| trash::delete_task(c, &id))
}

#[tauri::command]
pub async fn restore_task(state: State<'_, AppState>, id: String) -> Result<Task> {
    state.with(|c| trash::restore_task(c, &id, office_today(c)?))
}
