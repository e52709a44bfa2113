//! A select_multiple whose choices are the roster's names (`select_multiple ${member_name}`):
//! its `0`/`1` columns are the names selected over the exported submissions, first seen first,
//! in every table format and by the streamed path alike; the bundle keeps the answer as is.

use std::collections::HashSet;

use xonadon_export::csv_zip::CsvZip;
use xonadon_export::stream::{self, Quiet};
use xonadon_export::xlsx;
use xonadon_storage::{MemoryRepository, Repository};

use super::*;

const ROSTER: &str = include_str!("../forms/roster_select.json");

/// A household of `members` (names), with the answers `(path, value)` set after them.
fn household(id: &str, members: &[&str], answers: &[(&str, &str)]) -> Submission {
    let form = Arc::new(xonadon_engine::load(ROSTER).expect("the roster form loads"));
    let mut i = Instance::new(form, Arc::new(FixedHost::new(1.7e12, 300)));
    let repeat = i.find("/members").unwrap();
    while i.instances(repeat).len() < members.len() {
        i.add_repeat(repeat, None).unwrap();
    }
    for (k, name) in members.iter().enumerate() {
        let node = i.find(&format!("/members[{}]/member_name", k + 1)).unwrap();
        i.set_value(node, name).unwrap();
    }
    for (path, value) in answers {
        let node = i.find(path).unwrap();
        i.set_value(node, value).unwrap();
    }
    Submission {
        instance_id: format!("uuid:{id}"),
        form_id: "roster".into(),
        form_version: "1".into(),
        data: i.submission(),
        started_at_ms: 1_764_140_000_000.0,
        finalized_at_ms: 1_764_143_112_345.0,
        enumerator: "Малика Раҳимова".into(),
        device_id: "tablet-7".into(),
        title: None,
        review: Review::default(),
        exports: Vec::new(),
    }
}

/// Two households with different members: `a` selects two of its three, `b` one of its own
/// and one name `a` has too.
fn households() -> (Submission, Submission) {
    let a = household(
        "a",
        &["Азиз", "Дилноза", "Малика"],
        &[
            // Given out of order: the engine keeps roster order.
            ("/pension", "Малика Азиз"),
            ("/members[1]/cares_for", "Дилноза"),
            ("/needs", "fuel"),
        ],
    );
    let b = household(
        "b",
        &["Bobur", "Азиз"],
        &[
            ("/pension", "Азиз Bobur"),
            ("/members[2]/cares_for", "Bobur"),
        ],
    );
    (a, b)
}

fn form() -> Form {
    xonadon_engine::load(ROSTER).expect("the roster form loads")
}

#[test]
fn the_engine_holds_the_selected_names_in_roster_order() {
    let (a, b) = households();
    assert_eq!(a.data["pension"], "Азиз Малика");
    assert_eq!(b.data["pension"], "Bobur Азиз");
}

#[test]
fn a_select_over_answers_gets_a_column_per_selected_name_first_seen_first() {
    let form = form();
    let (a, b) = households();
    let layout = Layout::new(&form, "roster", Options::default());
    assert!(layout.learns_choices());
    let zip = csv_zip::write(Cursor::new(Vec::new()), &[(layout, vec![&a, &b])], &[])
        .unwrap()
        .into_inner();
    let files = csv_files(&zip);
    let root = &files[0].1;
    let headers: Vec<&str> = root[0].iter().map(String::as_str).collect();
    assert_eq!(
        headers[..7],
        [
            "SubmissionDate",
            "pension",
            "pension/Азиз",
            "pension/Малика",
            "pension/Bobur",
            "needs",
            "needs/food",
        ],
        "Дилноза, never selected, has no column"
    );
    assert_eq!(
        [1, 2].map(|r| [
            cell(root, r, "pension/Азиз"),
            cell(root, r, "pension/Малика"),
            cell(root, r, "pension/Bobur")
        ]),
        [["1", "1", "0"], ["1", "0", "1"]]
    );
    assert_eq!(
        cell(root, 1, "needs/fuel"),
        "1",
        "a list's columns as before"
    );

    let members = &files[1].1;
    assert_eq!(
        members[0],
        [
            "member_name",
            "cares_for",
            "cares_for/Дилноза",
            "cares_for/Bobur",
            "PARENT_KEY",
            "KEY"
        ]
    );
    assert_eq!(
        members[1..]
            .iter()
            .map(|r| r[..4].to_vec())
            .collect::<Vec<_>>(),
        [
            ["Азиз", "Дилноза", "1", "0"],
            ["Дилноза", "", "0", "0"],
            ["Малика", "", "0", "0"],
            ["Bobur", "", "0", "0"],
            ["Азиз", "Bobur", "0", "1"],
        ]
    );
}

#[test]
fn the_learned_columns_follow_the_order_of_the_submissions() {
    let form = form();
    let (a, b) = households();
    let layout = Layout::new(&form, "roster", Options::default());
    let learned = layout.learned(&[&b, &a]);
    assert_eq!(
        learned.headers(0)[1..5],
        ["pension", "pension/Bobur", "pension/Азиз", "pension/Малика"]
    );
    assert_eq!(
        layout.headers(0)[1..3],
        ["pension", "needs"],
        "nothing learned yet: the whole answer only"
    );
}

#[test]
fn by_labels_the_names_are_their_own_labels() {
    let form = form();
    let (a, b) = households();
    let options = Options {
        labels: Some("ru".into()),
    };
    let layout = Layout::new(&form, "roster", options);
    let zip = csv_zip::write(Cursor::new(Vec::new()), &[(layout, vec![&a, &b])], &[])
        .unwrap()
        .into_inner();
    let root = &csv_files(&zip)[0].1;
    assert_eq!(cell(root, 1, "Пенсия"), "Азиз, Малика");
    assert_eq!(cell(root, 1, "Пенсия/Малика"), "1");
    assert_eq!(cell(root, 2, "Пенсия/Bobur"), "1");
    assert_eq!(
        cell(root, 2, "Нужды/Топливо"),
        "0",
        "a list's labels as before"
    );
}

#[test]
fn a_workbook_and_a_streamed_export_learn_the_same_columns() {
    let form = form();
    let (a, b) = households();
    let parts = || {
        vec![(
            Layout::new(&form, "roster", Options::default()),
            vec![&a, &b],
        )]
    };
    let csv = csv_files(
        &csv_zip::write(Cursor::new(Vec::new()), &parts(), &[])
            .unwrap()
            .into_inner(),
    );
    let book = xlsx_sheets(&xlsx::write(&parts()).unwrap());
    assert_eq!(book[0].1[0], csv[0].1[0], "the workbook's headers");

    let repo = MemoryRepository::new();
    futures::executor::block_on(async {
        for s in [&b, &a] {
            repo.put_submission(s).await.unwrap();
        }
    });
    let ids: HashSet<String> = ["uuid:a", "uuid:b"].map(String::from).into();
    let layouts = [(
        Layout::new(&form, "roster", Options::default()),
        ("roster".to_string(), "1".to_string()),
    )];
    let mut zip = CsvZip::streaming(Vec::new());
    futures::executor::block_on(stream::tables(&repo, &layouts, &ids, &mut zip, &mut Quiet))
        .unwrap();
    let streamed = csv_files(&zip.finish().unwrap().into_inner());
    assert_eq!(
        streamed, csv,
        "read from the repository in instance id order: a, b"
    );
}

#[test]
fn the_bundle_keeps_the_answer_as_the_engine_holds_it() {
    let (a, b) = households();
    let record = FormRecord {
        form_id: "roster".into(),
        version: "1".into(),
        title: "Roster".into(),
        json: ROSTER.into(),
        added_at_ms: 1.0,
    };
    let forms = [BundleForm::from_record(&record).unwrap()];
    let subs = [
        BundleSubmission::new(&a, Vec::new()),
        BundleSubmission::new(&b, Vec::new()),
    ];
    let bytes = bundle::write(&forms, &subs, "tablet-7", 1.0).unwrap();
    let read = bundle::read("tablet-7.json", &bytes).unwrap();
    assert_eq!(read.submissions[1].submission.data["pension"], "Bobur Азиз");
    assert_eq!(
        read.submissions[0].submission.data["members"][0]["cares_for"],
        "Дилноза"
    );
}
