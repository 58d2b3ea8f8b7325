//! The projects of the seed articles that outlive a trip: the photo exhibition in Jinhua (50
//! photos sent ahead, to be brought back), the school exchange of the Kreis Düren, and the China
//! competence centre in Herne with its three carriers.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use crate::contacts::organisations::{create_organisation, OrganisationInput, OrganisationKind};
use crate::error::{Error, Result};
use crate::projects::{
    create_project, link_to_project, ParticipantInput, ProjectInput, ProjectLinkKind, ProjectRole, ProjectStatus,
};
use crate::tasks::{create_task, TaskInput, TaskPriority};
use crate::vocabulary::{RegisterKind, RegisterRef, Side};

fn id_of(conn: &Connection, sql: &str, keys: &[&str]) -> Result<String> {
    conn.query_row(sql, rusqlite::params_from_iter(keys), |row| row.get(0))
        .optional()?
        .ok_or_else(|| Error::NotFound(keys.join(" ")))
}

fn partnership(conn: &Connection, our_side: &str, place: &str) -> Result<String> {
    id_of(conn, "SELECT id FROM partnerships WHERE our_side = ?1 AND partner_place = ?2", &[our_side, place])
}

fn organisation(conn: &Connection, name: &str) -> Result<RegisterRef> {
    let id = id_of(conn, "SELECT id FROM organisations WHERE name = ?1 AND deleted_at IS NULL", &[name])?;
    Ok(RegisterRef { kind: RegisterKind::Organisation, id })
}

fn person(conn: &Connection, name: &str) -> Result<RegisterRef> {
    let id = id_of(conn, "SELECT id FROM people WHERE name_latin = ?1 AND deleted_at IS NULL", &[name])?;
    Ok(RegisterRef { kind: RegisterKind::Person, id })
}

fn theme(conn: &Connection, name: &str) -> Result<Option<String>> {
    id_of(conn, "SELECT id FROM theme_areas WHERE name = ?1", &[name]).map(Some)
}

/// Files the tasks whose title starts with `title` under `project`.
fn file_tasks(conn: &Connection, title: &str, project: &str) -> Result<()> {
    conn.execute("UPDATE tasks SET project_id = ?2 WHERE title LIKE ?1 || '%'", [title, project])?;
    Ok(())
}

fn as_role(who: RegisterRef, role: ProjectRole) -> ParticipantInput {
    ParticipantInput { who, role }
}

pub fn projects_of_the_seed_partnerships(conn: &Connection, today: NaiveDate) -> Result<()> {
    let stadt_dueren = partnership(conn, "Stadt Düren", "Jinhua")?;
    let kreis_dueren = partnership(conn, "Kreis Düren", "Jinhua (Städteregion)")?;
    let herne = partnership(conn, "Stadt Herne", "Luzhou")?;

    let exhibition = create_project(
        conn,
        &ProjectInput {
            title: "Fotoausstellung „Stadt und Kreis Düren“ in Jinhua".into(),
            goal: "Rund 50 Fotografien aus Stadt und Kreis Düren im Kulturzentrum Jinhua zeigen; die Bilder wurden vorab verschickt und kommen nach der Ausstellung zurück.".into(),
            status: ProjectStatus::Running,
            theme_id: theme(conn, "Kultur und Kunst")?,
            starts_on: "2026-09-01".into(),
            ends_on: "2027-03-31".into(),
            notes: "Versicherungswert der Abzüge beim Rücktransport angeben.".into(),
            partnership_ids: vec![stadt_dueren.clone(), kreis_dueren.clone()],
            participants: vec![
                as_role(organisation(conn, "Leopold-Hoesch-Museum")?, ProjectRole::Carrier),
                as_role(organisation(conn, "Stadtregierung Jinhua")?, ProjectRole::Partner),
                as_role(person(conn, "Thomas Becker")?, ProjectRole::Contact),
            ],
        },
    )?;
    let to_jinhua = id_of(
        conn,
        "SELECT id FROM trips WHERE title = ?1",
        &["Delegationsreise des Kreises Düren in die Städteregion Jinhua"],
    )?;
    link_to_project(conn, &exhibition.id, ProjectLinkKind::Trip, &to_jinhua)?;
    create_task(
        conn,
        &TaskInput {
            title: "Die 50 Fotos der Ausstellung aus Jinhua zurückholen".into(),
            description: "Rücktransport mit dem Kulturzentrum Jinhua abstimmen; Abzüge auf Vollständigkeit prüfen."
                .into(),
            due_date: "2027-04-30".into(),
            priority: Some(TaskPriority::Normal),
            partnership_id: Some(stadt_dueren.clone()),
            project_id: Some(exhibition.id.clone()),
            theme_id: theme(conn, "Kultur und Kunst")?,
            owner: Some(person(conn, "Thomas Becker")?),
            ..TaskInput::default()
        },
        today,
    )?;
    file_tasks(conn, "Fotoausstellung „Stadt und Kreis Düren“", &exhibition.id)?;
    conn.execute(
        "UPDATE outcomes SET project_id = ?1 WHERE text LIKE 'Kunst- und Kulturaustausch%'",
        [&exhibition.id],
    )?;

    let school_exchange = create_project(
        conn,
        &ProjectInput {
            title: "Schüleraustausch Kreis Düren – Jinhua".into(),
            goal: "Regelmäßiger Austausch von Schülerinnen und Schülern zwischen Schulen im Kreis Düren und in Jinhua, erste Begegnung im Schuljahr 2027/28.".into(),
            status: ProjectStatus::Planned,
            theme_id: theme(conn, "Schule")?,
            starts_on: "2027-01-01".into(),
            ends_on: String::new(),
            notes: String::new(),
            partnership_ids: vec![kreis_dueren, stadt_dueren],
            participants: vec![
                as_role(organisation(conn, "Stiftisches Gymnasium Düren")?, ProjectRole::Partner),
                as_role(organisation(conn, "Kreis Düren")?, ProjectRole::Carrier),
            ],
        },
    )?;
    file_tasks(conn, "Regelmäßigen Schüleraustausch anbahnen", &school_exchange.id)?;
    conn.execute(
        "UPDATE outcomes SET project_id = ?1 WHERE text LIKE 'Regelmäßigen Schüleraustausch%'",
        [&school_exchange.id],
    )?;

    let mut carriers = Vec::new();
    for (name, kind) in [
        ("Wirtschaftsförderungsgesellschaft Herne", OrganisationKind::Association),
        ("IHK Mittleres Ruhrgebiet", OrganisationKind::Chamber),
        ("Hochschule Bochum", OrganisationKind::University),
    ] {
        let input = OrganisationInput {
            name: name.into(),
            kind: Some(kind),
            side: Some(Side::Ours),
            partnership_id: Some(herne.clone()),
            ..OrganisationInput::default()
        };
        let id = create_organisation(conn, &input)?.id;
        carriers.push(as_role(RegisterRef { kind: RegisterKind::Organisation, id }, ProjectRole::Carrier));
    }
    let centre = create_project(
        conn,
        &ProjectInput {
            title: "China-Kompetenz-Zentrum Herne".into(),
            goal: "Die Wirtschaftsregion Mittleres Ruhrgebiet für chinesische Unternehmen attraktiv machen und Firmen der Region bei Handelsbeziehungen mit China unterstützen; ein Showroom für Luzhou in Herne ist angedacht.".into(),
            status: ProjectStatus::Running,
            theme_id: theme(conn, "Wirtschaft und Handel")?,
            starts_on: "2019-09-01".into(),
            ends_on: String::new(),
            notes: String::new(),
            partnership_ids: vec![herne],
            participants: carriers,
        },
    )?;
    let to_luzhou = id_of(conn, "SELECT id FROM trips WHERE title = ?1", &["Delegationsreise nach Luzhou"])?;
    link_to_project(conn, &centre.id, ProjectLinkKind::Trip, &to_luzhou)?;
    let treaty =
        id_of(conn, "SELECT id FROM agreements WHERE title = ?1", &["Städtepartnerschaftsvertrag Herne – Luzhou"])?;
    link_to_project(conn, &centre.id, ProjectLinkKind::Agreement, &treaty)?;
    Ok(())
}
