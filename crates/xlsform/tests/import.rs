//! Importing XLSForms written the way designers write them: what comes out, and what is
//! reported where.

mod support;

use serde_json::{json, Value};
use support::{xlsx, SheetRows};
use xonadon_engine::Severity;
use xonadon_xlsform::{import, Format, ImportError};

fn definition(json: &str) -> Value {
    serde_json::from_str(json).unwrap()
}

/// The import's errors, as the CLI prints them.
fn error_lines(imported: &xonadon_xlsform::Imported) -> Vec<String> {
    imported
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn groups_repeats_languages_and_choices() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &[
                    "type",
                    "name",
                    "label::English (en)",
                    "label::Русский (ru)",
                    "hint::English (en)",
                    "relevant",
                    "repeat_count",
                    "required",
                    "choice_filter",
                    "appearance",
                ],
                &[
                    "begin group",
                    "head",
                    "Head",
                    "Глава",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "field-list",
                ],
                &[
                    "text",
                    "head_name",
                    "Name",
                    "Имя",
                    "Full name",
                    "",
                    "",
                    "yes",
                    "",
                    "",
                ],
                &[
                    "integer",
                    "members_count",
                    "Members",
                    "Члены",
                    "",
                    "",
                    "",
                    "no",
                    "",
                    "",
                ],
                &["end group", "", "", "", "", "", "", "", "", ""],
                &[
                    "begin_repeat",
                    "members",
                    "Member",
                    "Член",
                    "",
                    "",
                    "${members_count}",
                    "",
                    "",
                    "",
                ],
                &["text", "member_name", "Name", "Имя", "", "", "", "", "", ""],
                &[
                    "select_one region",
                    "region",
                    "Region",
                    "Регион",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "minimal",
                ],
                &[
                    "select_one district",
                    "district",
                    "District",
                    "Район",
                    "",
                    "${region} != ''",
                    "",
                    "",
                    "region = ${region}",
                    "",
                ],
                &[
                    "begin repeat",
                    "jobs",
                    "Job",
                    "Работа",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                &[
                    "decimal",
                    "wage",
                    "Wage",
                    "Зарплата",
                    "",
                    "",
                    "",
                    "${member_name} != ''",
                    "",
                    "",
                ],
                &["end repeat", "", "", "", "", "", "", "", "", ""],
                &["end_repeat", "", "", "", "", "", "", "", "", ""],
                &[
                    "select_multiple needs or_other",
                    "needs",
                    "Needs",
                    "Нужды",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                ],
                &["today", "today", "", "", "", "", "", "", "", ""],
            ],
        ),
        (
            "choices",
            &[
                &[
                    "list_name",
                    "name",
                    "label::English (en)",
                    "label::Русский (ru)",
                    "region",
                ],
                &["region", "tashkent", "Tashkent", "Ташкент", ""],
                &["region", "khorezm", "Khorezm", "Хорезм", ""],
                &["district", "chilonzor", "Chilonzor", "Чиланзар", "tashkent"],
                &["district", "xiva", "Xiva", "Хива", "khorezm"],
                &["needs", "food", "Food", "Еда", ""],
                &["needs", "1", "One", "Один", ""],
            ],
        ),
        (
            "settings",
            &[
                &["form_title", "form_id", "version", "default_language"],
                &["Households", "hh", "2026112601", "English (en)"],
            ],
        ),
    ]);
    let imported = import("households.xlsx", &book).expect("imported");
    assert_eq!(imported.format, Format::Xlsx);
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let form = definition(&imported.json);
    assert_eq!(
        form["settings"],
        json!({"form_id": "hh", "version": "2026112601", "title": "Households", "default_language": "en"})
    );
    let survey = &form["survey"];
    assert_eq!(survey[0]["type"], "group");
    assert_eq!(survey[0]["appearance"], "field-list");
    assert_eq!(
        survey[0]["children"][0]["label"],
        json!({"en": "Name", "ru": "Имя"})
    );
    assert_eq!(survey[0]["children"][0]["hint"], json!({"en": "Full name"}));
    assert_eq!(survey[0]["children"][0]["required"], json!(true));
    assert_eq!(survey[0]["children"][1]["required"], json!(false));
    let members = &survey[1];
    assert_eq!(members["type"], "repeat");
    assert_eq!(members["repeat_count"], "${members_count}");
    assert_eq!(
        members["children"][2]["choice_filter"],
        "region = ${region}"
    );
    assert_eq!(members["children"][3]["type"], "repeat");
    assert_eq!(
        members["children"][3]["children"][0]["required"],
        "${member_name} != ''"
    );
    assert_eq!(survey[2]["type"], "select_multiple needs");
    assert_eq!(survey[3]["name"], "needs_other");
    assert_eq!(survey[3]["relevant"], "selected(${needs}, 'other')");
    assert_eq!(
        survey[4],
        json!({"type": "today", "name": "today"}),
        "metadata keeps its XLSForm type, which the engine fills in"
    );
    let choices = &form["choices"];
    assert_eq!(
        choices["district"][1],
        json!({"name": "xiva", "label": {"en": "Xiva", "ru": "Хива"}, "region": "khorezm"})
    );
    assert_eq!(
        choices["needs"][1]["name"], "1",
        "a number typed in Excel is its digits"
    );
    assert_eq!(
        choices["needs"][2],
        json!({"name": "other", "label": {"en": "Other", "ru": "Other"}})
    );
    // The engine loads it.
    xonadon_engine::load(&imported.json).expect("the engine loads the import");
}

#[test]
fn problems_name_sheet_row_and_column() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label", "relevant", "media::image"],
                &["text", "a", "A", "", "a.png"],
                &["texte", "b", "B", "", ""],
                &["integer", "a", "A again", "", ""],
                &["text", "c", "C", "${a = 1", ""],
                &["end group", "", "", "", ""],
                &["begin repeat", "r", "R", "", ""],
                &["select_one nolist", "d", "D", "", ""],
                &["text", "", "no name", "", ""],
                &["text", "e", "E", "${missing} = 1", ""],
                &["select_one_from_file places.txt", "f", "F", "", ""],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["yn", "yes", "Yes"],
                &["yn", "yes", "Yes again"],
            ],
        ),
    ]);
    let imported = import("messy.xlsx", &book).expect("imported despite its problems");
    let found: Vec<(Severity, &str, Option<u32>, Option<&str>)> = imported
        .problems
        .iter()
        .map(|p| (p.severity, p.sheet.as_str(), p.row, p.column.as_deref()))
        .collect();
    let expect = [
        (Severity::Warning, "survey", Some(2), Some("media::image")),
        (Severity::Error, "survey", Some(3), Some("type")),
        (Severity::Error, "survey", Some(4), Some("name")),
        (Severity::Error, "survey", Some(5), Some("relevant")),
        (Severity::Error, "survey", Some(6), Some("type")),
        (Severity::Error, "survey", Some(7), Some("type")),
        (Severity::Error, "survey", Some(9), Some("name")),
        (Severity::Error, "survey", Some(10), Some("relevant")),
        (Severity::Error, "survey", Some(11), Some("type")),
        (Severity::Error, "choices", Some(3), Some("name")),
    ];
    for e in expect {
        assert!(
            found.contains(&e),
            "{e:?} not among:\n{}",
            imported
                .problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
    let text: Vec<String> = imported.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("row 3") && t.contains("unknown type `texte`")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("row 4") && t.contains("already used at row 2")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("`yn` has the choice `yes` twice (rows 2 and 3)")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("row 7") && t.contains("never closed")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.contains("row 10") && t.contains("missing")),
        "{text:#?}"
    );
}

/// The engine's findings placed on rows carry the engine's finding, so the designer reads them
/// in their language; the import's own checks stay English.
#[test]
fn the_engines_findings_on_rows_read_in_russian() {
    use xonadon_engine::Lang;
    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label"],
                &["integer", "age", "Age"],
                &["texte", "b", "B"],
            ],
        ),
        (
            "choices",
            &[&["list_name", "name", "label"], &["spare", "a", "A"]],
        ),
        ("settings", &[&["form_id", "version"], &["f", "1"]]),
    ]);
    let imported = import("form.xlsx", &book).expect("imported despite its problems");
    let spare = imported
        .problems
        .iter()
        .find(|p| p.sheet == "choices" && p.row == Some(2))
        .expect("the unused list, on its first row");
    assert!(spare.engine.is_some(), "{spare:?}");
    assert_eq!(
        spare.message_in(Lang::Ru),
        "список вариантов `spare` не используется ни одним вопросом"
    );
    assert_eq!(spare.message_in(Lang::En), spare.message);
    let texte = imported
        .problems
        .iter()
        .find(|p| p.row == Some(3) && p.engine.is_none())
        .expect("the import's own finding on the unknown type");
    assert_eq!(texte.message_in(Lang::Ru), texte.message);
}

#[test]
fn fatal_problems_stop_the_import() {
    assert!(matches!(
        import("notes.xlsx", b"just some text"),
        Err(ImportError::NotAWorkbook { .. })
    ));
    let book = xlsx(&[("questions", &[&["type", "name"], &["text", "a"]])]);
    let err = import("f.xlsx", &book).unwrap_err();
    assert_eq!(
        err.to_string(),
        "f.xlsx has no `survey` sheet (its sheets: questions)"
    );
    let book = xlsx(&[("survey", &[&["kind", "name"], &["text", "a"]])]);
    let err = import("f.xlsx", &book).unwrap_err();
    assert!(err.to_string().contains("no `type` column"), "{err}");
    let mut truncated = xlsx(&[("survey", &[&["type", "name"], &["text", "a"]])]);
    truncated.truncate(truncated.len() / 2);
    assert!(matches!(
        import("half.xlsx", &truncated),
        Err(ImportError::Unreadable { .. })
    ));
}

#[test]
fn the_format_comes_from_the_content() {
    let book = xlsx(&[("survey", &[&["type", "name", "label"], &["text", "a", "A"]])]);
    let imported = import("old-name.xls", &book).unwrap();
    assert_eq!(imported.format, Format::Xlsx);
    assert!(imported.problems[0]
        .message
        .contains("an .xlsx workbook although named .xls"));
    assert_eq!(imported.definition.settings.form_id, "old-name");
}

/// A form goes out as an XLSForm and comes back the same: the built-in household form (four
/// languages, nested repeats, cascades over choice properties) and one imported from Excel.
#[test]
fn exported_forms_import_back_unchanged() {
    let json = include_str!("../../../forms/household.json");
    let original = xonadon_engine::FormDefinition::from_json(json).unwrap();
    let book = xonadon_xlsform::to_xlsform(&original).unwrap();
    let back = import("household.xlsx", &book).unwrap();
    assert_eq!(back.errors(), 0, "{:#?}", back.problems);
    assert_eq!(back.definition.survey, original.survey);
    assert_eq!(back.definition.choices, original.choices);
    let (s, o) = (&back.definition.settings, &original.settings);
    assert_eq!(
        (
            &s.form_id,
            &s.version,
            &s.default_language,
            &s.instance_name,
            &s.supervisor
        ),
        (
            &o.form_id,
            &o.version,
            &o.default_language,
            &o.instance_name,
            &o.supervisor
        )
    );

    let first = import(
        "visits.xlsx",
        &xlsx(&[
            (
                "survey",
                &[
                    &[
                        "type",
                        "name",
                        "label",
                        "required",
                        "repeat_count",
                        "default",
                    ],
                    &["integer", "n", "How many?", "yes", "", "2"],
                    &["begin repeat", "r", "Visit", "", "${n}", ""],
                    &["select_one yn or_other", "ok", "OK?", "", "", ""],
                    &["end repeat", "", "", "", "", ""],
                ],
            ),
            (
                "choices",
                &[&["list_name", "name", "label"], &["yn", "y", "Yes"]],
            ),
            ("settings", &[&["form_id", "version"], &["visits", "7"]]),
        ]),
    )
    .unwrap();
    assert_eq!(first.errors(), 0, "{:#?}", first.problems);
    let again = import(
        "visits-again.xlsx",
        &xonadon_xlsform::to_xlsform(&first.definition).unwrap(),
    )
    .unwrap();
    assert_eq!(again.definition, first.definition);
}

/// `search()` (Collect's choices from a CSV file): the file's rows become the list, the
/// search a `choice_filter` that the engine applies as the worker types.
#[test]
fn search_in_a_csv_file_becomes_choices_and_a_filter() {
    use std::sync::Arc;
    use xonadon_engine::{load, FixedHost, Instance};

    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label", "appearance"],
                &["text", "q", "Name starts", ""],
                &["select_one region", "region", "Region", ""],
                &[
                    "select_one hh",
                    "hh",
                    "Household",
                    "minimal search('people', 'contains', 'name', ${q})",
                ],
                &[
                    "select_one hh2",
                    "exact",
                    "Exact",
                    "search('people.csv', 'matches', 'name,district', ${q}, 'region', ${region})",
                ],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["region", "khorezm", "Khorezm"],
                &["region", "tashkent", "Tashkent"],
                &["hh", "0", "Not in the list"],
                &["hh", "key", "name"],
                &["hh2", "key", "name, district"],
            ],
        ),
    ]);
    let people = "key,name,district,region,sortby\n\
                  h3,Olim,Xiva,khorezm,3\n\
                  h1,Alisher,Urganch,khorezm,1\n\
                  h2,Malika,Chilonzor,tashkent,2\n\
                  h1,Alisher again,Urganch,khorezm,4\n";
    let imported = xonadon_xlsform::import_with(
        "search.xlsx",
        &book,
        &[("people.csv".to_string(), people.as_bytes().to_vec())],
    )
    .unwrap();
    let errors = error_lines(&imported);
    assert!(errors.is_empty(), "{errors:?}");
    let form = definition(&imported.json);
    let hh = &form["choices"]["hh"];
    let names: Vec<&str> = hh
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["0", "h1", "h2", "h3"], "by sortby, once per value");
    assert_eq!(hh[1]["label"], "Alisher");
    assert_eq!(hh[1]["c_region"], "khorezm");
    assert_eq!(
        hh[1]["c_name"], "Alisher",
        "every column, named as Collect names it"
    );
    assert_eq!(
        form["choices"]["hh2"][0]["label"],
        "Alisher (district: Urganch)"
    );
    assert_eq!(form["survey"][2]["appearance"], "minimal");

    let form = Arc::new(load(&imported.json).unwrap());
    let mut i = Instance::new(form, Arc::new(FixedHost::new(0.0, 300)));
    let choices = |i: &Instance, path: &str| -> Vec<String> {
        let node = i.find(path).unwrap();
        i.visible_choices(node)
            .iter()
            .map(|c| c.name.clone())
            .collect()
    };
    assert_eq!(
        choices(&i, "/hh"),
        ["0", "h1", "h2", "h3"],
        "blank: all rows"
    );
    let set = |i: &mut Instance, path: &str, v: &str| {
        let n = i.find(path).unwrap();
        i.set_value(n, v).unwrap();
    };
    set(&mut i, "/q", "ALI");
    assert_eq!(
        choices(&i, "/hh"),
        ["0", "h1", "h2"],
        "contains, ASCII case ignored"
    );
    set(&mut i, "/q", "urganch");
    assert_eq!(
        choices(&i, "/exact"),
        Vec::<String>::new(),
        "no region chosen yet"
    );
    set(&mut i, "/region", "khorezm");
    assert_eq!(
        choices(&i, "/exact"),
        ["h1"],
        "matches a column, and the region"
    );

    // A missing file, an unknown column: errors at the appearance cell.
    let broken = xonadon_xlsform::import_with(
        "search.xlsx",
        &book,
        &[(
            "people.csv".to_string(),
            b"key,label,region\nh1,A,khorezm\n".to_vec(),
        )],
    )
    .unwrap();
    let messages: Vec<String> = broken.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("row 4, column `appearance`") && m.contains("no column `name`")),
        "{messages:?}"
    );
    let missing = xonadon_xlsform::import_with("search.xlsx", &book, &[]).unwrap();
    assert!(
        missing.problems.iter().any(|p| p
            .to_string()
            .contains("reads `people.csv`, which is not supplied")),
        "{:?}",
        missing.problems
    );
}

/// Media columns (`media::image::English (en)`, `audio`, choices' `image`) per language like
/// labels; the files supplied beside the form; export writes them back.
#[test]
fn media_columns_per_language_and_back() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &[
                    "type",
                    "name",
                    "label::English (en)",
                    "label::Русский (ru)",
                    "media::image::English (en)",
                    "media::image::Русский (ru)",
                    "audio",
                ],
                &[
                    "select_one roof",
                    "roof",
                    "Roof",
                    "Крыша",
                    "roof-en.png",
                    "roof-ru.png",
                    "roof.mp3",
                ],
            ],
        ),
        (
            "choices",
            &[
                &[
                    "list_name",
                    "name",
                    "label::English (en)",
                    "label::Русский (ru)",
                    "image",
                ],
                &["roof", "slate", "Slate", "Шифер", "slate.jpg"],
                &["roof", "tin", "Tin", "Жесть", ""],
            ],
        ),
    ]);
    let supplied: Vec<xonadon_xlsform::Attachment> = ["roof-en.png", "roof-ru.png", "slate.jpg"]
        .iter()
        .map(|f| (f.to_string(), vec![1, 2, 3]))
        .collect();
    let imported = xonadon_xlsform::import_with("media.xlsx", &book, &supplied).unwrap();
    let warnings: Vec<String> = imported
        .problems
        .iter()
        .map(|p| p.to_string())
        .filter(|p| p.contains("the media file"))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("row 2, column `audio`")
            && warnings[0].contains("`roof.mp3` is not supplied"),
        "{warnings:?}"
    );
    let form = definition(&imported.json);
    assert_eq!(
        form["survey"][0]["media"],
        json!({"image": {"en": "roof-en.png", "ru": "roof-ru.png"},
               "audio": "roof.mp3"}),
        "a media column without a language: the same file in every language"
    );
    assert_eq!(
        form["choices"]["roof"][0]["media"],
        json!({"image": "slate.jpg"})
    );
    assert!(form["choices"]["roof"][1].get("media").is_none());
    let files: Vec<String> = imported.definition.media_files().into_iter().collect();
    assert_eq!(
        files,
        ["roof-en.png", "roof-ru.png", "roof.mp3", "slate.jpg"]
    );

    let back = xonadon_xlsform::to_xlsform(&imported.definition).unwrap();
    let again = xonadon_xlsform::import_with("media.xlsx", &back, &supplied).unwrap();
    assert_eq!(again.definition, imported.definition);
}

/// Every question type pyxform knows imports (none is left out, so a form is never "empty"
/// because of its types), old spellings included; external data rows are no questions.
#[test]
fn every_pyxform_question_type_imports() {
    let rows: &[&[&str]] = &[
        &["type", "name", "label"],
        &["start-geopoint", "where_started", ""],
        &["background-audio", "recording", ""],
        &["geotrace", "path", "Path"],
        &["geoshape", "plot", "Plot"],
        &["q picture", "house", "House"],
        &["add audio prompt", "voice", "Voice"],
        &["video", "clip", "Clip"],
        &["file", "document", "Document"],
        &["barcode", "code", "Code"],
        &["rank fruits", "order", "Order"],
        &["osm", "building", "Building"],
        &["csv-external", "prices", ""],
        &["uri:username", "who", ""],
        &["percentage", "share", "Share"],
    ];
    let book = xlsx(&[
        ("survey", rows),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["fruits", "apple", "Apple"],
                &["fruits", "pear", "Pear"],
            ],
        ),
    ]);
    let imported = import("types.xlsx", &book).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let form = definition(&imported.json);
    let kinds: Vec<&str> = form["survey"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "start-geopoint",
            "background-audio",
            "geotrace",
            "geoshape",
            "image",
            "audio",
            "video",
            "file",
            "barcode",
            "rank fruits",
            "file",
            "username",
            "integer"
        ]
    );
    // The external data is the list `prices` (empty until prices.csv is supplied: a warning).
    assert_eq!(form["choices"]["prices"], json!([]));
    let warnings: Vec<String> = imported.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("row 13")
                && w.contains("the data file `prices.csv` is not supplied")),
        "{warnings:#?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("row 12") && w.contains("OpenMapKit")),
        "{warnings:#?}"
    );
    xonadon_engine::load(&imported.json).expect("the engine loads every type");
}

/// pyxform's rule: names unique among siblings. The same name in two groups imports, findings
/// land on the row they concern (by the element's place, not its name), and a reference that
/// cannot say which is an error at its cell.
#[test]
fn names_repeat_in_different_groups() {
    let book = xlsx(&[(
        "survey",
        &[
            &["type", "name", "label", "relevant"],
            &["begin group", "head", "Head", ""],
            &["text", "name", "Name", ""],
            &["end group", "", "", ""],
            &["begin repeat", "member", "Member", ""],
            &["text", "name", "Name", "${nme} = 'x'"],
            &["text", "member", "Named as its repeat", ""],
            &["text", "member", "Twice", ""],
            &["end repeat", "", "", ""],
            &["note", "who", "Hello ${name}", ""],
        ],
    )]);
    let imported = import("names.xlsx", &book).unwrap();
    let found: Vec<String> = imported.problems.iter().map(|p| p.to_string()).collect();
    let errors: Vec<&String> = found.iter().filter(|p| p.starts_with("error")).collect();
    assert_eq!(errors.len(), 3, "{found:#?}");
    assert!(
        errors[0].contains("row 6, column `relevant`") && errors[0].contains("there is no `nme`"),
        "{found:#?}"
    );
    assert!(
        errors[1].contains("row 8, column `name`")
            && errors[1].contains("already used at row 7: names must be unique within `member`"),
        "{found:#?}"
    );
    assert!(
        errors[2].contains("row 10, column `label`") && errors[2].contains("is ambiguous"),
        "{found:#?}"
    );
}

/// `instance('LIST')/root/item[…]/column` on a CSV file supplied with the form (ODK's
/// attached secondary instance): the file becomes the list LIST that the path reads; without
/// the file, the engine's check names the list the form lacks.
#[test]
fn instance_paths_read_a_supplied_csv_file() {
    use std::sync::Arc;
    use xonadon_engine::{load, FixedHost, Instance};

    let book = xlsx(&[(
        "survey",
        &[
            &["type", "name", "label", "calculation"],
            &["text", "code", "Code", ""],
            &[
                "calculate",
                "place",
                "",
                "instance('places')/root/item[code = ${code}]/label",
            ],
        ],
    )]);
    let places = "name,label,code\np1,Xiva,10\np2,Urganch,20\n";
    let imported = xonadon_xlsform::import_with(
        "instance.xlsx",
        &book,
        &[("places.csv".to_string(), places.as_bytes().to_vec())],
    )
    .unwrap();
    let errors = error_lines(&imported);
    assert!(errors.is_empty(), "{errors:?}");
    let form = load(&serde_json::to_string(&imported.definition).unwrap()).unwrap();
    let mut inst = Instance::new(Arc::new(form), Arc::new(FixedHost::new(0.0, 0)));
    inst.set_value(inst.find("/code").unwrap(), "20").unwrap();
    assert_eq!(inst.node(inst.find("/place").unwrap()).value, "Urganch");

    let without = xonadon_xlsform::import("instance.xlsx", &book);
    let messages: Vec<String> = match without {
        Ok(i) => i.problems.iter().map(|p| p.to_string()).collect(),
        Err(e) => vec![e.to_string()],
    };
    assert!(
        messages
            .iter()
            .any(|m| m.contains("instance('places') reads a list this form does not have")),
        "{messages:?}"
    );
}

/// Rows pyxform refuses, refused at the same cell: (survey rows, the cell, a piece of the
/// message). And an audit without a name is named `audit`, as pyxform names it.
#[test]
fn rows_pyxform_refuses() {
    let cases: &[(&[&[&str]], &str, &str)] = &[
        (
            &[&["type", "name", "label"], &["audit", "bobby", ""]],
            "row 2, column `name`",
            "always named `audit`",
        ),
        (
            &[&["type", "name", "label"], &["integer", "a", ""]],
            "row 2, column `label`",
            "`a` has no label or hint",
        ),
        (
            &[
                &["type", "name", "label", "big-image"],
                &["text", "c", "C", "big.png"],
            ],
            "row 2, column `big-image`",
            "give an image too",
        ),
        (
            &[
                &["type", "name", "label", "choice_filter"],
                &["select_one yn or_other", "q", "Q", "name != ''"],
            ],
            "row 2, column `choice_filter`",
            "`or_other` cannot be filtered",
        ),
        (
            &[
                &["type", "name", "value", "label"],
                &["text", "q", "v", "Q"],
            ],
            "row 1, column `value`",
            "name the same column",
        ),
        (
            &[
                &["type", "name", "label", "trigger", "calculation"],
                &["integer", "t", "T", "", ""],
                &["background-geopoint", "g", "", "${t}", "5 * 2"],
            ],
            "row 3, column `calculation`",
            "leave its calculation empty",
        ),
        (
            &[
                &["type", "name", "label", "repeat_count"],
                &["integer", "r_count", "Q", ""],
                &["begin repeat", "r", "R", "2"],
                &["text", "q", "Q", ""],
                &["end repeat", "", "", ""],
            ],
            "row 2, column `name`",
            "taken by the count of the repeat `r`",
        ),
    ];
    for (survey, cell, message) in cases {
        let book = xlsx(&[
            ("survey", survey),
            (
                "choices",
                &[&["list_name", "name", "label"], &["yn", "yes", "Yes"]],
            ),
        ]);
        let imported = import("refused.xlsx", &book).unwrap();
        let errors = error_lines(&imported);
        assert!(
            errors
                .first()
                .is_some_and(|e| e.contains(cell) && e.contains(message)),
            "{cell} {message}: {errors:#?}"
        );
    }
    let book = xlsx(&[("survey", &[&["type", "name", "label"], &["audit", "", ""]])]);
    let imported = import("audit.xlsx", &book).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    assert_eq!(definition(&imported.json)["survey"][0]["name"], "audit");
}

/// `begin loop over LIST` as pyxform expands it: a group per choice, the rows copied with
/// `%(label)s` / `%(name)s` filled in per language.
#[test]
fn loops_become_a_group_per_choice() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label::English (en)", "label::Русский (ru)"],
                &["begin_loop over animals", "herd", "Herd", "Стадо"],
                &[
                    "integer",
                    "count",
                    "How many %(label)s?",
                    "Сколько: %(label)s?",
                ],
                &["text", "note_%(name)s", "About %(name)s", "О %(name)s"],
                &["end_loop", "", "", ""],
            ],
        ),
        (
            "choices",
            &[
                &[
                    "list_name",
                    "name",
                    "label::English (en)",
                    "label::Русский (ru)",
                ],
                &["animals", "cow", "cows", "коровы"],
                &["animals", "none", "none", "нет"],
                &["animals", "sheep", "sheep", "овцы"],
            ],
        ),
    ]);
    let imported = import("loop.xlsx", &book).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let form = definition(&imported.json);
    let herd = &form["survey"][0];
    assert_eq!(herd["type"], "group");
    let groups = herd["children"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "`none` is skipped: {groups:#?}");
    assert_eq!(groups[1]["name"], "sheep");
    assert_eq!(groups[1]["label"]["ru"], "овцы");
    assert_eq!(
        groups[1]["children"][0]["label"],
        json!({"en": "How many sheep?", "ru": "Сколько: овцы?"})
    );
    assert_eq!(groups[0]["children"][1]["name"], "note_cow");
    xonadon_engine::load(&imported.json).expect("the engine loads the expanded loop");
}

/// `guidance_hint` (Collect shows it when asked for) imports per language and writes back.
#[test]
fn guidance_hints_import_and_export() {
    let book = xlsx(&[(
        "survey",
        &[
            &[
                "type",
                "name",
                "label",
                "guidance_hint::English (en)",
                "guidance_hint::Русский (ru)",
            ],
            &[
                "integer",
                "income",
                "Income",
                "Ask for the last month",
                "За последний месяц",
            ],
        ],
    )]);
    let imported = import("guidance.xlsx", &book).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let form = definition(&imported.json);
    assert_eq!(
        form["survey"][0]["guidance_hint"],
        json!({"en": "Ask for the last month", "ru": "За последний месяц"})
    );
    let again = import(
        "again.xlsx",
        &xonadon_xlsform::to_xlsform(&imported.definition).unwrap(),
    )
    .unwrap();
    assert_eq!(again.definition.survey, imported.definition.survey);
}

/// One error per cause: a wrong reference in `parameters` is said once (by the parameters'
/// check), not again by the check of references in every cell.
#[test]
fn a_wrong_reference_in_parameters_is_said_once() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label", "parameters"],
                &["select_one yn", "q", "Q", "randomize=true seed=${nope}"],
            ],
        ),
        (
            "choices",
            &[&["list_name", "name", "label"], &["yn", "yes", "Yes"]],
        ),
    ]);
    let imported = import("seed.xlsx", &book).unwrap();
    let errors = error_lines(&imported);
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("row 2, column `parameters`"),
        "{errors:#?}"
    );
}

/// pyxform's old survey headers: `command` for `type`, `tag` for `name` (only on the survey:
/// on the choices sheet `tag` stays a property).
#[test]
fn old_survey_headers() {
    let book = xlsx(&[
        (
            "survey",
            &[&["command", "tag", "label"], &["select_one yn", "q", "Q"]],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label", "tag"],
                &["yn", "yes", "Yes", "t1"],
            ],
        ),
    ]);
    let imported = import("old.xlsx", &book).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let form = definition(&imported.json);
    assert_eq!(form["survey"][0]["name"], "q");
    assert_eq!(form["choices"]["yn"][0]["tag"], "t1");
}

/// pyxform's old spelling of translated columns: a single colon (`label:English (en)`) on a
/// sheet where no header has `::`; `jr:constraintMsg` stays one column.
#[test]
fn single_colon_language_columns() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &[
                    "type",
                    "name",
                    "label:English (en)",
                    "label:Русский (ru)",
                    "jr:constraintMsg",
                ],
                &["integer", "age", "Age", "Возраст", "Too old"],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label:English (en)"],
                &["yn", "yes", "Yes"],
            ],
        ),
        (
            "settings",
            &[&["version", "default_language"], &["1", "English (en)"]],
        ),
    ]);
    let imported = import("colon.xlsx", &book).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    let form = definition(&imported.json);
    assert_eq!(
        form["survey"][0]["label"],
        json!({"en": "Age", "ru": "Возраст"})
    );
    assert_eq!(
        form["survey"][0]["constraint_message"],
        json!({"en": "Too old"}),
        "the untranslated message is the default language's"
    );
    assert_eq!(form["choices"]["yn"][0]["label"], json!({"en": "Yes"}));
}

/// A stray cell at the last cell Excel has (XFD1048576) once made the reader ask for 512 GiB:
/// it is left out (it is no column of the form) with a warning, and the form imports.
#[test]
fn a_stray_cell_far_away_costs_nothing() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let survey = book.add_worksheet();
    survey.set_name("survey").unwrap();
    for (c, h) in ["type", "name", "label"].iter().enumerate() {
        survey.write_string(0, c as u16, *h).unwrap();
    }
    for (c, v) in ["text", "a", "A"].iter().enumerate() {
        survey.write_string(1, c as u16, *v).unwrap();
    }
    survey.write_string(1_048_575, 16_383, "stray").unwrap();
    survey.write_string(5, 999, "kept: column ALL").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let imported = import("stray.xlsx", &bytes).unwrap();
    assert_eq!(imported.errors(), 0, "{:#?}", imported.problems);
    assert!(
        imported.problems.iter().any(|p| p.sheet == "survey"
            && p.message
                .starts_with("cells right of column ALL (the 1000th) are left out")),
        "{:#?}",
        imported.problems
    );
    assert_eq!(definition(&imported.json)["survey"][0]["name"], "a");
}

#[path = "import/warnings.rs"]
mod warnings;

/// The settings sheet's `supervisor_place` and `supervisor_needs` columns are the form's
/// `settings.supervisor`; a misspelt name is the engine's finding, put back on the sheet.
#[test]
fn the_supervisors_questions_from_the_settings_sheet() {
    let book = |place: &str| {
        xlsx(&[
            (
                "survey",
                &[
                    &["type", "name", "label"],
                    &["select_one r", "region", "Region"],
                    &["text", "village", "Village"],
                    &["select_multiple r", "needs", "Needs"],
                ],
            ),
            (
                "choices",
                &[&["list_name", "name", "label"], &["r", "a", "A"]],
            ),
            (
                "settings",
                &[
                    &["form_id", "version", "supervisor_place", "supervisor_needs"],
                    &["f", "1", place, "needs"],
                ],
            ),
        ])
    };
    let imported = import("f.xlsx", &book("region  village")).unwrap();
    assert_eq!(error_lines(&imported), Vec::<String>::new());
    let supervisor = imported.definition.settings.supervisor.unwrap();
    assert_eq!(supervisor.place, ["region", "village"]);
    assert_eq!(supervisor.needs.as_deref(), Some("needs"));

    let misspelt = import("f.xlsx", &book("region vilage")).unwrap();
    let errors = error_lines(&misspelt);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("unknown question ${vilage} (did you mean ${village}?)"),
        "{errors:?}"
    );
}

/// The settings sheet's `required_before_next` (Xonadon's own) asks for required answers on
/// Next, and survives the trip back to a workbook.
#[test]
fn required_before_next_from_the_settings_sheet_and_back() {
    let book = |value: &str| {
        xlsx(&[
            (
                "survey",
                &[
                    &["type", "name", "label", "required"],
                    &["text", "a", "A", "yes"],
                ],
            ),
            (
                "settings",
                &[
                    &["form_id", "version", "required_before_next"],
                    &["f", "1", value],
                ],
            ),
        ])
    };
    let asked = import("f.xlsx", &book("yes")).unwrap();
    assert!(asked.definition.settings.required_before_next);
    assert!(
        !import("f.xlsx", &book("no"))
            .unwrap()
            .definition
            .settings
            .required_before_next
    );
    let back = xonadon_xlsform::to_xlsform(&asked.definition).unwrap();
    let again = import("again.xlsx", &back).unwrap();
    assert!(again.definition.settings.required_before_next);
}

/// A choices file of 100,000 rows or more imports with a warning at the row naming it (it is
/// heavy on a tablet); one of more than a million is refused there, before it is read whole.
#[test]
fn long_choices_files_are_warned_about_and_too_long_ones_refused() {
    let book = support::xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label"],
                &["select_one_from_file villages.csv", "village", "Village"],
            ],
        ),
        ("settings", &[&["version"], &["2026120701"]]),
    ]);
    let rows = |n: usize| {
        let mut csv = String::from("name,label\n");
        for i in 0..n {
            csv.push_str(&format!("v{i},V{i}\n"));
        }
        csv.into_bytes()
    };
    let import = |n: usize| {
        let supplied = vec![("villages.csv".to_string(), rows(n))];
        xonadon_xlsform::import_with("villages.xlsx", &book, &supplied)
    };
    let problems = |imported: &xonadon_xlsform::Imported| -> Vec<String> {
        imported.problems.iter().map(|p| p.to_string()).collect()
    };
    let short = import(99_999).unwrap();
    assert!(problems(&short).is_empty(), "{:?}", problems(&short));
    let long = import(100_000).unwrap();
    let said = problems(&long);
    assert!(
        said.len() == 1
            && said[0].contains("row 2")
            && said[0].contains("villages.csv has 100000 rows: the form works"),
        "{said:?}"
    );
    assert_eq!(long.errors(), 0);
    match import(1_000_001) {
        Ok(imported) => {
            let said = problems(&imported);
            assert!(
                imported.errors() == 1
                    && said[0].contains("villages.csv has more than 1000000 rows"),
                "{said:?}"
            );
        }
        Err(e) => assert!(e.to_string().contains("more than 1000000 rows"), "{e}"),
    }
}

#[test]
fn a_problem_in_a_row_names_what_that_row_became_in_the_form() {
    let book = xlsx(&[
        (
            "survey",
            &[
                &["type", "name", "label", "relevant"],
                &["begin group", "g", "G", ""],
                &["text", "a", "A", ""],
                &["select_one yn", "b", "B", "${nope} = 1"],
                &["end group", "", "", ""],
            ],
        ),
        (
            "choices",
            &[
                &["list_name", "name", "label"],
                &["yn", "y", "Yes"],
                &["yn", "n", "No"],
            ],
        ),
    ]);
    let imported = import("f.xlsx", &book).unwrap();
    let unknown = imported
        .problems
        .iter()
        .find(|p| p.message.contains("nope"))
        .expect("the unknown reference");
    assert_eq!((unknown.sheet.as_str(), unknown.row), ("survey", Some(4)));
    assert_eq!(imported.path_of(unknown), Some("$.survey[0].children[1]"));
    let row_of = |sheet: &str, row| imported.row_paths.get(&(sheet.to_string(), row));
    assert_eq!(row_of("survey", 2).map(String::as_str), Some("$.survey[0]"));
    assert_eq!(
        row_of("choices", 3).map(String::as_str),
        Some("$.choices.yn[1]")
    );
    assert_eq!(row_of("survey", 1), None, "the header is no element");
}
