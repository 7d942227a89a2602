//! `[package.metadata.ecodes]`: a crate's default catalog for `#[derive(ErrorCode)]` and
//! `ecode!`. trybuild writes a manifest of its own for its test crates, without the package's
//! metadata, so these are real crates built with cargo, as a user's would be.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A scratch crate depending on the workspace's `ecodes`, with `files` written into it.
fn scratch_crate(name: &str, manifest_extra: &str, files: &[(&str, &str)]) -> PathBuf {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new(".."));
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("metadata")
        .join(name);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\necodes = {{ path = {:?} }}\n\n{manifest_extra}\n[workspace]\n",
            workspace.join("ecodes").display().to_string()
        ),
    )
    .unwrap();
    // The workspace's lock file pins the same dependency versions, so no registry is needed.
    std::fs::copy(workspace.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
    for (path, contents) in files {
        std::fs::write(dir.join(path), contents).unwrap();
    }
    dir
}

fn cargo(dir: &Path, command: &str) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args([command, "--quiet", "--offline"])
        // One target directory for the scratch crates, so that ecodes is built once.
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("metadata/target"),
        )
        .current_dir(dir)
        .output()
        .expect("run cargo")
}

const LINKS: &str = "code,subsystem,name,severity,message_en,aliases\n\
                     7,Link,Down,Error,The link is down,LINK_DOWN\n\
                     8,Link,Flapping,Warning,The link is flapping,\n";

const DISKS: &str = "code,subsystem,name,severity,message_en\n\
                     70,Disk,Full,Error,The disk is full\n";

#[test]
fn the_crate_default_serves_derive_and_ecode_and_an_explicit_catalog_wins() {
    let main = r#"
mod codes {
    ecodes::include_codes!("links.csv");
}
mod disks {
    ecodes::include_codes!("disks.csv");
}

#[derive(Debug, ecodes::ErrorCode)]
enum LinkError {
    #[ecode(Link::Down)]
    Down,
    #[ecode(8)]
    Flapping,
}

#[derive(Debug, ecodes::ErrorCode)]
#[ecode(catalog = "disks.csv", module = crate::disks)]
#[ecode(Full)]
struct DiskFull;

fn main() {
    use ecodes::ErrorCode as _;
    const DOWN: codes::Link = ecodes::ecode!(LINK_DOWN);
    println!("{} {}", LinkError::Down.code(), LinkError::Flapping.name());
    println!("{} {}", DOWN.code(), codes::Link::LINK_DOWN.name());
    println!("{} {}", DiskFull.code(), DiskFull.message());
}
"#;
    let dir = scratch_crate(
        "with-default",
        "[package.metadata.ecodes]\ncatalog = \"links.csv\"\nmodule = \"crate::codes\"\n",
        &[
            ("links.csv", LINKS),
            ("disks.csv", DISKS),
            ("src/main.rs", main),
        ],
    );
    let output = cargo(&dir, "run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "7 Flapping\n7 Down\n70 The disk is full\n"
    );
}

#[test]
fn a_bad_table_is_an_error_naming_the_manifest_line() {
    let main = r#"
mod codes {
    ecodes::include_codes!("links.csv");
}

#[derive(Debug, ecodes::ErrorCode)]
enum LinkError {
    #[ecode(Link::Down)]
    Down,
}

fn main() {
    let _ = ecodes::ecode!(7);
    let _ = LinkError::Down;
}
"#;
    let dir = scratch_crate(
        "bad-default",
        "[package.metadata.ecodes]\ncatalog = \"links.csv\"\n",
        &[("links.csv", LINKS), ("src/main.rs", main)],
    );
    let output = cargo(&dir, "build");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    let manifest = dir.join("Cargo.toml");
    let expected = format!(
        "error: {}:10: `[package.metadata.ecodes]` has no `module`; add `module = \"crate::codes\"`",
        manifest.display()
    );
    // Once for the derive and once for `ecode!`, and nothing else: no follow-on errors.
    assert_eq!(stderr.matches(&expected).count(), 2, "{stderr}");
    let errors = stderr
        .lines()
        .filter(|line| line.starts_with("error"))
        .count();
    assert_eq!(errors, 3, "two, then `could not compile`: {stderr}");
}
