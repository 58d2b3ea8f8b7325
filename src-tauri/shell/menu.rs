//! The window menu, in the user's language. Choosing an entry tells the UI through the
//! `menu` event, carrying the entry's ID.

use tauri::menu::{Menu, MenuEvent, MenuItemBuilder, PredefinedMenuItem, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

use partnerdesk_core::vocabulary::Language;

struct Labels {
    file: &'static str,
    new_trip: &'static str,
    import: &'static str,
    quit: &'static str,
    edit: &'static str,
    view: &'static str,
    overview: &'static str,
    trips: &'static str,
    years: &'static str,
    tasks: &'static str,
    partnerships: &'static str,
    projects: &'static str,
    people: &'static str,
    organisations: &'static str,
    gifts: &'static str,
    trash: &'static str,
    settings: &'static str,
    help: &'static str,
    about: &'static str,
}

fn labels(language: Language) -> Labels {
    match language {
        Language::De => Labels {
            file: "Datei",
            new_trip: "Neue Reise …",
            import: "Importieren …",
            quit: "Beenden",
            edit: "Bearbeiten",
            view: "Ansicht",
            overview: "Übersicht",
            trips: "Reisen",
            years: "Jahresansicht",
            tasks: "Aufgaben",
            partnerships: "Partnerschaften",
            projects: "Projekte",
            people: "Personen",
            organisations: "Organisationen",
            gifts: "Geschenke",
            trash: "Papierkorb",
            settings: "Einstellungen",
            help: "Hilfe",
            about: "Über Partnerdesk",
        },
        Language::En => Labels {
            file: "File",
            new_trip: "New Trip…",
            import: "Import…",
            quit: "Quit",
            edit: "Edit",
            view: "View",
            overview: "Overview",
            trips: "Trips",
            years: "Years",
            tasks: "Tasks",
            partnerships: "Partnerships",
            projects: "Projects",
            people: "People",
            organisations: "Organisations",
            gifts: "Gifts",
            trash: "Trash",
            settings: "Settings",
            help: "Help",
            about: "About Partnerdesk",
        },
    }
}

pub fn build<R: Runtime>(app: &AppHandle<R>, language: Language) -> tauri::Result<Menu<R>> {
    let l = labels(language);
    let item = |id: &str, text: &str, accelerator: &str| {
        MenuItemBuilder::with_id(id, text).accelerator(accelerator).build(app)
    };
    let file = SubmenuBuilder::new(app, l.file)
        .item(&item("new_trip", l.new_trip, "CmdOrCtrl+N")?)
        .item(&item("import", l.import, "CmdOrCtrl+I")?)
        .separator()
        .item(&PredefinedMenuItem::quit(app, Some(l.quit))?)
        .build()?;
    let edit = SubmenuBuilder::new(app, l.edit).undo().redo().separator().cut().copy().paste().select_all().build()?;
    let areas = [
        ("go_overview", l.overview),
        ("go_trips", l.trips),
        ("go_year", l.years),
        ("go_tasks", l.tasks),
        ("go_partnerships", l.partnerships),
        ("go_projects", l.projects),
        ("go_people", l.people),
        ("go_organisations", l.organisations),
        ("go_gifts", l.gifts),
        ("go_trash", l.trash),
    ];
    let mut view = SubmenuBuilder::new(app, l.view);
    for (number, (id, text)) in areas.into_iter().enumerate() {
        view = view.item(&item(id, text, &format!("CmdOrCtrl+{}", number + 1))?);
    }
    let view = view.separator().item(&item("go_settings", l.settings, "CmdOrCtrl+,")?).build()?;
    let help =
        SubmenuBuilder::new(app, l.help).item(&MenuItemBuilder::with_id("about", l.about).build(app)?).build()?;
    Menu::with_items(app, &[&file, &edit, &view, &help])
}

/// Replaces the menu, e.g. after the language changed. A menu that cannot be built leaves the
/// old one in place.
pub fn install<R: Runtime>(app: &AppHandle<R>, language: Language) {
    if let Ok(menu) = build(app, language) {
        let _ = app.set_menu(menu);
    }
}

pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: MenuEvent) {
    let _ = app.emit("menu", event.id().0.as_str());
}
