use chrono::{DateTime, NaiveDate, Utc};

use super::*;
use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::contacts::people::create_person;
use crate::contacts::tests::person_input;
use crate::documents::{attach_bytes, list_documents, DocumentOwner, DocumentOwnerKind};
use crate::error::Error;
use crate::outcomes::{add_outcome, task_from_outcome, OutcomeInput};
use crate::partnerships::agreements::add_agreement;
use crate::partnerships::create_partnership;
use crate::partnerships::tests::{agreement, partnership_input};
use crate::partnerships::themes::list_themes;
use crate::programme::{add_item, ItemInput, ItemKind};
use crate::tasks::list::{list_tasks, TaskQuery, TaskView};
use crate::tasks::{create_task, get_task, TaskInput};
use crate::trips::tests::trip_input;
use crate::trips::{create_trip, trash::delete_trip, TripInput};

fn today() -> NaiveDate {
    "2026-11-21".parse().unwrap()
}

fn after_the_visit() -> DateTime<Utc> {
    "2026-10-23T08:00:00Z".parse().unwrap()
}

pub(crate) fn project_input(title: &str, partnership_ids: &[&str]) -> ProjectInput {
    ProjectInput {
        title: title.into(),
        goal: String::new(),
        status: ProjectStatus::Planned,
        theme_id: None,
        starts_on: String::new(),
        ends_on: String::new(),
        notes: String::new(),
        partnership_ids: partnership_ids.iter().map(|id| id.to_string()).collect(),
        participants: Vec::new(),
    }
}

fn organisation(conn: &Connection, name: &str) -> RegisterRef {
    let input = OrganisationInput { name: name.into(), ..OrganisationInput::default() };
    RegisterRef { kind: RegisterKind::Organisation, id: create_organisation(conn, &input).unwrap().id }
}

/// An office database in a folder of its own, for the documents beside it.
struct Office {
    conn: Connection,
    jinhua: String,
    yangzhou: String,
    folder: tempfile::TempDir,
}

fn office() -> Office {
    let folder = tempfile::tempdir().unwrap();
    let conn = crate::store::open(&folder.path().join("partnerdesk.sqlite")).unwrap();
    let jinhua = create_partnership(&conn, &partnership_input("Jinhua"), today()).unwrap().id;
    let yangzhou = create_partnership(&conn, &partnership_input("Yangzhou"), today()).unwrap().id;
    Office { conn, jinhua, yangzhou, folder }
}

#[test]
fn a_project_of_two_partnerships_keeps_its_carriers_theme_and_period() {
    let Office { conn, jinhua, yangzhou, .. } = office();
    let carriers =
        ["Stadt Herne", "Hochschule Bochum", "Wirtschaftsförderung Herne"].map(|name| organisation(&conn, name));
    let contact =
        RegisterRef { kind: RegisterKind::Person, id: create_person(&conn, &person_input("Li Wei", "")).unwrap().id };
    let theme = list_themes(&conn).unwrap().remove(2);
    let mut participants: Vec<ParticipantInput> =
        carriers.iter().map(|who| ParticipantInput { who: who.clone(), role: ProjectRole::Carrier }).collect();
    participants.push(ParticipantInput { who: contact.clone(), role: ProjectRole::Contact });
    participants.push(ParticipantInput { who: carriers[0].clone(), role: ProjectRole::Partner });
    let input = ProjectInput {
        goal: "Anlaufstelle für chinesische Unternehmen in Herne".into(),
        status: ProjectStatus::Running,
        theme_id: Some(theme.id.clone()),
        starts_on: "2025-03-01".into(),
        ends_on: "2027-12-31".into(),
        participants,
        ..project_input("  China-Kompetenzzentrum Herne ", &[&jinhua, &yangzhou])
    };
    let project = create_project(&conn, &input).unwrap();

    assert_eq!(project.title, "China-Kompetenzzentrum Herne");
    assert_eq!(project.theme, Some(theme));
    assert_eq!(project.starts_on, Some("2025-03-01".parse().unwrap()));
    assert_eq!(
        project.partnerships.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(),
        ["Stadt Düren – Jinhua", "Stadt Düren – Yangzhou"]
    );
    let roles: Vec<(String, ProjectRole)> =
        project.participants.iter().map(|p| (p.who.label.clone(), p.role)).collect();
    assert_eq!(roles.len(), 4, "someone named twice counts once: {roles:?}");
    assert_eq!(roles[0], ("Stadt Herne".to_string(), ProjectRole::Carrier));
    assert_eq!(roles[3].1, ProjectRole::Contact);

    let of_yangzhou =
        list_projects(&conn, &ProjectQuery { partnership_id: Some(yangzhou), ..ProjectQuery::default() }).unwrap();
    assert_eq!((of_yangzhou.total, of_yangzhou.items[0].id.as_str()), (1, project.id.as_str()));
    assert_eq!(of_yangzhou.items[0].partnerships.len(), 2);

    let changed = update_project(
        &conn,
        &project.id,
        &ProjectInput { status: ProjectStatus::Done, participants: Vec::new(), ..input },
    )
    .unwrap();
    assert_eq!((changed.status, changed.participants.len()), (ProjectStatus::Done, 0));
}

#[test]
fn lists_put_running_projects_first_and_find_by_title_or_goal() {
    let Office { conn, jinhua, .. } = office();
    for (title, status) in [
        ("Fotoausstellung", ProjectStatus::Done),
        ("Schüleraustausch", ProjectStatus::Running),
        ("Ärzteaustausch", ProjectStatus::Idea),
    ] {
        create_project(
            &conn,
            &ProjectInput { status, goal: format!("{title} mit Jinhua"), ..project_input(title, &[&jinhua]) },
        )
        .unwrap();
    }
    let all = list_projects(&conn, &ProjectQuery::default()).unwrap();
    let titles: Vec<&str> = all.items.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(titles, ["Schüleraustausch", "Ärzteaustausch", "Fotoausstellung"]);
    let found = list_projects(&conn, &ProjectQuery { search: "foto".into(), ..ProjectQuery::default() }).unwrap();
    assert_eq!(found.items.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Fotoausstellung"]);
    let done =
        list_projects(&conn, &ProjectQuery { status: Some(ProjectStatus::Done), ..ProjectQuery::default() }).unwrap();
    assert_eq!(done.total, 1);
}

#[test]
fn a_bad_project_is_refused_with_every_reason_and_nothing_is_written() {
    let Office { conn, .. } = office();
    let input = ProjectInput {
        starts_on: "2027-05-01".into(),
        ends_on: "2027-04-01".into(),
        theme_id: Some("no-such-theme".into()),
        participants: vec![ParticipantInput {
            who: RegisterRef { kind: RegisterKind::Person, id: "nobody".into() },
            role: ProjectRole::Contact,
        }],
        ..project_input(" ", &[])
    };
    let Err(Error::Validation(problems)) = create_project(&conn, &input) else { panic!("a bad project was taken") };
    let codes: Vec<&str> = problems.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["required", "end_before_start", "required", "unknown_theme", "unknown_participant"]);
    let Err(Error::Validation(problems)) = create_project(&conn, &project_input("Austausch", &["no-such-partnership"]))
    else {
        panic!("a project of an unknown partnership was taken")
    };
    assert_eq!(problems[0].code, "unknown_partnership");
    assert_eq!(list_projects(&conn, &ProjectQuery::default()).unwrap().total, 0);
    let stray: i64 = conn.query_row("SELECT count(*) FROM project_partnerships", [], |row| row.get(0)).unwrap();
    assert_eq!(stray, 0);
}

#[test]
fn trips_items_agreements_tasks_outcomes_and_documents_serve_a_project() {
    let Office { conn, jinhua, folder: _folder, .. } = office();
    let project = create_project(&conn, &project_input("Fotoausstellung in Jinhua", &[&jinhua])).unwrap();
    let trip =
        create_trip(&conn, &TripInput { partnership_id: Some(jinhua.clone()), ..trip_input("Jinhua 2026") }).unwrap();
    let zone = "Asia/Shanghai";
    let item = add_item(
        &conn,
        &trip.id,
        &ItemInput::new(
            ItemKind::Meeting,
            "Eröffnung der Ausstellung",
            ("2026-10-22T10:00", zone),
            ("2026-10-22T11:30", zone),
        ),
    )
    .unwrap();
    let memorandum =
        add_agreement(&conn, &jinhua, &agreement("Kulturvereinbarung", "2026-10-22", ""), today()).unwrap();

    link_to_project(&conn, &project.id, ProjectLinkKind::Trip, &trip.id).unwrap();
    link_to_project(&conn, &project.id, ProjectLinkKind::Trip, &trip.id).unwrap();
    link_to_project(&conn, &project.id, ProjectLinkKind::Item, &item.id).unwrap();
    let linked = link_to_project(&conn, &project.id, ProjectLinkKind::Agreement, &memorandum.id).unwrap();
    assert_eq!(linked.trips.len(), 1, "linking twice links once");
    assert_eq!(
        (linked.items[0].label.as_str(), linked.items[0].trip_id.as_deref()),
        ("Eröffnung der Ausstellung", Some(trip.id.as_str()))
    );
    assert_eq!(linked.agreements[0].partnership_id.as_deref(), Some(jinhua.as_str()));
    assert_eq!(projects_of_trip(&conn, &trip.id).unwrap()[0].label, "Fotoausstellung in Jinhua");
    assert!(matches!(
        link_to_project(&conn, &project.id, ProjectLinkKind::Item, "no-such-item"),
        Err(Error::NotFound(_))
    ));

    let task = create_task(
        &conn,
        &TaskInput {
            title: "50 Fotos zurückholen".into(),
            project_id: Some(project.id.clone()),
            ..TaskInput::default()
        },
        today(),
    )
    .unwrap();
    assert_eq!(task.project.map(|p| p.label), Some("Fotoausstellung in Jinhua".to_string()));
    let outcome = add_outcome(
        &conn,
        &item.id,
        &OutcomeInput {
            text: "Ausstellung wandert 2027 nach Düren".into(),
            people: vec![],
            project_id: Some(project.id.clone()),
        },
        after_the_visit(),
    )
    .unwrap();
    let from_outcome = task_from_outcome(&conn, &outcome.id, today()).unwrap();
    assert_eq!(
        from_outcome.project.map(|p| p.id),
        Some(project.id.clone()),
        "a task made of a point keeps its project"
    );
    let filed = list_tasks(
        &conn,
        &TaskQuery { project_id: Some(project.id.clone()), view: Some(TaskView::All), ..TaskQuery::default() },
        today(),
    )
    .unwrap();
    assert_eq!(filed.total, 2);

    let owner = DocumentOwner { kind: DocumentOwnerKind::Project, id: project.id.clone() };
    attach_bytes(&conn, &owner, "Fotoliste.pdf", b"%PDF-1.4 50 Fotos").unwrap();

    let page = get_project(&conn, &project.id).unwrap();
    assert_eq!(page.open_tasks, 2);
    assert_eq!(page.outcomes[0].item_id.as_deref(), Some(item.id.as_str()));
    assert_eq!(list_documents(&conn, &owner).unwrap().len(), 1);

    delete_trip(&conn, &trip.id).unwrap();
    let page = get_project(&conn, &project.id).unwrap();
    assert!(
        page.trips.is_empty() && page.items.is_empty() && page.outcomes.is_empty(),
        "records in the trash are not listed"
    );
    let unlinked = unlink_from_project(&conn, &project.id, ProjectLinkKind::Agreement, &memorandum.id).unwrap();
    assert!(unlinked.agreements.is_empty());
}

#[test]
fn a_project_goes_through_the_trash_and_its_tasks_stay() {
    let Office { conn, jinhua, folder: _folder, .. } = office();
    let project = create_project(&conn, &project_input("Schüleraustausch Düren–Jinhua", &[&jinhua])).unwrap();
    let task = create_task(
        &conn,
        &TaskInput {
            title: "Gastfamilien finden".into(),
            project_id: Some(project.id.clone()),
            ..TaskInput::default()
        },
        today(),
    )
    .unwrap();
    let owner = DocumentOwner { kind: DocumentOwnerKind::Project, id: project.id.clone() };
    attach_bytes(&conn, &owner, "Ablaufplan.pdf", b"%PDF-1.4 Ablauf").unwrap();

    delete_project(&conn, &project.id).unwrap();
    assert!(matches!(get_project(&conn, &project.id), Err(Error::NotFound(_))));
    assert_eq!(list_projects(&conn, &ProjectQuery::default()).unwrap().total, 0);
    assert_eq!(trashed_projects(&conn).unwrap()[0].context, "Stadt Düren – Jinhua");
    assert_eq!(
        get_task(&conn, &task.id, today()).unwrap().project,
        None,
        "a task does not show a project in the trash"
    );

    restore_project(&conn, &project.id).unwrap();
    assert!(get_task(&conn, &task.id, today()).unwrap().project.is_some());

    delete_project(&conn, &project.id).unwrap();
    crate::trash::empty_trash(&conn).unwrap();
    let task = get_task(&conn, &task.id, today()).unwrap();
    assert_eq!(task.title, "Gastfamilien finden", "the task stays when its project is deleted for good");
    let documents: i64 = conn.query_row("SELECT count(*) FROM documents", [], |row| row.get(0)).unwrap();
    assert_eq!(documents, 0, "the project's documents go with it");
}
