//! trybuild UI tests: every compile error a user can hit, one mistake per file.
//!
//! `include_codes!` resolves catalog paths against `CARGO_MANIFEST_DIR`, which under trybuild is
//! the scratch project it builds in (`<target>/tests/trybuild/ecodes-tests`). A link from there
//! to `tests/ui` lets the test files name their catalogs as `ui/...`, exactly as a product crate
//! names its own.

use std::path::Path;

#[test]
fn ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("CARGO_TARGET_TMPDIR is <target>/tmp");
    let project = target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"));
    std::fs::create_dir_all(&project).expect("create the trybuild project directory");
    let link = project.join("ui");
    if std::fs::symlink_metadata(&link).is_err() {
        std::os::unix::fs::symlink(root.join("ui"), &link).expect("link tests/ui");
    }

    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/catalog/*.rs");
    cases.compile_fail("ui/usage/*.rs");
    cases.compile_fail("ui/derive/*.rs");
    cases.compile_fail("ui/ecode/*.rs");
}
