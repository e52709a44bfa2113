//! The `xonadon` binary as designers and scripts use it: output and exit status.

use std::path::PathBuf;
use std::process::{Command, Output};

fn xonadon(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xonadon"))
        .args(args)
        .output()
        .expect("xonadon runs")
}

/// A reader that stops early (`xonadon run … | head`): the output's pipe is closed before
/// anything is read, so the first write fails; the tool ends quietly with success.
#[test]
fn a_closed_pipe_ends_quietly() {
    let form = format!("{}/../../forms/household.json", env!("CARGO_MANIFEST_DIR"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_xonadon"))
        .args(["run", &form])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("xonadon runs");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("xonadon ends");
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(text(&out.stderr), "", "no panic, no message");
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn scratch(name: &str, content: &str) -> String {
    let dir = std::env::temp_dir().join(format!("xonadon-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, content).unwrap();
    path.to_string_lossy().into_owned()
}

fn household() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../forms/household.json").to_string()
}

#[test]
fn check_passes_the_household_form() {
    let out = xonadon(&["check", &household()]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert!(text(&out.stdout).ends_with("0 error(s), 0 warning(s)\n"));
}

#[test]
fn check_prints_every_diagnostic_and_fails_on_errors() {
    let bad = scratch(
        "bad.json",
        r#"{"settings": {"form_id": "b"}, "survey": [
            {"type": "integer", "name": "a", "label": "A", "relevant": "${b} >"},
            {"type": "note", "name": "n", "label": "N", "constraint": ". > 1"}]}"#,
    );
    let out = xonadon(&["check", &bad]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(&format!("{bad}: error: $.survey[0].relevant (a): `relevant` of `a`, column 7: the expression ends where a value was expected")), "{stdout}");
    assert!(
        stdout.contains(&format!("{bad}: warning: $.survey[1].constraint (n)")),
        "{stdout}"
    );
    assert!(stdout.ends_with("1 error(s), 1 warning(s)\n"), "{stdout}");
}

#[test]
fn check_reports_an_unreadable_file() {
    let out = xonadon(&["check", "/nonexistent/form.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read /nonexistent/form.json"));
}

#[test]
fn schema_is_json_schema() {
    let out = xonadon(&["schema"]);
    assert!(out.status.success());
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema["title"], "Xonadon form definition");
    assert!(schema["$defs"]["ElementDef"]["properties"]["constraint_message"].is_object());
}

#[test]
fn run_prints_the_state_after_the_script() {
    let script = scratch(
        "hh.script.json",
        r#"[{"set": "/intro/consent", "value": true},
            {"set": "/roster/members[1]/birth_date", "value": "2015-05-01"},
            {"add_repeat": "/roster/members"},
            {"set": "/roster/members[2]/birth_date", "value": "1980-05-01"},
            {"language": "ru"}]"#,
    );
    let out = xonadon(&[
        "run",
        &household(),
        "--script",
        &script,
        "--now",
        "2026-01-15T09:30:00Z",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let state: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(state["/roster/members"]["count"], 2);
    assert_eq!(state["/roster/members[1]/age_years"]["value"], "10");
    assert_eq!(state["/summary/children_count"]["value"], "1");
    assert_eq!(state["/intro/consent"]["value"], "OK");
    // One node per line, as the oracle prints it.
    let stdout = text(&out.stdout);
    assert!(stdout
        .lines()
        .any(|l| l.starts_with("  \"/summary/hh_size\": {")));
}

#[test]
fn run_names_the_failing_step() {
    let script = scratch(
        "bad.script.json",
        r#"[{"set": "/intro/consent", "value": true}, {"set": "/nope", "value": 1}]"#,
    );
    let out = xonadon(&["run", &household(), "--script", &script]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("step 2: no node at `/nope`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors() {
    let out = xonadon(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("unrecognized subcommand 'frobnicate'"));
    assert!(text(&out.stderr).contains("Usage: xonadon <COMMAND>"));

    let out = xonadon(&["check"]);
    assert_eq!(out.status.code(), Some(2), "a command without its file");
    assert!(
        text(&out.stderr).contains("<FORM.json>"),
        "{}",
        text(&out.stderr)
    );

    let out = xonadon(&["run", "forms/household.json", "--now", "yesterday"]);
    assert_eq!(out.status.code(), Some(2), "a clock that is no date");
    assert!(
        text(&out.stderr).contains("`yesterday` is not a date or date-time"),
        "{}",
        text(&out.stderr)
    );
}

mod export {
    use super::*;
    use std::io::{Cursor, Read};
    use xonadon_export::bundle::{self, BundleForm, BundleSubmission};
    use xonadon_export::keys::{SupervisorIdentity, SupervisorKey};
    use xonadon_export::{seal, signature};
    use xonadon_storage::{FormRecord, ReviewComment, ReviewStatus, Submission};

    fn household_version() -> String {
        let json = std::fs::read_to_string(household()).unwrap();
        let def: serde_json::Value = serde_json::from_str(&json).unwrap();
        def["settings"]["version"].as_str().unwrap().to_string()
    }

    fn submission(id: &str, name: &str) -> Submission {
        Submission {
            instance_id: format!("uuid:{id}"),
            form_id: "household_needs".into(),
            form_version: household_version(),
            data: serde_json::json!({ "intro": { "interviewer_name": name, "consent": "OK" } }),
            started_at_ms: 1.0,
            finalized_at_ms: 2.0,
            enumerator: "Aziza".into(),
            device_id: "t1".into(),
            title: None,
            review: Default::default(),
            exports: Vec::new(),
        }
    }

    fn bundle_file(name: &str, subs: &[Submission]) -> String {
        let json = std::fs::read_to_string(household()).unwrap();
        let def: serde_json::Value = serde_json::from_str(&json).unwrap();
        let record = FormRecord {
            form_id: "household_needs".into(),
            version: def["settings"]["version"].as_str().unwrap().into(),
            title: "Household".into(),
            json,
            added_at_ms: 0.0,
        };
        let forms = [BundleForm::from_record(&record).unwrap()];
        let subs: Vec<_> = subs
            .iter()
            .map(|s| BundleSubmission::new(s, Vec::new()))
            .collect();
        let bytes = bundle::write(&forms, &subs, name, 5.0).unwrap();
        scratch(name, std::str::from_utf8(&bytes).unwrap())
    }

    #[test]
    fn merges_tablets_into_csv_xlsx_and_json() {
        let t1 = bundle_file(
            "t1.json",
            &[submission("a", "Malika"), submission("b", "Bobur")],
        );
        let t2 = bundle_file(
            "t2.json",
            &[submission("b", "Bobur Aliev"), submission("c", "Камола")],
        );
        let zip_out = scratch("out.zip", "");
        let out = xonadon(&["export", &t1, &t2, "--format", "csv", "--out", &zip_out]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let log = text(&out.stderr);
        assert!(
            log.contains("t2.json: 1 added, 0 identical skipped, 0 newer reviews, 1 conflicts"),
            "{log}"
        );
        assert!(log.contains("1 conflicting copy"), "{log}");

        let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_out).unwrap()).unwrap();
        let mut root = String::new();
        archive
            .by_name("household_needs.csv")
            .unwrap()
            .read_to_string(&mut root)
            .unwrap();
        let mut reader =
            csv::Reader::from_reader(Cursor::new(root.trim_start_matches('\u{feff}').to_string()));
        let col = reader
            .headers()
            .unwrap()
            .iter()
            .position(|h| h == "intro-interviewer_name")
            .expect("a column per question");
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let names: Vec<&str> = rows.iter().map(|r| r.get(col).unwrap()).collect();
        assert_eq!(
            names,
            ["Malika", "Bobur", "Камола"],
            "the held copy of b stays"
        );

        let conflicts = std::fs::read(format!("{zip_out}.conflicts.json")).unwrap();
        let c = bundle::read("conflicts", &conflicts).unwrap();
        assert_eq!(c.submissions.len(), 1);
        assert_eq!(
            c.submissions[0].submission.data["intro"]["interviewer_name"],
            "Bobur Aliev"
        );

        let json_out = scratch("merged.json", "");
        let out = xonadon(&["export", &t1, &t2, "--format", "json", "--out", &json_out]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let merged = bundle::read("merged", &std::fs::read(&json_out).unwrap()).unwrap();
        assert_eq!(merged.submissions.len(), 3);

        let xlsx_out = scratch("out.xlsx", "");
        let out = xonadon(&[
            "export", &t1, "--format", "xlsx", "--labels", "ru", "--out", &xlsx_out,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(std::fs::read(&xlsx_out).unwrap().starts_with(b"PK"));
    }

    #[test]
    fn a_tampered_bundle_is_refused_with_its_name() {
        let t1 = bundle_file("t3.json", &[submission("a", "Malika")]);
        let edited = std::fs::read_to_string(&t1)
            .unwrap()
            .replace("Malika", "Malik");
        let bad = scratch("edited.json", &edited);
        let out_path = scratch("never.zip", "untouched");
        let out = xonadon(&["export", &bad, "--format", "csv", "--out", &out_path]);
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert!(
            err.contains("edited.json: its content does not match its checksum"),
            "{err}"
        );
        assert_eq!(
            std::fs::read_to_string(&out_path).unwrap(),
            "untouched",
            "nothing written"
        );

        let out = xonadon(&["export", &t1, "--format", "pdf", "--out", &out_path]);
        assert_eq!(out.status.code(), Some(2));
        assert!(
            text(&out.stderr).contains("[possible values: json, csv, xlsx]"),
            "{}",
            text(&out.stderr)
        );
    }

    /// `xonadon keygen` into `name` in the scratch folder: the key file's path and the public
    /// line it printed.
    fn keygen(name: &str, who: &str) -> (String, String) {
        let path = scratch(name, "");
        std::fs::remove_file(&path).unwrap();
        let out = xonadon(&["keygen", "--name", who, "--out", &path]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        (path, text(&out.stdout).trim().to_string())
    }

    #[test]
    fn keygen_writes_an_age_key_file_and_prints_the_public_key() {
        let (path, public) = keygen("dilnoza.txt", "Dilnoza Karimova");
        assert!(public.starts_with("age1"), "{public}");
        assert!(public.contains(" ed25519:") && public.ends_with(" Dilnoza Karimova"));
        let file = std::fs::read_to_string(&path).unwrap();
        assert!(file.contains("\nAGE-SECRET-KEY-1"), "{file}");
        let recipient = public.split(' ').next().unwrap();
        assert!(
            file.contains(&format!("# public key: {recipient}\n")),
            "{file}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by its owner only");
        }
        // A key file is never overwritten.
        let again = xonadon(&["keygen", "--name", "Other", "--out", &path]);
        assert_eq!(again.status.code(), Some(1));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), file);
    }

    #[test]
    fn recover_turns_a_tablets_request_into_its_code() {
        let (key, public) = keygen("org.txt", "Organisation");
        let recipient = public.split(' ').next().unwrap();
        let data_key: Vec<u8> = (100..132).collect();
        let request = xonadon_export::recovery::request(&data_key, recipient).unwrap();
        let out = xonadon(&["recover", "--identity", &key, &request]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let code = text(&out.stdout).trim().to_string();
        assert_eq!(
            xonadon_export::recovery::key_of_code(&code).unwrap(),
            data_key
        );
        // From a file too; another organisation's key is refused with exit 1.
        let file = scratch("request.txt", &request);
        let out = xonadon(&["recover", "--identity", &key, &file]);
        assert_eq!(text(&out.stdout).trim(), code);
        let (other, _) = keygen("other-org.txt", "Other");
        let out = xonadon(&["recover", "--identity", &other, &request]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("another supervisor's key"),
            "{}",
            text(&out.stderr)
        );
    }

    #[test]
    fn role_passphrase_writes_the_entry_the_page_opens() {
        let file = scratch("role.txt", "qovun-va-tarvuz\nsecond line ignored\n");
        let out = xonadon(&[
            "role-passphrase",
            "--role",
            "designer",
            "--passphrase-file",
            &file,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let line = text(&out.stdout);
        let entry = line
            .trim()
            .strip_prefix("\"designer_passphrase\": ")
            .unwrap_or_else(|| panic!("{line}"));
        let sealed: xonadon_storage::passphrase::Sealed = serde_json::from_str(entry).unwrap();
        assert_eq!(sealed.iterations, 600_000);
        assert_eq!(
            xonadon_storage::passphrase::open(&sealed, "qovun-va-tarvuz").unwrap(),
            b"xonadon-role:designer"
        );
        let short = scratch("short.txt", "qovun\n");
        let out = xonadon(&[
            "role-passphrase",
            "--role",
            "supervisor",
            "--passphrase-file",
            &short,
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(text(&out.stderr).contains("at least 10 characters"));
    }

    fn sealed_file(name: &str, public: &str, subs: &[Submission]) -> String {
        let plain = std::fs::read(bundle_file(&format!("{name}.json"), subs)).unwrap();
        let key = SupervisorKey::parse("public", public).unwrap();
        let path = scratch(name, "");
        std::fs::write(&path, seal::seal(&plain, &key).unwrap()).unwrap();
        path
    }

    #[test]
    fn export_opens_encrypted_bundles_with_the_key_file() {
        let (key, public) = keygen("key-a.txt", "Dilnoza");
        let t1 = sealed_file("t1.age", &public, &[submission("a", "Malika")]);
        let plain = bundle_file("t2-plain.json", &[submission("c", "Камола")]);
        let out_path = scratch("sealed-out.json", "");
        let out = xonadon(&[
            "export",
            &t1,
            &plain,
            "--identity",
            &key,
            "--format",
            "json",
            "--out",
            &out_path,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let merged = bundle::read("merged", &std::fs::read(&out_path).unwrap()).unwrap();
        assert_eq!(
            merged.submissions.len(),
            2,
            "the encrypted and the plain one"
        );

        // Without a key, or with another supervisor's: refused, naming the file, nothing written.
        let (other, _) = keygen("key-b.txt", "Bobur");
        let never = scratch("never-sealed.json", "untouched");
        let out = xonadon(&["export", &t1, "--format", "json", "--out", &never]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("t1.age: the bundle is encrypted"),
            "{}",
            text(&out.stderr)
        );
        let out = xonadon(&[
            "export", &t1, "-i", &other, "--format", "json", "--out", &never,
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr)
                .contains("t1.age: the bundle is encrypted for another supervisor's key"),
            "{}",
            text(&out.stderr)
        );
        // Cut short on the way.
        let bytes = std::fs::read(&t1).unwrap();
        let cut = scratch("cut.age", "");
        std::fs::write(&cut, &bytes[..bytes.len() - 20]).unwrap();
        let out = xonadon(&[
            "export", &cut, "-i", &key, "--format", "json", "--out", &never,
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("cut.age: the encrypted bundle is damaged"),
            "{}",
            text(&out.stderr)
        );
        assert_eq!(std::fs::read_to_string(&never).unwrap(), "untouched");

        let bad_key = scratch("not-a-key.txt", "hello\n");
        let out = xonadon(&[
            "export", &t1, "-i", &bad_key, "--format", "json", "--out", &never,
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("not-a-key.txt: not a supervisor key"),
            "{}",
            text(&out.stderr)
        );
    }

    #[test]
    fn export_takes_only_reviews_signed_by_a_known_supervisor() {
        let (key, public) = keygen("key-r.txt", "Dilnoza");
        let identity =
            SupervisorIdentity::parse("key", &std::fs::read_to_string(&key).unwrap()).unwrap();
        let review = |s: &Submission, status| {
            let mut s = s.clone();
            s.review.status = status;
            s.review.comments.push(ReviewComment {
                at_ms: 10.0,
                by: "Dilnoza".into(),
                status,
                text: "checked".into(),
            });
            s
        };
        let mut signed = review(&submission("a", "Malika"), ReviewStatus::HasIssues);
        signed.review = signature::sign(&identity, &signed);
        let forged = review(&submission("b", "Bobur"), ReviewStatus::Approved);
        let t1 = bundle_file("reviews.json", &[signed, forged]);
        let list = scratch("supervisors.txt", &format!("# who reviews\n{public}\n"));
        let out_path = scratch("reviewed.json", "");
        let out = xonadon(&[
            "export",
            &t1,
            "--supervisors",
            &list,
            "--format",
            "json",
            "--out",
            &out_path,
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let log = text(&out.stderr);
        assert!(
            log.contains("2 added") && log.contains("1 review(s) refused"),
            "{log}"
        );
        assert!(
            log.contains("submission uuid:b: its review was not taken, as it is not signed"),
            "{log}"
        );
        let merged = bundle::read("merged", &std::fs::read(&out_path).unwrap()).unwrap();
        let status: Vec<_> = merged
            .submissions
            .iter()
            .map(|s| s.submission.review.status)
            .collect();
        assert_eq!(status, [ReviewStatus::HasIssues, ReviewStatus::Pending]);
    }
}

/// A form in `forms/` that changed must have a new version: tablets keep each version for good.
#[test]
fn a_changed_form_has_a_new_version() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../forms");
    let listed = std::fs::read_to_string(format!("{dir}/versions.txt")).unwrap();
    let lines: Vec<Vec<&str>> = listed
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split_whitespace().collect())
        .collect();
    let mut files: Vec<&str> = lines.iter().map(|l| l[0]).collect();
    files.dedup();
    assert!(files.contains(&"household.json"));
    for file in files {
        let bytes = std::fs::read(format!("{dir}/{file}")).unwrap();
        let def: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let version = def["settings"]["version"].as_str().unwrap_or_default();
        let line = lines
            .iter()
            .find(|l| l[0] == file && l.get(1) == Some(&version))
            .unwrap_or_else(|| panic!("forms/versions.txt has no line for {file} {version}"));
        assert_eq!(
            Some(&xonadon_export::bundle::sha256(&bytes).as_str()),
            line.get(2),
            "{file} changed but its version is still {version}: give it a new version and add \
             a line to forms/versions.txt"
        );
    }
}

/// An XLSForm workbook with `rows` on its survey sheet, saved under `name`.
fn xlsform(name: &str, rows: &[&[&str]]) -> String {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("survey").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let settings = book.add_worksheet();
    settings.set_name("settings").unwrap();
    settings.write_row(0, 0, ["form_id", "version"]).unwrap();
    settings.write_row(1, 0, ["visits", "2026112601"]).unwrap();
    let path = scratch(name, "");
    book.save(&path).unwrap();
    path
}

#[test]
fn import_writes_a_form_the_engine_checks() {
    let xlsx = xlsform(
        "visits.xlsx",
        &[
            &["type", "name", "label::English (en)", "label::Русский (ru)"],
            &["text", "head", "Head", "Глава"],
            &["begin repeat", "members", "Member", "Член семьи"],
            &["integer", "age", "Age", "Возраст"],
            &["end repeat", "", "", ""],
        ],
    );
    let json = scratch("visits.json", "");
    let out = xonadon(&["import", &xlsx, "-o", &json]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("0 error(s)"),
        "{}",
        text(&out.stderr)
    );
    let check = xonadon(&["check", &json]);
    assert!(check.status.success(), "{}", text(&check.stdout));
    let form: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(form["settings"]["form_id"], "visits");
    assert_eq!(form["survey"][1]["children"][0]["label"]["ru"], "Возраст");
}

#[test]
fn import_reads_choices_files_beside_the_form() {
    let dir = std::env::temp_dir().join(format!("xonadon-cli-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let xlsx = xlsform(
        "with-file.xlsx",
        &[
            &["type", "name", "label", "image"],
            &[
                "select_one_from_file districts.csv",
                "district",
                "District",
                "map.png",
            ],
            &["select_one_from_file wells.geojson", "well", "Well", ""],
        ],
    );
    // In a folder of its own: what is beside it is what counts.
    let moved = dir.join("with-file.xlsx");
    std::fs::copy(&xlsx, &moved).unwrap();
    let moved = moved.display().to_string();
    // Not supplied: imported all the same (ODK loads it with an empty list), with a warning.
    let out = xonadon(&["import", &moved]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stderr).contains("warning: sheet survey, row 2, column `type`: the choices file `districts.csv` is not supplied"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        text(&out.stderr).contains("the media file `map.png` is not supplied"),
        "{}",
        text(&out.stderr)
    );
    std::fs::write(dir.join("districts.csv"), "name,label\nchil,Chilonzor\n").unwrap();
    std::fs::write(dir.join("map.png"), b"\x89PNG").unwrap();
    std::fs::write(
        dir.join("wells.geojson"),
        r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"w1",
            "geometry":{"type":"Point","coordinates":[60.36,41.38]},"properties":{"title":"Well 1"}}]}"#,
    )
    .unwrap();
    let out = xonadon(&["import", &moved]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        !text(&out.stderr).contains("map.png"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["survey"][0]["media"],
        serde_json::json!({"image": "map.png"})
    );
    let form: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(form["survey"][0]["type"], "select_one districts");
    assert_eq!(form["choices"]["districts"][0]["label"], "Chilonzor");
    assert_eq!(form["choices"]["wells"][0]["geometry"], "41.38 60.36 0 0");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_names_the_row_and_writes_nothing_on_errors() {
    let xlsx = xlsform(
        "broken.xlsx",
        &[
            &["type", "name", "label", "relevant"],
            &["text", "a", "A", ""],
            &["integr", "b", "B", ""],
            &["text", "c", "C", "${a = 1"],
        ],
    );
    let json = scratch("broken.json", "untouched");
    let out = xonadon(&["import", &xlsx, "-o", &json]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains("sheet survey, row 3, column `type`: unknown type `integr`"),
        "{err}"
    );
    assert!(
        err.contains("sheet survey, row 4, column `relevant`"),
        "{err}"
    );
    assert!(err.contains("2 error(s)"), "{err}");
    assert_eq!(std::fs::read_to_string(&json).unwrap(), "untouched");
    let not_excel = scratch("notes.xlsx", "plain text");
    let out = xonadon(&["import", &not_excel]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is not a spreadsheet"),
        "{}",
        text(&out.stderr)
    );
}

/// A small XForm: `g/x` and `x` share a name, so a path to one of them cannot be written.
const XFORM: &str = r#"<?xml version="1.0"?>
<h:html xmlns="http://www.w3.org/2002/xforms" xmlns:h="http://www.w3.org/1999/xhtml" xmlns:jr="http://openrosa.org/javarosa">
  <h:head><h:title>Visit</h:title>
    <model>
      <instance><data id="visit" version="7"><age/><x/><g><x/></g><meta><instanceID/></meta></data></instance>
      <bind nodeset="/data/age" type="int" constraint=". &lt; 120"/>
      <bind nodeset="/data/x" type="string" relevant=" /data/age  &gt; 3"/>
      <bind nodeset="/data/g/x" type="string" relevant="RELEVANT"/>
      <bind nodeset="/data/meta/instanceID" type="string" readonly="true()" jr:preload="uid"/>
    </model></h:head>
  <h:body><input ref="/data/age"><label>Age</label></input><input ref="/data/x"><label>X</label></input>
    <group ref="/data/g"><label>G</label><input ref="/data/g/x"><label>X in G</label></input></group></h:body>
</h:html>"#;

#[test]
fn import_reads_an_xform_by_its_content() {
    // Named .txt: the content, not the name, says it is an XForm.
    let xform = scratch("visit.txt", &XFORM.replace("RELEVANT", " ../../age  = 1"));
    let json = scratch("visit.json", "");
    let out = xonadon(&["import", &xform, "-o", &json]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let form: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(form["settings"]["form_id"], "visit");
    assert_eq!(form["settings"]["version"], "7");
    assert_eq!(form["survey"][0]["type"], "integer");
    assert_eq!(form["survey"][1]["relevant"], "${age}  > 3");
    assert_eq!(form["survey"][2]["children"][0]["relevant"], "${age}  = 1");
    assert!(xonadon(&["check", &json]).status.success());
}

#[test]
fn import_names_the_xform_element_and_writes_nothing_on_errors() {
    let xform = scratch("ambiguous.xml", &XFORM.replace("RELEVANT", "/data/x = 'a'"));
    let json = scratch("ambiguous.json", "untouched");
    let out = xonadon(&["import", &xform, "-o", &json]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "error: /data/g/x, attribute `relevant`: `/data/x` is `x`, a name used more than once"
        ),
        "{err}"
    );
    assert!(err.contains("fix the errors in the XForm"), "{err}");
    assert_eq!(std::fs::read_to_string(&json).unwrap(), "untouched");
    let other = scratch("other.xml", "<?xml version=\"1.0\"?><root><a/></root>");
    let out = xonadon(&["import", &other]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("is XML but no XForm"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn translit_fills_the_missing_script_and_lists_it() {
    let form = scratch(
        "cyrillic.json",
        r#"{"settings": {"form_id": "f", "version": "1"},
            "survey": [{"type": "text", "name": "q",
                        "label": {"uz-Cyrl": "Оила бошлиғи", "uz-Latn": "", "ru": "Глава семьи"}}]}"#,
    );
    let out_path = scratch("latin.json", "");
    let out = xonadon(&["translit", &form, "-o", &out_path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("$.survey[0].label.uz-Latn (from uz-Cyrl): Oila boshligʻi"),
        "{err}"
    );
    assert!(err.contains("1 text(s) transliterated"), "{err}");
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(written["survey"][0]["label"]["uz-Latn"], "Oila boshligʻi");
    assert_eq!(written["survey"][0]["label"]["ru"], "Глава семьи");
    assert!(xonadon(&["check", &out_path]).status.success());
}

#[test]
fn xlsform_writes_a_workbook_that_imports_back() {
    let xlsx = scratch("household.xlsx", "");
    let out = xonadon(&["xlsform", &household(), "-o", &xlsx]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json = scratch("household-again.json", "");
    let back = xonadon(&["import", &xlsx, "-o", &json]);
    assert!(back.status.success(), "{}", text(&back.stderr));
    let original: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(household()).unwrap()).unwrap();
    let again: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(again["survey"], original["survey"]);
    assert_eq!(again["choices"], original["choices"]);
}
