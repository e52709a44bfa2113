//! Bundles, merging and CSV tables on a form with nested repeats, several languages, a
//! select_multiple, a geopoint, a note, a calculation and a relevance rule, filled through the
//! engine (so irrelevant answers are left out exactly as it decides), with Cyrillic text and
//! commas, quotes and line breaks in answers.

use std::io::{Cursor, Read};
use std::sync::Arc;

use xonadon_engine::{FixedHost, Form, Instance};
use xonadon_export::bundle::{self, BundleForm, BundleMedia, BundleSubmission};
use xonadon_export::keys::{SupervisorIdentity, Supervisors};
use xonadon_export::merge::{self, Collection, ImportReport, Trust};
use xonadon_export::signature::{self, Refusal};
use xonadon_export::table::{Layout, Options};
use xonadon_export::{csv_zip, ExportError};
use xonadon_storage::{FormRecord, Review, ReviewComment, ReviewStatus, Submission};

const FORM: &str = include_str!("forms/visits.json");

fn form() -> Arc<Form> {
    Arc::new(xonadon_engine::load(FORM).expect("the test form loads"))
}

fn record() -> FormRecord {
    FormRecord {
        form_id: "visits".into(),
        version: "2".into(),
        title: "Visits".into(),
        json: FORM.into(),
        added_at_ms: 1.0,
    }
}

/// A household filled through the engine: `(path, value)` answers after `members` members,
/// each with `illnesses[k]` illnesses.
fn filled(id: &str, answers: &[(&str, &str)], illnesses: &[usize]) -> Submission {
    let mut i = Instance::new(form(), Arc::new(FixedHost::new(1.7e12, 300)));
    let members = i.find("/members").unwrap();
    // pyxform's one instance at the start
    while i.instances(members).len() < illnesses.len() {
        i.add_repeat(members, None).unwrap();
    }
    for (m, &n) in illnesses.iter().enumerate() {
        let container = i.find(&format!("/members[{}]/illnesses", m + 1)).unwrap();
        while i.instances(container).len() < n {
            i.add_repeat(container, None).unwrap();
        }
    }
    for (path, value) in answers {
        let node = i.find(path).unwrap();
        i.set_value(node, value).unwrap();
    }
    Submission {
        instance_id: format!("uuid:{id}"),
        form_id: "visits".into(),
        form_version: "2".into(),
        data: i.submission(),
        started_at_ms: 1_764_140_000_000.0,
        finalized_at_ms: 1_764_143_112_345.0,
        enumerator: "Малика Раҳимова".into(),
        device_id: "tablet-7".into(),
        title: Some("Aziz".into()),
        review: Review::default(),
        exports: Vec::new(),
    }
}

fn household_a() -> Submission {
    filled(
        "a",
        &[
            ("/head", "Азиз Каримов"),
            ("/consent", "yes"),
            ("/home/needs", "food school"),
            ("/home/gps", "41.3111 69.2797 455 12"),
            ("/home/remarks", "Roof leaks, \"badly\"\nsince spring"),
            ("/members[1]/name", "Азиз"),
            ("/members[1]/age", "41"),
            ("/members[1]/illnesses[1]/illness", "asthma"),
            ("/members[1]/illnesses[2]/illness", "diabetes, type 2"),
            ("/members[2]/name", "Дилноза"),
            ("/members[2]/age", "9"),
        ],
        &[2, 0],
    )
}

fn household_b() -> Submission {
    // No consent: the whole `home` group is irrelevant, its answers left out.
    filled(
        "b",
        &[
            ("/head", "Bobur"),
            ("/home/needs", "clothes"),
            ("/consent", "no"),
            ("/members[1]/name", "Bobur"),
        ],
        &[0],
    )
}

fn bundle_of(subs: &[Submission], at: f64) -> Vec<u8> {
    let forms = [BundleForm::from_record(&record()).unwrap()];
    let subs: Vec<_> = subs
        .iter()
        .map(|s| BundleSubmission::new(s, Vec::new()))
        .collect();
    bundle::write(&forms, &subs, "tablet-7", at).unwrap()
}

#[test]
fn the_engine_leaves_irrelevant_answers_out() {
    let b = household_b();
    assert!(b.data.get("home").is_none(), "{}", b.data);
    let a = household_a();
    assert_eq!(a.data["home"]["needs"], "food school");
    assert_eq!(a.data["size"], "2");
}

#[test]
fn a_bundle_reads_back_as_written_and_round_trips_byte_for_byte() {
    let photo = BundleMedia {
        name: "a-roof.jpg".into(),
        mime: "image/jpeg".into(),
        base64: vec![0xFF, 0xD8, 0xFF, 0x00, 0x10],
    };
    let mut a = household_a();
    a.review = Review {
        status: ReviewStatus::HasIssues,
        comments: vec![ReviewComment {
            at_ms: 1_764_200_000_000.0,
            by: "Supervisor".into(),
            status: ReviewStatus::HasIssues,
            text: "Check the ages".into(),
        }],
        signature: None,
    };
    let supervisor = SupervisorIdentity::generate("Supervisor");
    a.review = signature::sign(&supervisor, &a);
    a.exports.push(xonadon_storage::ExportRecord {
        at_ms: 5.0,
        format: "csv".into(),
    });
    let forms = [BundleForm::from_record(&record()).unwrap()];
    let subs = [
        BundleSubmission::new(&a, vec![photo]),
        BundleSubmission::new(&household_b(), Vec::new()),
    ];
    let bytes = bundle::write(&forms, &subs, "tablet-7", 1_764_300_000_000.0).unwrap();
    let read = bundle::read("tablet-7.json", &bytes).unwrap();
    assert_eq!(read.forms, forms);
    assert_eq!(read.submissions, subs);
    assert!(
        read.submissions[0].submission.exports.is_empty(),
        "export history stays on the exporting device"
    );
    assert_eq!(read.manifest.device_id, "tablet-7");
    assert_eq!(read.manifest.submissions.len(), 2);

    // Imported elsewhere and exported again (same time, same device): the same bytes.
    let mut c = Collection::trusting(Supervisors(vec![supervisor.public()]));
    c.import(&read).unwrap();
    let again = bundle::write(
        &c.form_list(),
        &c.submission_list(),
        "tablet-7",
        1_764_300_000_000.0,
    )
    .unwrap();
    assert_eq!(
        String::from_utf8(again).unwrap(),
        String::from_utf8(bytes).unwrap()
    );
    // The definition survives as the engine loads it.
    let form = &read.forms[0];
    xonadon_engine::load(&form.to_record(2.0).json).expect("the bundled form loads");
}

#[test]
fn damaged_bundles_are_refused_whole_with_the_file_named() {
    let good = bundle_of(&[household_a(), household_b()], 10.0);
    let text = String::from_utf8(good.clone()).unwrap();

    let edited = text.replacen("Азиз Каримов", "Азиз Каримоф", 1);
    match bundle::read("t1.json", edited.as_bytes()) {
        Err(e @ ExportError::Tampered { .. }) => {
            assert!(
                matches!(&e, ExportError::Tampered { file, submission: None } if file == "t1.json")
            );
            assert!(
                e.to_string()
                    .starts_with("t1.json: its content does not match"),
                "{e}"
            );
        }
        other => panic!("{other:?}"),
    }

    let truncated = &good[..good.len() / 2];
    match bundle::read("t2.json", truncated) {
        Err(e @ ExportError::Malformed { .. }) => {
            let message = e.to_string();
            assert!(
                message.starts_with("t2.json: not a Xonadon bundle"),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }

    let newer = text.replacen("\"version\":1,", "\"version\":7,", 1);
    assert!(matches!(
        bundle::read("t3.json", newer.as_bytes()),
        Err(ExportError::UnsupportedVersion {
            found: 7,
            supported: 1,
            ..
        })
    ));

    assert!(matches!(
        bundle::read("photo.jpg", b"\xFF\xD8\xFF"),
        Err(ExportError::Malformed { .. })
    ));
    assert!(matches!(
        bundle::read("other.json", br#"{"format":"kobo","version":1}"#),
        Err(ExportError::Malformed { .. })
    ));

    // A submission's sum edited along with the content sum: still caught, by submission.
    let read = bundle::read("ok.json", &good).unwrap();
    let sum_a = &read.manifest.submissions[0].sha256;
    let forged = text.replacen(sum_a, &"0".repeat(64), 1);
    match bundle::read("t4.json", forged.as_bytes()) {
        Err(ExportError::Tampered { submission, .. }) => {
            assert_eq!(submission.as_deref(), Some("uuid:a"))
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn bundles_from_two_tablets_merge_by_instance_id() {
    let a = household_a();
    let b = household_b();
    let tablet1 = bundle::read("tablet1.json", &bundle_of(&[a.clone(), b.clone()], 1.0)).unwrap();

    let mut a_reviewed = a.clone();
    a_reviewed.review.status = ReviewStatus::Approved;
    a_reviewed.review.comments.push(ReviewComment {
        at_ms: 2.0,
        by: "Supervisor".into(),
        status: ReviewStatus::Approved,
        text: "Fine".into(),
    });
    let supervisor = SupervisorIdentity::generate("Supervisor");
    a_reviewed.review = signature::sign(&supervisor, &a_reviewed);
    let mut b_changed = b.clone();
    b_changed.data["head"] = "Bobur Aliev".into();
    let c = filled("c", &[("/head", "Камола")], &[1]);
    let tablet2 = bundle::read(
        "tablet2.json",
        &bundle_of(
            &[a_reviewed.clone(), b_changed.clone(), c.clone(), a.clone()],
            3.0,
        ),
    )
    .unwrap();

    let mut all = Collection::trusting(Supervisors(vec![supervisor.public()]));
    let r1 = all.import(&tablet1).unwrap();
    assert_eq!(
        r1,
        ImportReport {
            new_forms: 1,
            added: 2,
            ..Default::default()
        }
    );
    let r2 = all.import(&tablet2).unwrap();
    assert_eq!(
        r2,
        ImportReport {
            new_forms: 0,
            added: 1,
            duplicates: 1,
            review_updates: 1,
            conflicts: 1,
            refused_reviews: 0,
        }
    );
    assert_eq!(all.submissions.len(), 3);
    assert_eq!(
        all.submissions["uuid:a"].submission.review.status,
        ReviewStatus::Approved,
        "the newer review travels"
    );
    assert_eq!(
        all.submissions["uuid:b"].submission, b,
        "the held copy stays"
    );
    assert_eq!(all.conflicts.len(), 1);
    assert_eq!(
        all.conflicts[0].submission, b_changed,
        "the other is kept beside it"
    );

    // Importing the same bundle again changes nothing.
    let before = all.clone();
    let r3 = all.import(&tablet1).unwrap();
    assert_eq!(r3.added + r3.review_updates + r3.conflicts, 0);
    assert_eq!(r3.duplicates, 2);
    assert_eq!(all, before);
}

/// A bundle holding one submission twice (a tablet exported, then a copy was appended) is
/// counted as the device would count it had the first copy been held: the same copy again is
/// a duplicate, a different one a conflict; nothing is refused for it.
#[test]
fn two_copies_in_one_bundle_merge_as_if_the_first_were_held() {
    let a = household_a();
    let mut a_changed = a.clone();
    a_changed.data["head"] = "Someone else".into();
    let bundle = bundle::read(
        "t.json",
        &bundle_of(&[a.clone(), a.clone(), a_changed], 1.0),
    )
    .unwrap();
    let mut all = Collection::default();
    let report = all.import(&bundle).unwrap();
    assert_eq!(
        report,
        ImportReport {
            new_forms: 1,
            added: 1,
            duplicates: 1,
            review_updates: 0,
            conflicts: 1,
            refused_reviews: 0,
        }
    );
    let plan = merge::plan(&bundle, |_| None, |_, _| false, Trust::Unchecked).unwrap();
    assert_eq!(
        plan.to_import("t.json", 5.0).submissions.len(),
        1,
        "one copy is written: a second would make the whole import fail"
    );
}

/// A form new to the device that does not load is refused with the bundle: stored, it would
/// make every later export of its version fail.
#[test]
fn a_bundle_with_a_form_that_does_not_load_is_refused() {
    let mut broken = record();
    broken.json = r#"{"settings": {"form_id": "visits", "version": "2"}, "survey": [{"type": "integer", "name": "n", "relevant": "${nope} > 1"}]}"#.into();
    let forms = [BundleForm::from_record(&broken).unwrap()];
    let bytes = bundle::write(&forms, &[], "tablet-7", 1.0).unwrap();
    let bundle = bundle::read("t.json", &bytes).unwrap();
    let err = merge::plan(&bundle, |_| None, |_, _| false, Trust::Unchecked).unwrap_err();
    assert!(
        matches!(&err, ExportError::BadForm { form_id, .. } if form_id == "visits"),
        "{err}"
    );
    assert!(err.to_string().contains("nope"), "{err}");
    assert!(
        merge::plan(&bundle, |_| None, |_, _| true, Trust::Unchecked).is_ok(),
        "a version already held is not loaded again"
    );
}

/// What a device writes for an import: new submissions' photos under their names, a
/// conflicting copy's photos waiting under the conflict (never over the held photo).
#[test]
fn an_import_keeps_the_photos_of_new_and_conflicting_copies() {
    let photo = |name: &str, byte: u8| BundleMedia {
        name: name.into(),
        mime: "image/jpeg".into(),
        base64: vec![0xFF, 0xD8, byte],
    };
    let held = household_b();
    let mut changed = held.clone();
    changed.data["head"] = "Bobur Aliev".into();
    let new = household_a();
    let forms = [BundleForm::from_record(&record()).unwrap()];
    let subs = [
        BundleSubmission::new(&new, vec![photo("a.jpg", 1)]),
        BundleSubmission::new(&changed, vec![photo("b.jpg", 2)]),
    ];
    let bytes = bundle::write(&forms, &subs, "tablet-2", 4.0).unwrap();
    let read = bundle::read("tablet2.json", &bytes).unwrap();
    let plan = merge::plan(
        &read,
        |id| (id == held.instance_id).then(|| held.clone()),
        |_, _| true,
        Trust::Unchecked,
    )
    .unwrap();
    let import = plan.to_import("tablet2.json", 5.0);
    assert_eq!(import.conflicts.len(), 1);
    let conflict = &import.conflicts[0].id;
    assert_eq!(conflict, "uuid:b@5");
    let media: Vec<(&str, &str, u8)> = import
        .media
        .iter()
        .map(|m| (m.name.as_str(), m.draft_id.as_str(), m.bytes[2]))
        .collect();
    assert_eq!(
        media,
        [("a.jpg", "uuid:a", 1), ("uuid:b@5/b.jpg", "uuid:b@5", 2)]
    );
}

#[test]
fn a_bundle_without_its_form_is_refused() {
    let text = String::from_utf8(bundle_of(&[household_a()], 1.0)).unwrap();
    // Rebuild it without forms, properly summed: a bundle another tool might write.
    let read = bundle::read("x.json", text.as_bytes()).unwrap();
    let bytes = bundle::write(&[], &read.submissions, "t", 1.0).unwrap();
    let read = bundle::read("noform.json", &bytes).unwrap();
    let mut c = Collection::default();
    let err = c.import(&read).unwrap_err();
    assert!(
        err.to_string()
            .contains("its form visits version 2 is missing"),
        "{err}"
    );
    assert!(c.submissions.is_empty(), "nothing was imported");
}

fn csv_files(zip: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    let mut out = Vec::new();
    for k in 0..archive.len() {
        let mut f = archive.by_index(k).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if !f.name().ends_with(".csv") {
            out.push((
                f.name().to_string(),
                vec![vec![format!("{} bytes", bytes.len())]],
            ));
            continue;
        }
        assert!(
            bytes.starts_with(csv_zip::BOM),
            "{} starts with a BOM",
            f.name()
        );
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[3..]);
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect();
        out.push((f.name().to_string(), rows));
    }
    out
}

fn cell<'a>(rows: &'a [Vec<String>], row: usize, header: &str) -> &'a str {
    let col = rows[0]
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header} in {:?}", rows[0]));
    &rows[row][col]
}

#[test]
fn csv_tables_by_name_link_repeats_by_key() {
    let form = form();
    let (a, b) = (household_a(), household_b());
    let layout = Layout::new(&form, "visits", Options::default());
    let zip = csv_zip::write(
        Cursor::new(Vec::new()),
        &[(layout, vec![&a, &b])],
        &[("a-roof.jpg".to_string(), vec![1, 2, 3])],
    )
    .unwrap()
    .into_inner();
    let files = csv_files(&zip);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "visits.csv",
            "visits-members.csv",
            "visits-illnesses.csv",
            "media/a-roof.jpg"
        ]
    );
    let root = &files[0].1;
    assert_eq!(
        root[0],
        [
            "SubmissionDate",
            "head",
            "consent",
            "home-needs",
            "home-needs/food",
            "home-needs/clothes",
            "home-needs/school",
            "home-gps",
            "home-gps-Latitude",
            "home-gps-Longitude",
            "home-gps-Altitude",
            "home-gps-Accuracy",
            "home-remarks",
            "size",
            "meta-instanceID",
            "meta-instanceName",
            "KEY",
            "SubmitterName",
            "DeviceID",
            "FormVersion",
            "StartTime",
            "ReviewState",
            "ReviewComments"
        ]
    );
    assert_eq!(root.len(), 3, "a header and one row per submission");
    assert_eq!(cell(root, 1, "SubmissionDate"), "2025-11-26T07:45:12.345Z");
    assert_eq!(cell(root, 1, "head"), "Азиз Каримов");
    assert_eq!(cell(root, 1, "home-needs"), "food school");
    assert_eq!(cell(root, 1, "home-needs/food"), "1");
    assert_eq!(cell(root, 1, "home-needs/clothes"), "0");
    assert_eq!(
        cell(root, 1, "home-gps-Accuracy"),
        "12.0",
        "as the engine holds it"
    );
    assert_eq!(
        cell(root, 1, "home-remarks"),
        "Roof leaks, \"badly\"\nsince spring"
    );
    assert_eq!(cell(root, 1, "size"), "2");
    assert_eq!(cell(root, 1, "KEY"), "uuid:a");
    assert_eq!(cell(root, 1, "SubmitterName"), "Малика Раҳимова");
    assert_eq!(cell(root, 1, "ReviewState"), "pending");
    // Irrelevant (no consent): empty, the 0/1 columns too.
    assert_eq!(cell(root, 2, "home-needs"), "");
    assert_eq!(cell(root, 2, "home-needs/clothes"), "");
    assert_eq!(cell(root, 2, "consent"), "no");

    let members = &files[1].1;
    assert_eq!(members[0], ["name", "age", "PARENT_KEY", "KEY"]);
    assert_eq!(
        &members[1..],
        [
            ["Азиз", "41", "uuid:a", "uuid:a/members[1]"],
            ["Дилноза", "9", "uuid:a", "uuid:a/members[2]"],
            ["Bobur", "", "uuid:b", "uuid:b/members[1]"],
        ]
    );
    let illnesses = &files[2].1;
    assert_eq!(illnesses[0], ["illness", "PARENT_KEY", "KEY"]);
    assert_eq!(
        &illnesses[1..],
        [
            [
                "asthma",
                "uuid:a/members[1]",
                "uuid:a/members[1]/illnesses[1]"
            ],
            [
                "diabetes, type 2",
                "uuid:a/members[1]",
                "uuid:a/members[1]/illnesses[2]"
            ],
            // The first member of a new form starts with one (empty) illness, as in ODK.
            ["", "uuid:b/members[1]", "uuid:b/members[1]/illnesses[1]"],
        ]
    );
}

#[test]
fn csv_tables_by_label_in_a_language() {
    let form = form();
    let a = household_a();
    let layout = Layout::new(
        &form,
        "visits",
        Options {
            labels: Some("uz-Cyrl".into()),
        },
    );
    let zip = csv_zip::write(Cursor::new(Vec::new()), &[(layout, vec![&a])], &[])
        .unwrap()
        .into_inner();
    let files = csv_files(&zip);
    let root = &files[0].1;
    assert_eq!(cell(root, 1, "Хонадон бошлиғи"), "Азиз Каримов");
    assert_eq!(cell(root, 1, "Розилик"), "Ҳа");
    assert_eq!(cell(root, 1, "Эҳтиёжлар"), "Озиқ-овқат, Ўқув қуроллари");
    assert_eq!(cell(root, 1, "Эҳтиёжлар/Кийим"), "0");
    assert_eq!(cell(root, 1, "Эҳтиёжлар/Озиқ-овқат"), "1");
    assert_eq!(files[1].1[0], ["Исм", "Ёши", "PARENT_KEY", "KEY"]);
}

#[test]
fn xlsx_sheets_hold_the_csv_tables() {
    let form = form();
    let (a, b) = (household_a(), household_b());
    let parts = || {
        vec![(
            Layout::new(&form, "visits", Options::default()),
            vec![&a, &b],
        )]
    };
    let csv = csv_files(
        &csv_zip::write(Cursor::new(Vec::new()), &parts(), &[])
            .unwrap()
            .into_inner(),
    );
    let xlsx = xlsx_sheets(&xonadon_export::xlsx::write(&parts()).unwrap());
    let names: Vec<&str> = xlsx.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["visits", "visits-members", "visits-illnesses"]);
    for ((name, rows), (sheet, cells)) in csv.iter().zip(&xlsx) {
        assert_eq!(name.trim_end_matches(".csv"), sheet);
        // calamine stops a row at its last written cell; CSV rows are padded with "".
        let padded: Vec<Vec<String>> = cells
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.resize(rows[0].len(), String::new());
                r
            })
            .collect();
        assert_eq!(&padded, rows, "sheet {name}");
    }
}

/// Each sheet of a workbook, as calamine reads it: name and rows of cell texts.
fn xlsx_sheets(bytes: &[u8]) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(Cursor::new(bytes.to_vec())).expect("a workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("a sheet");
            let rows = range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect())
                .collect();
            (name, rows)
        })
        .collect()
}

mod streaming {
    use super::*;
    use std::collections::HashSet;
    use xonadon_export::csv_zip::CsvZip;
    use xonadon_export::stream::{self, Progress, Quiet};
    use xonadon_storage::{Media, MemoryRepository, Repository};

    fn repo_with(subs: &[Submission]) -> MemoryRepository {
        let repo = MemoryRepository::new();
        futures::executor::block_on(async {
            for s in subs {
                repo.put_submission(s).await.unwrap();
            }
            repo.put_media(&Media {
                name: "a-roof.jpg".into(),
                draft_id: "uuid:a".into(),
                mime: "image/jpeg".into(),
                bytes: vec![1, 2, 3],
            })
            .await
            .unwrap();
        });
        repo
    }

    #[test]
    fn streamed_tables_equal_the_tables_in_memory() {
        let form = form();
        let (a, b) = (household_a(), household_b());
        let c = filled("c", &[("/head", "Other form version")], &[1]);
        let mut c = c;
        c.form_version = "1".into(); // another version: not in these tables
        let repo = repo_with(&[a.clone(), b.clone(), c]);
        let ids: HashSet<String> = ["uuid:a", "uuid:b", "uuid:c"].map(String::from).into();
        let layouts = [(
            Layout::new(&form, "visits", Options::default()),
            ("visits".to_string(), "2".to_string()),
        )];
        let mut zip = CsvZip::streaming(Vec::new());
        futures::executor::block_on(stream::tables(&repo, &layouts, &ids, &mut zip, &mut Quiet))
            .unwrap();
        let streamed = zip.finish().unwrap().into_inner();
        let in_memory = csv_zip::write(
            Cursor::new(Vec::new()),
            &[(
                Layout::new(&form, "visits", Options::default()),
                vec![&a, &b],
            )],
            &[("a-roof.jpg".to_string(), vec![1, 2, 3])],
        )
        .unwrap()
        .into_inner();
        assert_eq!(csv_files(&streamed), csv_files(&in_memory));
    }

    #[test]
    fn a_streamed_workbook_equals_one_written_at_once() {
        let form = form();
        let (a, b) = (household_a(), household_b());
        let repo = repo_with(&[b.clone(), a.clone()]);
        let ids: HashSet<String> = ["uuid:a", "uuid:b"].map(String::from).into();
        let layouts = [(
            Layout::new(&form, "visits", Options::default()),
            ("visits".to_string(), "2".to_string()),
        )];
        let mut book = xonadon_export::xlsx::Xlsx::streaming(Vec::new());
        futures::executor::block_on(stream::tables(&repo, &layouts, &ids, &mut book, &mut Quiet))
            .unwrap();
        let streamed = book.finish().unwrap().into_inner();
        let at_once = xonadon_export::xlsx::write(&[(
            Layout::new(&form, "visits", Options::default()),
            vec![&a, &b],
        )])
        .unwrap();
        assert_eq!(xlsx_sheets(&streamed), xlsx_sheets(&at_once));
        assert_eq!(
            xlsx_sheets(&streamed)[1].1.len(),
            1 + 3,
            "a header and three members"
        );
    }

    #[test]
    fn a_streamed_bundle_equals_one_written_at_once() {
        let (a, b) = (household_a(), household_b());
        let repo = repo_with(&[b.clone(), a.clone()]);
        let ids: HashSet<String> = ["uuid:a", "uuid:b"].map(String::from).into();
        let forms = [BundleForm::from_record(&record()).unwrap()];
        let writer = bundle::BundleWriter::new(Vec::new(), &forms, "t", 1.0).unwrap();
        let streamed =
            futures::executor::block_on(stream::bundle(&repo, &ids, writer, &mut Quiet)).unwrap();
        let photo = xonadon_export::bundle::BundleMedia {
            name: "a-roof.jpg".into(),
            mime: "image/jpeg".into(),
            base64: vec![1, 2, 3],
        };
        let at_once = bundle::write(
            &forms,
            &[
                BundleSubmission::new(&a, vec![photo]),
                BundleSubmission::new(&b, Vec::new()),
            ],
            "t",
            1.0,
        )
        .unwrap();
        assert_eq!(streamed, at_once);
    }

    struct StopAfterFirstPage(usize);

    impl Progress for StopAfterFirstPage {
        fn step(&mut self, _done: usize, _total: usize) {
            self.0 += 1;
        }
        fn cancelled(&self) -> bool {
            self.0 >= 1
        }
    }

    #[test]
    fn an_export_can_be_cancelled() {
        let subs: Vec<Submission> = (0..450)
            .map(|k| {
                let mut s = household_b();
                s.instance_id = format!("uuid:{k:04}");
                s
            })
            .collect();
        let repo = repo_with(&subs);
        let ids: HashSet<String> = subs.iter().map(|s| s.instance_id.clone()).collect();
        let forms = [BundleForm::from_record(&record()).unwrap()];
        let writer = bundle::BundleWriter::new(Vec::new(), &forms, "t", 1.0).unwrap();
        let mut stop = StopAfterFirstPage(0);
        let result = futures::executor::block_on(stream::bundle(&repo, &ids, writer, &mut stop));
        assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
        assert_eq!(
            stop.0,
            1,
            "stopped after the first page of {}",
            stream::PAGE
        );
    }
}

#[path = "export/answer_choices.rs"]
mod answer_choices;

#[path = "export/sealed.rs"]
mod sealed;

#[path = "export/reviews.rs"]
mod reviews;

#[test]
fn a_label_that_shows_an_answer_names_the_question_in_the_header() {
    let form = xonadon_engine::load(
        r#"{"settings": {"form_id": "f", "version": "1"},
            "survey": [
              {"type": "begin_repeat", "name": "members", "label": "Members", "children": [
                {"type": "text", "name": "name", "label": {"en": "Name", "ru": "Имя"}},
                {"type": "integer", "name": "age", "label": {"en": "Age of ${name}", "ru": "Возраст: ${name}"}},
                {"type": "select_multiple needs", "name": "needs", "label": {"en": "Needs of ${name}", "ru": "Нужды: ${name}"}}
              ]}
            ],
            "choices": {"needs": [{"name": "food", "label": {"en": "Food for ${name}", "ru": "Еда"}}]}}"#,
    )
    .expect("the form loads");
    let headers = |lang: &str| {
        let layout = Layout::new(
            &form,
            "f",
            Options {
                labels: Some(lang.into()),
            },
        );
        layout
            .headers(1)
            .into_iter()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        headers("en")[..4],
        [
            "Name",
            "Age of [Name]",
            "Needs of [Name]",
            "Needs of [Name]/Food for [Name]"
        ]
    );
    assert_eq!(headers("ru")[1], "Возраст: [Имя]");
}

#[test]
fn a_forms_pictures_travel_with_it_and_are_stored_as_its_attachments() {
    let mut form = BundleForm::from_record(&record()).unwrap();
    form.media = vec![BundleMedia {
        name: "roof.png".into(),
        mime: "image/png".into(),
        base64: vec![1, 2, 3],
    }];
    let bytes = bundle::write(std::slice::from_ref(&form), &[], "designer", 1.0).unwrap();
    let read = bundle::read("for-tablets.json", &bytes).unwrap();
    assert_eq!(read.forms, [form.clone()], "the pictures are read back");
    assert!(read.submissions.is_empty());

    let plan = merge::plan(&read, |_| None, |_, _| false, Trust::Unchecked).unwrap();
    let import = plan.to_import("for-tablets.json", 2.0);
    assert_eq!(import.forms.len(), 1);
    let (id, version) = (&form.form_id, &form.version);
    assert_eq!(import.media.len(), 1);
    let stored = &import.media[0];
    assert_eq!(
        stored.name,
        xonadon_storage::Media::form_file(id, version, "roof.png")
    );
    assert_eq!(
        stored.draft_id,
        xonadon_storage::Media::form_owner(id, version)
    );
    assert_eq!(
        (stored.mime.as_str(), stored.bytes.as_slice()),
        ("image/png", &[1u8, 2, 3][..])
    );

    // A form the device holds already is not taken again, nor are its pictures.
    let held = merge::plan(&read, |_| None, |_, _| true, Trust::Unchecked).unwrap();
    assert!(held.to_import("again.json", 3.0).media.is_empty());

    // A bundle without them (older versions write none) reads as before.
    let plain = BundleForm::from_record(&record()).unwrap();
    let text = String::from_utf8(bundle::write(&[plain], &[], "t", 1.0).unwrap()).unwrap();
    assert!(!text.contains("\"media\""), "{text}");
}
