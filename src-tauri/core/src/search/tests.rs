use super::*;
use crate::contacts::find_or_create::{ensure_person, NewPerson};
use crate::contacts::organisations::{create_organisation, OrganisationInput};
use crate::store::open_in_memory;
use crate::tasks::{create_task, TaskInput};
use crate::vocabulary::Side;

const TO_JINHUA: &str = "Delegationsreise des Kreises Düren in die Städteregion Jinhua";

fn office() -> Connection {
    let conn = open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    for (latin, original) in [("Huang Lei", "黄磊"), ("Wang Wei", "王伟"), ("Wang Weiming", "王伟明")] {
        let person =
            NewPerson::named(latin.into(), original.into(), "Direktor des Bildungsbüros".into(), Side::Partner);
        ensure_person(&conn, &person).unwrap();
    }
    let address = OrganisationInput {
        name: "Stadtbibliothek Düren".into(),
        address: "Kölner Straße 12, 52351 Düren".into(),
        ..OrganisationInput::default()
    };
    create_organisation(&conn, &address).unwrap();
    conn
}

fn titles(conn: &Connection, typed: &str, only: Option<SearchKind>) -> Vec<String> {
    search(conn, typed, only).unwrap().into_iter().map(|hit| hit.title).collect()
}

fn person_titles(conn: &Connection, typed: &str) -> Vec<String> {
    titles(conn, typed, Some(SearchKind::Person))
}

#[test]
fn one_or_two_chinese_characters_find_a_name() {
    let conn = office();
    assert!(person_titles(&conn, "黄").contains(&"Huang Lei".to_string()));
    assert_eq!(person_titles(&conn, "黄磊"), ["Huang Lei"]);
    let wang_wei = person_titles(&conn, "王伟");
    assert!(
        wang_wei.contains(&"Wang Wei".to_string()) && wang_wei.contains(&"Wang Weiming".to_string()),
        "{wang_wei:?}"
    );
    assert!(!titles(&conn, "金华", Some(SearchKind::Organisation)).is_empty(), "金华 finds the Jinhua organisations");
}

#[test]
fn pinyin_finds_with_or_without_tones_and_spaces() {
    let conn = office();
    for typed in ["huang lei", "huanglei", "Huáng Lěi", "HUANG"] {
        assert!(person_titles(&conn, typed).contains(&"Huang Lei".to_string()), "{typed}");
    }
}

#[test]
fn german_finds_with_or_without_umlauts_and_sharp_s() {
    let conn = office();
    for typed in ["Düren", "Dueren", "Duren", "düren"] {
        assert!(titles(&conn, typed, Some(SearchKind::Trip)).contains(&TO_JINHUA.to_string()), "{typed}");
    }
    for typed in ["Straße", "Strasse", "koelner", "Kölner"] {
        assert_eq!(titles(&conn, typed, Some(SearchKind::Organisation)), ["Stadtbibliothek Düren"], "{typed}");
    }
}

#[test]
fn a_title_that_starts_with_the_words_comes_first() {
    let conn = office();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    for title in ["Dank für den Empfang schreiben", "Empfang im Rathaus vorbereiten"] {
        create_task(
            &conn,
            &TaskInput { title: title.into(), due_date: "2026-12-20".into(), ..TaskInput::default() },
            today,
        )
        .unwrap();
    }
    let found = titles(&conn, "empfang", Some(SearchKind::Task));
    assert_eq!(found.first().map(String::as_str), Some("Empfang im Rathaus vorbereiten"), "{found:?}");
    assert!(found.contains(&"Dank für den Empfang schreiben".to_string()));
}

#[test]
fn the_index_follows_every_change_and_leaves_the_trash_out() {
    let conn = office();
    let trip: String = conn.query_row("SELECT id FROM trips WHERE title = ?1", [TO_JINHUA], |row| row.get(0)).unwrap();
    conn.execute("UPDATE trips SET title = 'Reise nach Jinhua 2026' WHERE id = ?1", [&trip]).unwrap();
    assert!(titles(&conn, "Städteregion", Some(SearchKind::Trip)).is_empty());
    assert_eq!(titles(&conn, "reise nach jinhua", Some(SearchKind::Trip)), ["Reise nach Jinhua 2026"]);
    crate::trips::trash::delete_trip(&conn, &trip).unwrap();
    assert!(titles(&conn, "reise nach jinhua", None).is_empty(), "trashed");
    crate::trips::trash::restore_trip(&conn, &trip).unwrap();
    assert_eq!(titles(&conn, "reise nach jinhua", Some(SearchKind::Trip)), ["Reise nach Jinhua 2026"]);
    conn.execute("DELETE FROM trips WHERE id = ?1", [&trip]).unwrap();
    assert!(titles(&conn, "reise nach jinhua", None).is_empty(), "deleted for good");
    let indexed: i64 = conn.query_row("SELECT count(*) FROM search_records", [], |row| row.get(0)).unwrap();
    let index_rows: i64 = conn.query_row("SELECT count(*) FROM search_index", [], |row| row.get(0)).unwrap();
    assert_eq!(indexed, index_rows, "no record left behind in either table");
}

#[test]
fn a_hit_says_where_it_belongs_what_matched_and_whether_only_internal_notes_did() {
    let conn = office();
    let hits = search(&conn, "Sitzordnung", None).unwrap();
    let item = hits.iter().find(|hit| hit.kind == SearchKind::Item).expect("the item with the internal note");
    assert!(item.internal);
    assert!(item.matched.contains("Sitzordnung"), "{item:?}");
    assert!(item.context.starts_with(TO_JINHUA), "{item:?}");
    assert!(item.parent_id.is_some());
    let public = search(&conn, "huang lei", Some(SearchKind::Person)).unwrap();
    assert!(!public[0].internal);
    assert!(public[0].context.starts_with("黄磊 · "), "{:?}", public[0]);
    assert!(search(&conn, " -*\" ", None).unwrap().is_empty());
}

#[test]
fn recent_comes_before_old_and_records_of_one_date_are_all_kept() {
    let conn = office();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    for (title, due) in [
        ("Bericht zum Besuch 2019", "2019-06-01"),
        ("Bericht zum Besuch 2026", "2026-06-01"),
        ("Zweiter Bericht 2026", "2026-06-01"),
        ("Bericht zum Besuch 2022", "2022-06-01"),
    ] {
        create_task(&conn, &TaskInput { title: title.into(), due_date: due.into(), ..TaskInput::default() }, today)
            .unwrap();
    }
    let found = titles(&conn, "bericht", Some(SearchKind::Task));
    assert_eq!(
        found,
        ["Bericht zum Besuch 2026", "Bericht zum Besuch 2022", "Bericht zum Besuch 2019", "Zweiter Bericht 2026"],
        "titles that start with the word first, each group newest first"
    );
    let everything = search(&conn, "bericht", None).unwrap();
    assert_eq!(everything.iter().filter(|hit| hit.kind == SearchKind::Task).count(), 4);
}

#[test]
fn imports_and_restored_backups_reach_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("office.sqlite");
    let conn = crate::store::open(&path).unwrap();
    let table = "Nachname;Vorname;Funktion\r\nQuastmann;Hiltrud;Kreisdirektorin\r\n";
    crate::import::apply(&conn, table.as_bytes(), &crate::import::ImportOptions::default()).unwrap();
    let imported = person_titles(&conn, "quastmann");
    assert!(imported.len() == 1 && imported[0].contains("Quastmann"), "{imported:?}");
    let backup = dir.path().join("vorher.sqlite");
    crate::store::backup::backup_to(&conn, &backup, None).unwrap();
    conn.execute("UPDATE people SET name_latin = 'Hiltrud Quast-Meier' WHERE name_latin LIKE '%Quastmann%'", [])
        .unwrap();
    assert!(person_titles(&conn, "quastmann").is_empty());
    drop(conn);
    crate::store::backup::restore_from(&path, &backup, None).unwrap();
    let conn = crate::store::open(&path).unwrap();
    assert_eq!(person_titles(&conn, "quastmann"), imported, "the backup's index came back with it");
    assert!(person_titles(&conn, "Quast-Meier").is_empty());
}

#[test]
fn projects_are_found_by_title_goal_and_internal_notes_and_open_their_page() {
    let conn = office();
    let hits = search(&conn, "Fotoausstellung", Some(SearchKind::Project)).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "Fotoausstellung „Stadt und Kreis Düren“ in Jinhua");
    assert_eq!(hits[0].context, "Stadt Düren – Jinhua, Kreis Düren – Jinhua (Städteregion)");
    assert_eq!(titles(&conn, "Showroom", None), ["China-Kompetenz-Zentrum Herne"], "the goal is searched");
    let insured = search(&conn, "Versicherungswert", None).unwrap();
    assert_eq!((insured[0].kind, insured[0].internal), (SearchKind::Project, true));

    let school = crate::projects::list_projects(&conn, &Default::default()).unwrap();
    let school = school.items.iter().find(|p| p.title.starts_with("Schüleraustausch")).unwrap();
    crate::projects::delete_project(&conn, &school.id).unwrap();
    assert!(titles(&conn, "Schüleraustausch", Some(SearchKind::Project)).is_empty(), "the trash is not searched");
    crate::projects::restore_project(&conn, &school.id).unwrap();
    assert_eq!(titles(&conn, "Schüleraustausch", Some(SearchKind::Project)).len(), 1);
}
