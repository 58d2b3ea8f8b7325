//! The follow-ups of the seed trips: what was agreed at their programme items, the tasks made
//! of it (the projects the Jinhua article says are to be worked out in the coming weeks), the
//! standing work of the partnerships, and how far each trip's preparation checklist got.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::checklists::{add_step, checklist_of, tick_step, ChecklistOwner};
use crate::error::{Error, Result};
use crate::outcomes::{add_outcome, task_from_outcome, OutcomeInput};
use crate::settings::{get_settings, update_settings, Settings};
use crate::tasks::{create_task, update_task, TaskInput, TaskPriority, TaskStatus};
use crate::vocabulary::{RegisterKind, RegisterRef};

const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";
const FROM_JINHUA: &str = "Besuch der Delegation aus Jinhua in Düren";
const FROM_YANGZHOU: &str = "Delegation aus Yangzhou in der Wirtschaftsregion Kaiserslautern";
const TO_LUZHOU: &str = "Delegationsreise nach Luzhou";

fn id_of(conn: &Connection, sql: &str, key: &str) -> Result<String> {
    conn.query_row(sql, [key], |row| row.get(0)).optional()?.ok_or_else(|| Error::NotFound(key.to_string()))
}

fn trip(conn: &Connection, title: &str) -> Result<String> {
    id_of(conn, "SELECT id FROM trips WHERE title = ?1 AND deleted_at IS NULL", title)
}

fn item(conn: &Connection, trip_id: &str, title: &str) -> Result<String> {
    conn.query_row("SELECT id FROM programme_items WHERE trip_id = ?1 AND title = ?2", [trip_id, title], |row| {
        row.get(0)
    })
    .optional()?
    .ok_or_else(|| Error::NotFound(title.to_string()))
}

fn person(conn: &Connection, name: &str) -> Result<RegisterRef> {
    let id = id_of(conn, "SELECT id FROM people WHERE name_latin = ?1 AND deleted_at IS NULL", name)?;
    Ok(RegisterRef { kind: RegisterKind::Person, id })
}

fn theme(conn: &Connection, name: &str) -> Result<String> {
    id_of(conn, "SELECT id FROM theme_areas WHERE name = ?1", name)
}

fn partnership_of(conn: &Connection, trip_id: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT partnership_id FROM trips WHERE id = ?1", [trip_id], |row| row.get(0))?)
}

/// A point agreed at an item, made into a task with an owner, due date, theme and steps.
struct Followup<'a> {
    point: &'a str,
    with: &'a [&'a str],
    owner: Option<&'a str>,
    due: &'a str,
    priority: TaskPriority,
    status: TaskStatus,
    theme: &'a str,
    steps: &'a [(&'a str, bool)],
}

fn follow_up(conn: &Connection, item_id: &str, followup: &Followup, after: DateTime<Utc>) -> Result<()> {
    let people = followup.with.iter().map(|name| person(conn, name)).collect::<Result<Vec<_>>>()?;
    let outcome =
        add_outcome(conn, item_id, &OutcomeInput { text: followup.point.into(), people, project_id: None }, after)?;
    let today = after.date_naive();
    let task = task_from_outcome(conn, &outcome.id, today)?;
    let input = TaskInput {
        title: task.title.clone(),
        description: task.description.clone(),
        owner: followup.owner.map(|name| person(conn, name)).transpose()?,
        due_date: followup.due.into(),
        priority: Some(followup.priority),
        status: Some(followup.status),
        trip_id: task.trip.map(|t| t.id),
        item_id: task.item.map(|i| i.id),
        partnership_id: task.partnership.map(|p| p.id),
        agreement_id: task.agreement.map(|a| a.id),
        project_id: task.project.map(|p| p.id),
        theme_id: Some(theme(conn, followup.theme)?),
        people: task.people.iter().map(|p| RegisterRef { kind: RegisterKind::Person, id: p.id.clone() }).collect(),
    };
    update_task(conn, &task.id, &input, today)?;
    steps(conn, &ChecklistOwner::task(&task.id), followup.steps)
}

fn steps(conn: &Connection, owner: &ChecklistOwner, steps: &[(&str, bool)]) -> Result<()> {
    for (text, done) in steps {
        let checklist = add_step(conn, owner, text)?;
        if *done {
            let added = checklist.steps.last().map(|step| step.id.clone()).unwrap_or_default();
            tick_step(conn, &added, true)?;
        }
    }
    Ok(())
}

/// Ticks the first `done` steps of a trip's preparation checklist.
fn prepared(conn: &Connection, trip_id: &str, done: usize) -> Result<()> {
    for step in checklist_of(conn, &ChecklistOwner::trip(trip_id))?.steps.into_iter().take(done) {
        tick_step(conn, &step.id, true)?;
    }
    Ok(())
}

/// Records the visit, and the programme item of it, at which the agreement `title` was signed.
fn signed_during(conn: &Connection, title: &str, (trip_id, item_id): (&str, &str)) -> Result<()> {
    conn.execute(
        "UPDATE agreements SET signed_trip_id = ?2, signed_item_id = ?3 WHERE title = ?1",
        [title, trip_id, item_id],
    )?;
    Ok(())
}

/// Files the task `task` under the agreement `agreement` it serves.
fn serves_agreement(conn: &Connection, task: &str, agreement: &str) -> Result<()> {
    conn.execute(
        "UPDATE tasks SET agreement_id = (SELECT id FROM agreements WHERE title = ?2) WHERE title = ?1",
        [task, agreement],
    )?;
    Ok(())
}

pub fn followups_of_the_seed_trips(conn: &Connection) -> Result<()> {
    let to_jinhua = trip(conn, TO_JINHUA)?;
    let from_jinhua = trip(conn, FROM_JINHUA)?;
    let from_yangzhou = trip(conn, FROM_YANGZHOU)?;
    let to_luzhou = trip(conn, TO_LUZHOU)?;
    let after_jinhua: DateTime<Utc> = "2026-10-27T10:00:00Z".parse().expect("a fixed instant");
    let after_dueren: DateTime<Utc> = "2026-06-17T16:00:00Z".parse().expect("a fixed instant");
    let after_yangzhou: DateTime<Utc> = "2026-07-09T16:00:00Z".parse().expect("a fixed instant");
    use TaskPriority::*;
    use TaskStatus::*;

    let talks = item(conn, &to_jinhua, "Arbeitsgespräch: nächste Schritte der Kooperation")?;
    let jinhua_followups = [
        Followup {
            point: "Austausch von Studierenden mit der Zhejiang Normal University vorbereiten\nPerspektivisch weitere Zusammenarbeit, u. a. in der Wasserstoff-Technik.",
            with: &["Zhu Chonglie"],
            owner: Some("Thomas Becker"),
            due: "2026-12-15",
            priority: High,
            status: InProgress,
            theme: "Bildung und Wissenschaft",
            steps: &[
                ("Hochschulen im Kreis Düren ansprechen", true),
                ("Ansprechpartner in Jinhua benennen lassen", false),
                ("Eckpunkte des Austauschs abstimmen", false),
            ],
        },
        Followup {
            point: "Kooperation in der Wasserstoff-Technik: Fachbesuch von Hydrogenway Technology in der Modellregion Wasserstoff anbieten",
            with: &["Zhu Chonglie"],
            owner: Some("Sabine Krings"),
            due: "2026-11-13",
            priority: High,
            status: Waiting,
            theme: "Klimaschutz und Wasserstoff",
            steps: &[("Einladung an Hydrogenway versandt", true), ("Termin mit Brainergy Park abstimmen", false)],
        },
        Followup {
            point: "Regelmäßigen Schüleraustausch anbahnen: interessierte Schulen im Kreis ermitteln",
            with: &[],
            owner: Some("Thomas Becker"),
            due: "2027-01-29",
            priority: Normal,
            status: Open,
            theme: "Schule",
            steps: &[],
        },
        Followup {
            point: "Kunst- und Kulturaustausch: Ausstellung mit Künstlerinnen und Künstlern aus Jinhua im Kreishaus prüfen",
            with: &[],
            owner: None,
            due: "",
            priority: Low,
            status: Open,
            theme: "Kultur und Kunst",
            steps: &[],
        },
    ];
    for followup in &jinhua_followups {
        follow_up(conn, &talks, followup, after_jinhua)?;
    }

    let signing = item(conn, &from_jinhua, "Unterzeichnung des Memorandums")?;
    signed_during(
        conn,
        "Memorandum über die Vertiefung des freundschaftlichen Austausches zwischen Düren und Jinhua",
        (&from_jinhua, &signing),
    )?;
    follow_up(
        conn,
        &signing,
        &Followup {
            point: "Neueste Stadt-Informationen auf der Internetplattform der Partnerstadt veröffentlichen",
            with: &["Frank Peter Ullrich", "Zhu Chonglie"],
            owner: Some("Thomas Becker"),
            due: "2026-11-27",
            priority: Normal,
            status: InProgress,
            theme: "Tourismus",
            steps: &[
                ("Texte für das erste Quartal auswählen", true),
                ("Übersetzung ins Chinesische beauftragen", false),
            ],
        },
        after_dueren,
    )?;
    follow_up(
        conn,
        &signing,
        &Followup {
            point: "Dankschreiben an Parteisekretär Zhu Chonglie",
            with: &["Zhu Chonglie"],
            owner: Some("Thomas Becker"),
            due: "2026-06-26",
            priority: Normal,
            status: Done,
            theme: "Kultur und Kunst",
            steps: &[],
        },
        after_dueren,
    )?;

    serves_agreement(
        conn,
        "Neueste Stadt-Informationen auf der Internetplattform der Partnerstadt veröffentlichen",
        "Memorandum über die Vertiefung des freundschaftlichen Austausches zwischen Düren und Jinhua",
    )?;

    let memorandum = item(conn, &from_yangzhou, "Begrüßung und Unterzeichnung des Memorandums")?;
    signed_during(conn, "Memorandum zu Start-ups und Technologietransfer", (&from_yangzhou, &memorandum))?;
    follow_up(
        conn,
        &memorandum,
        &Followup {
            point: "Mittelstandsforum mit Start-ups aus Yangzhou: Termin und Teilnehmende abstimmen",
            with: &["Xia Xinmin"],
            owner: None,
            due: "2026-11-20",
            priority: Normal,
            status: Open,
            theme: "Wirtschaft und Handel",
            steps: &[],
        },
        after_yangzhou,
    )?;

    // Standing work of the Düren–Jinhua partnership, without a trip.
    let today = after_jinhua.date_naive();
    let photos = create_task(
        conn,
        &TaskInput {
            title: "Fotoausstellung „Stadt und Kreis Düren“ für Jinhua neu auflegen".into(),
            description: "Rund 50 Fotografien aus Stadt und Kreis Düren, wie zuletzt für die Ausstellung in Jinhua."
                .into(),
            due_date: "2027-03-31".into(),
            partnership_id: partnership_of(conn, &from_jinhua)?,
            theme_id: Some(theme(conn, "Kultur und Kunst")?),
            owner: Some(person(conn, "Thomas Becker")?),
            ..TaskInput::default()
        },
        today,
    )?;
    steps(conn, &ChecklistOwner::task(&photos.id), &[("Bildrechte klären", false), ("Motive auswählen", false)])?;

    prepared(conn, &to_jinhua, 9)?;
    prepared(conn, &from_jinhua, 9)?;
    prepared(conn, &from_yangzhou, 9)?;
    prepared(conn, &to_luzhou, 1)?;

    if get_settings(conn)?.me.is_none() {
        let me = person(conn, "Thomas Becker")?;
        update_settings(conn, &Settings { me: Some(me.id), ..get_settings(conn)? })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tasks::list::{list_tasks, TaskQuery, TaskView};

    #[test]
    fn the_seed_trips_leave_linked_follow_ups_and_prepared_checklists() {
        let conn = crate::store::open_in_memory().unwrap();
        crate::demo::load_demo(&conn).unwrap();
        let today = "2026-11-21".parse().unwrap();
        let all = TaskQuery { view: Some(TaskView::All), ..TaskQuery::default() };
        let tasks = list_tasks(&conn, &all, today).unwrap().items;
        assert_eq!(tasks.len(), 9);
        let exchange = tasks.iter().find(|t| t.title.starts_with("Austausch von Studierenden")).unwrap();
        assert_eq!(exchange.trip.as_ref().map(|t| t.label.as_str()), Some(TO_JINHUA));
        assert!(exchange.item.is_some() && exchange.partnership.is_some() && exchange.outcome_id.is_some());
        assert_eq!(exchange.people[0].label, "Parteisekretär Zhu Chonglie (朱重烈)");
        assert_eq!((exchange.checklist_done, exchange.checklist_total), (1, 3));
        let overdue = TaskQuery { view: Some(TaskView::Overdue), ..TaskQuery::default() };
        assert_eq!(list_tasks(&conn, &overdue, today).unwrap().total, 2);
        let me = get_settings(&conn).unwrap().me.unwrap();
        let mine = TaskQuery { owner_id: Some(me), ..TaskQuery::default() };
        assert_eq!(list_tasks(&conn, &mine, today).unwrap().total, 5);
        let trip = crate::trips::get_trip(&conn, &trip(&conn, TO_JINHUA).unwrap()).unwrap();
        assert_eq!((trip.checklist_done, trip.checklist_total), (9, 10));
    }
}
