use super::*;
use crate::store::open_in_memory;

fn demo() -> Connection {
    let conn = open_in_memory().unwrap();
    crate::demo::load_demo(&conn).unwrap();
    conn
}

fn of_year(year: i32) -> ReportChoices {
    ReportChoices { year, ..ReportChoices::default() }
}

#[test]
fn the_figures_of_each_year_are_those_the_example_data_implies() {
    let conn = demo();
    let report = annual_report(&conn, &of_year(2026)).unwrap();
    assert_eq!(report.years.len(), 10);
    assert_eq!(report.years.first().unwrap().year, 2017);
    let y2026 = &report.totals;
    assert_eq!((y2026.year, y2026.trips_outgoing, y2026.trips_incoming), (2026, 1, 2));
    assert_eq!(y2026.travellers, 8 + 7 + 3, "the Kreis Düren's 8, Jinhua's 7, Yangzhou's 3");
    assert_eq!(y2026.agreements_signed, 3);
    assert_eq!((y2026.gifts_received, y2026.gifts_given), (4, 4));
    assert_eq!(y2026.tasks_done, 1);
    assert!(y2026.cost_cents > 1_500_000, "the Kreis Düren trip's costs");
    let y2012 = annual_report(&conn, &of_year(2012)).unwrap().totals;
    assert_eq!((y2012.gifts_received, y2012.trips_outgoing + y2012.trips_incoming), (1, 0), "the Glückspavillon");
    let y2027 = annual_report(&conn, &of_year(2027)).unwrap().totals;
    assert_eq!((y2027.trips_outgoing, y2027.trips_incoming, y2027.agreements_signed), (2, 0, 0));
}

#[test]
fn a_partnerships_year_lists_its_trips_with_the_delegations_make_up() {
    let conn = demo();
    let report = annual_report(&conn, &of_year(2026)).unwrap();
    let kreis = report.partnerships.iter().find(|p| p.partnership.label.starts_with("Kreis Düren")).unwrap();
    let trip = &kreis.trips[0];
    assert_eq!((trip.direction, trip.size), (Direction::Outgoing, 8));
    let make_up: Vec<(&str, i64)> = trip.make_up.iter().map(|group| (group.label.as_str(), group.count)).collect();
    assert_eq!(make_up[0], ("Landrat (CDU)", 1));
    assert_eq!(make_up[1], ("Mitglied des Kreistags (SPD, Grüne, FDP, AfD)", 4));
    assert_eq!(kreis.agreements_signed.len(), 1);
    assert!(kreis.costs.iter().any(|cost| cost.budget_cents == Some(4_000_000)), "{:?}", kreis.costs);

    let dueren = report.partnerships.iter().find(|p| p.partnership.label == "Stadt Düren – Jinhua").unwrap();
    assert_eq!(dueren.trips.iter().map(|t| t.direction).collect::<Vec<_>>(), [Direction::Incoming]);
    assert_eq!(dueren.agreements_expiring.len(), 0, "the memorandum runs until 2028");
    assert!(dueren.agreements_in_force.len() >= 2, "the treaty of 2002 and the memorandum");
    let y2027 = annual_report(&conn, &of_year(2027)).unwrap();
    let dueren_2027 = y2027.partnerships.iter().find(|p| p.partnership.label == "Stadt Düren – Jinhua").unwrap();
    assert_eq!(dueren_2027.agreements_expiring.len(), 1, "it ends the year after");
}

#[test]
fn one_partnership_or_some_left_out_sum_only_what_the_report_covers() {
    let conn = demo();
    let all = annual_report(&conn, &of_year(2026)).unwrap();
    let kaiserslautern = all.partnerships.iter().find(|p| p.partnership.label.contains("Yangzhou")).unwrap();
    let one = ReportChoices { partnership_id: Some(kaiserslautern.partnership.id.clone()), ..of_year(2026) };
    let report = annual_report(&conn, &one).unwrap();
    assert_eq!(report.partnerships.len(), 1);
    assert_eq!((report.totals.trips_incoming, report.totals.trips_outgoing), (1, 0));
    let without = ReportChoices { left_out: vec![kaiserslautern.partnership.id.clone()], ..of_year(2026) };
    let report = annual_report(&conn, &without).unwrap();
    assert_eq!(report.partnerships.len(), all.partnerships.len() - 1);
    assert_eq!(report.totals.trips_incoming, 1, "only Jinhua's visit");

    let refused = annual_report(&conn, &of_year(1800)).unwrap_err();
    assert!(matches!(refused, Error::Validation(fields) if fields[0].code == "year_out_of_range"));
    let unknown = ReportChoices { partnership_id: Some("none".into()), ..of_year(2026) };
    assert!(matches!(annual_report(&conn, &unknown), Err(Error::NotFound(_))));
}

#[test]
fn the_workbook_holds_the_figures_behind_every_chart() {
    use calamine::{Data, Reader, Xlsx};
    let conn = demo();
    let report = annual_report(&conn, &of_year(2026)).unwrap();
    let bytes = xlsx::report_xlsx(&report, crate::vocabulary::Language::De).unwrap();
    let mut workbook = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = workbook.sheet_names();
    assert_eq!(names[0], "Übersicht");
    assert_eq!(names.len(), 1 + report.partnerships.len());
    let overview = workbook.worksheet_range("Übersicht").unwrap();
    let last = overview.rows().next_back().unwrap();
    assert_eq!(
        (last[0].clone(), last[1].clone(), last[2].clone()),
        (Data::Float(2026.0), Data::Float(1.0), Data::Float(2.0))
    );
    let kreis = workbook.worksheet_range(&names[1]).unwrap();
    let cells: Vec<String> = kreis.rows().flat_map(|row| row.iter().map(|cell| cell.to_string())).collect();
    for written_out in ["Teilnehmende und Firmen", "Partnerseite", "läuft", "Reise zum Partner"] {
        assert!(cells.iter().any(|cell| cell == written_out), "{written_out:?} in {cells:?}");
    }
    assert!(!cells.iter().any(|cell| cell == "participant" || cell == "running"), "no stored keys: {cells:?}");
}

#[test]
fn a_written_report_is_kept_with_its_choices_and_written_again_alike() {
    let conn = demo();
    let choices = ReportChoices { foreword: "  Bericht an den Kreistag  ".into(), ..of_year(2026) };
    let first = render_report(&conn, &choices, ReportFormat::Xlsx, Language::De).unwrap();
    let written = record_report(&conn, &choices, ReportFormat::Xlsx, Language::De).unwrap();
    assert_eq!(
        (written.year, written.foreword.as_str(), written.format),
        (2026, "Bericht an den Kreistag", ReportFormat::Xlsx)
    );
    assert_eq!(written_reports(&conn, 10).unwrap(), std::slice::from_ref(&written));
    let again = render_report(&conn, &written.choices(), written.format, written.language).unwrap();
    let read = |bytes: Vec<u8>| {
        use calamine::{Reader, Xlsx};
        let mut book = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        book.worksheets()
            .into_iter()
            .map(|(name, range)| (name, format!("{:?}", range.rows().collect::<Vec<_>>())))
            .collect::<Vec<_>>()
    };
    assert_eq!(read(first), read(again), "the same data and choices write the same figures");
}

/// What a poppler tool prints for `pdf`, read from a temporary file.
#[cfg(feature = "pdf")]
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = std::process::Command::new(tool)
        .args(args)
        .arg(&path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    assert!(output.status.success(), "{tool}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_is_archival_and_holds_the_foreword_the_charts_and_every_partnership() {
    let conn = demo();
    let choices = ReportChoices { foreword: "Sehr geehrte Damen und Herren des Kreistags,".into(), ..of_year(2026) };
    let pdf = render_report(&conn, &choices, ReportFormat::Pdf, Language::De).unwrap();
    let meta = poppler("pdfinfo", &["-meta"], &pdf);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "PDF/A-2 in the XMP metadata: {meta}");
    assert!(meta.contains("<pdfaid:conformance>B</pdfaid:conformance>"), "{meta}");
    let text = poppler("pdftotext", &["-layout"], &pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Partnerschaftsbericht 2026",
        "Sehr geehrte Damen und Herren des Kreistags,",
        "Das Jahr im Überblick",
        "Reisen je Jahr und Partnerschaft",
        "Ausreisen und Empfänge",
        "Die letzten zehn Jahre",
        "Kreis Düren – Jinhua (Städteregion)",
        "1 × Landrat (CDU)",
        "Wirtschaftsregion Kaiserslautern (WFK) – Yangzhou",
    ] {
        assert!(text.contains(expected), "{expected:?} missing in:\n{text}");
    }
    let en = render_report(&conn, &of_year(2026), ReportFormat::Pdf, Language::En).unwrap();
    assert!(poppler("pdftotext", &[], &en).contains("The year at a glance"));
}

#[test]
fn a_trip_left_out_takes_its_travellers_costs_and_gifts_out_of_the_report() {
    let conn = demo();
    let all = annual_report(&conn, &of_year(2026)).unwrap();
    let kreis = all.partnerships.iter().find(|p| p.partnership.label.starts_with("Kreis Düren")).unwrap();
    let trip = &kreis.trips[0];
    let trip_costs: i64 = kreis.costs.iter().map(|cost| cost.actual_cents).sum();
    let choices = ReportChoices { left_out_items: vec![trip.id.clone()], ..of_year(2026) };
    let report = annual_report(&conn, &choices).unwrap();
    let part = report.partnerships.iter().find(|p| p.partnership.id == kreis.partnership.id).unwrap();
    assert!(part.trips[0].left_out, "listed for the window, marked");
    assert!(part.gifts_received.iter().chain(&part.gifts_given).all(|gift| gift.left_out), "its gifts with it");
    assert!(part.costs.is_empty(), "{:?}", part.costs);
    assert_eq!(part.figures.trips_outgoing, 0);
    let t = &report.totals;
    assert_eq!((t.trips_outgoing, t.trips_incoming), (0, 2), "the whole office without it");
    assert_eq!(t.travellers, all.totals.travellers - 8);
    assert_eq!(t.cost_cents, all.totals.cost_cents - trip_costs);
    assert_eq!(t.gifts_given, all.totals.gifts_given - 2);
    assert_eq!(report.years[..9], all.years[..9], "earlier years are not touched");

    let written = record_report(&conn, &choices, ReportFormat::Xlsx, Language::De).unwrap();
    assert_eq!(written.choices().left_out_items, std::slice::from_ref(&trip.id));
    #[cfg(feature = "pdf")]
    {
        let text = poppler("pdftotext", &[], &render_report(&conn, &choices, ReportFormat::Pdf, Language::De).unwrap());
        assert!(!text.contains(&trip.title) && !text.contains("Teeservice"), "neither the trip nor its gifts:\n{text}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_report_carries_the_public_list_of_gifts_with_their_decisions() {
    let conn = demo();
    conn.execute(
        "UPDATE gifts SET decision = 'museum', decided_by = 'Landrat', published = 1 WHERE description LIKE 'Seidenmalerei%'",
        [],
    )
    .unwrap();
    let report = annual_report(&conn, &of_year(2026)).unwrap();
    let painting = report
        .partnerships
        .iter()
        .flat_map(|p| &p.gifts_received)
        .find(|gift| gift.description.starts_with("Seidenmalerei"))
        .unwrap();
    assert_eq!((painting.decision, painting.published), (Some(crate::gifts::GiftDecision::Museum), true));
    let text = poppler(
        "pdftotext",
        &["-layout"],
        &render_report(&conn, &of_year(2026), ReportFormat::Pdf, Language::De).unwrap(),
    );
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Öffentliche Liste der angenommenen Geschenke 2026"), "{text}");
    assert!(text.contains("An ein Museum übergeben"), "the decision: {text}");
    let none =
        poppler("pdftotext", &[], &render_report(&conn, &of_year(2025), ReportFormat::Pdf, Language::De).unwrap());
    assert!(none.contains("Keine Geschenke zur Veröffentlichung."));
}
