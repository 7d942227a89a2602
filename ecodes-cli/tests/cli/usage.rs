//! `ecodes usage`, on a fixture crate that uses every reference form, plus a file that does not
//! parse and one that `.gitignore` hides.

use crate::{ecodes, json_of, stdout_of, workspace};

/// A copy of the fixture crate in a temporary directory, with the files that must be reported
/// or skipped written into it.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|err| panic!("{err}"));
    let source = workspace().join("ecodes-cli/tests/fixtures/usage/src");
    std::fs::create_dir_all(dir.path().join("src/ignored")).unwrap();
    for file in ["lib.rs", "more.rs"] {
        std::fs::copy(source.join(file), dir.path().join("src").join(file)).unwrap();
    }
    std::fs::write(dir.path().join("src/broken.rs"), "fn broken( {\n").unwrap();
    std::fs::write(
        dir.path().join("src/ignored/hidden.rs"),
        "const X: ecodes::Cdp = ecodes::ecode!(3519);\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(".gitignore"), "/src/ignored/\n").unwrap();
    dir
}

#[test]
fn finds_every_form_resolved_as_the_macros_resolve_it() {
    let dir = fixture();
    let output = ecodes()
        .current_dir(dir.path())
        .args(["usage", "--format", "json"])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    // broken.rs does not parse: reported, skipped, exit status 1.
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("./src/broken.rs:1: cannot parse the file:"),
        "{stderr}"
    );
    let json = json_of(&output);
    let used: Vec<(u64, Vec<String>)> = json["used"]
        .as_array()
        .unwrap_or_else(|| panic!("{json}"))
        .iter()
        .map(|code| {
            let places = code["uses"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|place| {
                    format!(
                        "{}:{} {}",
                        place["file"].as_str().unwrap_or_default(),
                        place["line"],
                        place["form"].as_str().unwrap_or_default()
                    )
                })
                .collect();
            (code["code"].as_u64().unwrap_or_default(), places)
        })
        .collect();
    let expected: Vec<(u64, Vec<&str>)> = vec![
        (1001, vec!["./src/lib.rs:27 path"]),
        (3521, vec!["./src/lib.rs:32 ecode!"]),
        (
            3530,
            vec![
                "./src/lib.rs:8 #[ecode]",
                "./src/lib.rs:20 #[ecode]",
                "./src/lib.rs:26 path",
            ],
        ),
        (3554, vec!["./src/lib.rs:25 ecode!"]),
        (3555, vec!["./src/lib.rs:12 #[ecode]"]),
        (3588, vec!["./src/lib.rs:10 #[ecode]"]),
        (4008, vec!["./src/lib.rs:14 #[ecode]"]),
    ];
    let expected: Vec<(u64, Vec<String>)> = expected
        .into_iter()
        .map(|(code, places)| (code, places.into_iter().map(str::to_owned).collect()))
        .collect();
    assert_eq!(used, expected);
    assert_eq!(json["unused"].as_array().map(Vec::len), Some(240 - 7));
    let unresolved = &json["unresolved"];
    assert_eq!(unresolved[0]["reference"], "9999", "{unresolved}");
    assert_eq!(unresolved[0]["file"], "./src/more.rs");
    assert!(
        unresolved.as_array().is_some_and(|all| all.len() == 1),
        "{unresolved}"
    );
    let used_3521 = json["used"]
        .as_array()
        .and_then(|codes| codes.iter().find(|code| code["code"] == 3521))
        .map(|code| code["documented"].clone());
    assert_eq!(used_3521, Some(false.into()));
}

#[test]
fn the_table_flags_undocumented_codes_and_unused_lists_the_rest() {
    let dir = fixture();
    let run = |args: &[&str]| {
        ecodes()
            .current_dir(dir.path())
            .arg("usage")
            .args(args)
            .arg("src/lib.rs")
            .output()
            .unwrap_or_else(|err| panic!("{err}"))
    };
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let text = stdout_of(&output);
    assert!(text.contains("3521  Cdp        Undocumented3521"), "{text}");
    assert!(
        text.contains("src/lib.rs:32  ecode!    no message"),
        "{text}"
    );
    assert!(
        text.ends_with(
            "9 references to 7 of 240 codes in 1 files; 233 unused (--unused lists them); 1 to \
         retired or undocumented codes\n"
        ),
        "{text}"
    );
    let unused = stdout_of(&run(&["--unused"]));
    assert!(unused.starts_with("CODE  SUBSYSTEM"), "{unused}");
    assert!(!unused.contains("FileChecksum"), "{unused}");
    assert!(!unused.contains("CopyFile"), "{unused}");
    assert!(unused.contains("RuleRestarting"), "{unused}");
}
