//! A product crate pays only for what it uses: with ecodes, serde and thiserror (the adoption
//! benchmark's crate, `benches/adoption/product`), cargo resolves one `syn` and one `serde_core`.
//! Only `ecodes-core` may appear twice, built for the macros (host) and the runtime (target).

use std::path::Path;
use std::process::Command;

#[test]
fn a_product_crate_with_serde_and_thiserror_compiles_one_syn_and_one_serde_core() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap_or(Path::new(".."));
    let template = workspace.join("benches/adoption/product");
    let crate_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dependencies/product");
    std::fs::create_dir_all(crate_dir.join("src")).unwrap();
    let manifest = std::fs::read_to_string(template.join("Cargo.toml.in")).unwrap();
    let ecodes = workspace.join("ecodes");
    std::fs::write(
        crate_dir.join("Cargo.toml"),
        manifest.replace("@ECODES@", &ecodes.to_string_lossy()),
    )
    .unwrap();
    std::fs::copy(template.join("src/main.rs"), crate_dir.join("src/main.rs")).unwrap();
    // The workspace's lock file pins the same versions, so no registry is needed.
    std::fs::copy(workspace.join("Cargo.lock"), crate_dir.join("Cargo.lock")).unwrap();

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["tree", "--offline", "-e", "normal,build", "--duplicates"])
        .current_dir(&crate_dir)
        .output()
        .expect("run cargo tree");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "cargo tree failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let duplicated: Vec<&str> = stdout
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphanumeric()))
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    // Listed once per version or per host/target build.
    let unexpected: Vec<&&str> = duplicated
        .iter()
        .filter(|name| **name != "ecodes-core")
        .collect();
    assert!(
        unexpected.is_empty(),
        "compiled twice: {unexpected:?}\n{stdout}"
    );
    // The crate does depend on both, so the check is not vacuous.
    let all = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned()))
        .args([
            "tree",
            "--offline",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .current_dir(&crate_dir)
        .output()
        .expect("run cargo tree");
    let all = String::from_utf8_lossy(&all.stdout);
    for name in [
        "syn v3",
        "serde_core v1",
        "serde_derive",
        "thiserror-impl",
        "ecodes-macros",
    ] {
        assert!(all.contains(name), "{name} is not in the tree:\n{all}");
    }
}
