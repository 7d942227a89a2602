//! Editing a catalog rebuilds the crate that includes it: the expansion names the file in an
//! `include_bytes!`, so cargo tracks it like a source file.

use std::path::Path;
use std::process::Command;

fn cargo_run(dir: &Path, target: &Path) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["run", "--quiet", "--offline"])
        .env("CARGO_TARGET_DIR", target)
        .current_dir(dir)
        .output()
        .expect("run cargo");
    assert!(
        output.status.success(),
        "cargo run failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn editing_the_catalog_rebuilds_the_crate() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new(".."));
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("rebuild");
    let crate_dir = scratch.join("product");
    std::fs::create_dir_all(crate_dir.join("src")).unwrap();
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"product\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\necodes = {{ path = {:?} }}\n\n[workspace]\n",
            workspace.join("ecodes")
        ),
    )
    .unwrap();
    // The workspace's lock file pins the same dependency versions, so no registry is needed.
    std::fs::copy(workspace.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();
    std::fs::write(
        crate_dir.join("src/main.rs"),
        "ecodes::include_codes!(\"codes.csv\");\n\
         fn main() { println!(\"{}\", Code::from_code(1).map(|code| code.to_string()).unwrap_or_default()); }\n",
    )
    .unwrap();

    let header = "code,subsystem,name,severity,message_en\n";
    let target = scratch.join("target");
    std::fs::write(
        crate_dir.join("codes.csv"),
        format!("{header}1,Disk,Full,Error,first text\n"),
    )
    .unwrap();
    assert_eq!(cargo_run(&crate_dir, &target), "1: first text\n");

    std::fs::write(
        crate_dir.join("codes.csv"),
        format!("{header}1,Disk,Full,Error,second text\n"),
    )
    .unwrap();
    assert_eq!(cargo_run(&crate_dir, &target), "1: second text\n");
}
