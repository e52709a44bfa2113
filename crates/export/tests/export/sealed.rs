//! Bundles sealed for a supervisor (age, X25519): they read back with the supervisor's key
//! only, a cut or changed file is refused naming it, a plain bundle from an older tablet still
//! reads, and the `age` command line opens them too.

use std::process::Command;

use xonadon_export::keys::SupervisorIdentity;
use xonadon_export::seal;

use super::*;

fn sealed_bundle(to: &SupervisorIdentity) -> (Vec<u8>, Vec<u8>) {
    let plain = bundle_of(&[household_a(), household_b()], 1_764_000_000_000.0);
    (seal::seal(&plain, &to.public()).unwrap(), plain)
}

#[test]
fn a_sealed_bundle_reads_back_with_the_supervisors_key() {
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let (sealed, plain) = sealed_bundle(&dilnoza);
    assert!(
        !sealed.windows(5).any(|w| w == "Азиз".as_bytes()),
        "no answer in clear"
    );
    let read = bundle::read_with("t7.age", &sealed, std::slice::from_ref(&dilnoza)).unwrap();
    assert_eq!(read, bundle::read("t7.json", &plain).unwrap());
    assert_eq!(read.submissions.len(), 2);
}

#[test]
fn a_streamed_bundle_sealed_on_the_way_reads_back() {
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let forms = [BundleForm::from_record(&record()).unwrap()];
    let out = seal::writer(Vec::new(), &dilnoza.public()).unwrap();
    let mut w = bundle::BundleWriter::new(out, &forms, "tablet-7", 5.0).unwrap();
    w.submission(&BundleSubmission::new(&household_a(), Vec::new()))
        .unwrap();
    let sealed = seal::finish(w.finish().unwrap()).unwrap();
    let read = bundle::read_with("t7.age", &sealed, &[dilnoza]).unwrap();
    assert_eq!(read.submissions[0].submission, {
        let mut a = household_a();
        a.exports.clear();
        a
    });
}

#[test]
fn another_key_no_key_or_a_cut_file_is_refused_naming_the_file() {
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let bobur = SupervisorIdentity::generate("Bobur");
    let (sealed, _) = sealed_bundle(&dilnoza);
    let wrong = bundle::read_with("t7.age", &sealed, &[bobur]).unwrap_err();
    assert!(matches!(wrong, ExportError::WrongKey { .. }), "{wrong:?}");
    assert!(wrong.to_string().starts_with("t7.age: "), "{wrong}");
    assert!(
        wrong.to_string().contains("another supervisor's key"),
        "{wrong}"
    );
    let none = bundle::read("t7.age", &sealed).unwrap_err();
    assert!(matches!(none, ExportError::Encrypted { .. }), "{none:?}");
    let cut = bundle::read_with("t7.age", &sealed[..sealed.len() - 100], &[dilnoza]).unwrap_err();
    assert!(matches!(cut, ExportError::Damaged { .. }), "{cut:?}");
    assert!(
        cut.to_string().contains("copy it from the tablet again"),
        "{cut}"
    );
}

#[test]
fn a_plain_bundle_from_an_older_tablet_still_reads_with_a_key_given() {
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let plain = bundle_of(&[household_a()], 1.0);
    let read = bundle::read_with("old.json", &plain, &[dilnoza]).unwrap();
    assert_eq!(read.submissions.len(), 1);
}

/// The `age` command line (age 1.1, X25519 only) opens a sealed bundle with the key file
/// Xonadon writes, and Xonadon opens what `age` seals to the public key. Skipped where `age`
/// is not installed.
#[test]
fn the_age_command_line_reads_and_writes_sealed_bundles() {
    if Command::new("age").arg("--version").output().is_err() {
        eprintln!("age is not installed: skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("xonadon-age-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dilnoza = SupervisorIdentity::generate("Dilnoza");
    let key = dir.join("key.txt");
    std::fs::write(&key, dilnoza.to_file("2026-12-07T10:00:00Z")).unwrap();
    let (sealed, plain) = sealed_bundle(&dilnoza);
    let file = dir.join("t7.age");
    std::fs::write(&file, &sealed).unwrap();
    let out = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&key)
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, plain);

    let by_age = dir.join("by-age.age");
    std::fs::write(dir.join("plain.json"), &plain).unwrap();
    let status = Command::new("age")
        .arg("-r")
        .arg(dilnoza.public().recipient.to_string())
        .arg("-o")
        .arg(&by_age)
        .arg(dir.join("plain.json"))
        .status();
    assert!(status.unwrap().success());
    let read = bundle::read_with("by-age.age", &std::fs::read(&by_age).unwrap(), &[dilnoza]);
    assert_eq!(read.unwrap().submissions.len(), 2);
    std::fs::remove_dir_all(&dir).ok();
}
