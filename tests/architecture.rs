//! ARCHITECTURE.md is only useful while it is true: every path it names exists, every workspace
//! crate is named, and each crate's row of the code map names every top-level module of it.

use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from(".."), Path::to_path_buf)
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()))
}

fn architecture() -> String {
    read(&workspace().join("ARCHITECTURE.md"))
}

/// The text inside each pair of backticks.
fn quoted(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

/// Every file and folder under `dir`, as paths relative to it with `/` separators (folders
/// with a trailing `/`).
fn tree(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&current) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let relative = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if path.is_dir() {
                found.push(format!("{relative}/"));
                pending.push(path);
            } else {
                found.push(relative);
            }
        }
    }
    found
}

/// The code map's rows: the crate's folder and the text of its row.
fn code_map(architecture: &str) -> Vec<(String, String)> {
    let section = architecture
        .split("## Code map")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_else(|| panic!("ARCHITECTURE.md has no `## Code map` section"));
    section
        .lines()
        .filter(|line| line.starts_with("| `"))
        .map(|line| {
            let name = quoted(line).first().copied().unwrap_or_default().to_owned();
            (name, line.to_owned())
        })
        .collect()
}

/// The modules a crate root declares at its top level: `mod x;` and `pub mod x;`.
fn top_level_modules(krate: &Path) -> Vec<String> {
    let root = ["src/lib.rs", "src/main.rs"]
        .iter()
        .map(|file| krate.join(file))
        .find(|path| path.exists())
        .unwrap_or_else(|| panic!("{} has no src/lib.rs or src/main.rs", krate.display()));
    read(&root)
        .lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("pub(crate) mod "))
                .or_else(|| line.strip_prefix("mod "))?;
            rest.strip_suffix(';').map(str::to_owned)
        })
        .filter(|module| module != "tests")
        .collect()
}

#[test]
fn every_path_in_the_code_map_exists_in_its_crate() {
    let root = workspace();
    for (krate, row) in code_map(&architecture()) {
        let files = tree(&root.join(&krate).join("src"));
        assert!(
            !files.is_empty(),
            "the code map names a crate `{krate}` that has no src/"
        );
        for path in quoted(&row).into_iter().skip(1).filter(|text| {
            Path::new(text)
                .extension()
                .is_some_and(|extension| extension == "rs")
                || text.ends_with('/')
        }) {
            assert!(
                files
                    .iter()
                    .any(|file| file == path || file.ends_with(&format!("/{path}"))),
                "ARCHITECTURE.md names `{path}` in the row of `{krate}`, which has no such file"
            );
        }
    }
}

#[test]
fn every_top_level_module_is_in_its_crate_s_row() {
    let root = workspace();
    for (krate, row) in code_map(&architecture()) {
        for module in top_level_modules(&root.join(&krate)) {
            let named = [
                format!("`{module}.rs`"),
                format!("`{module}/`"),
                format!("`{module}`"),
                format!("`{}/`", module.trim_start_matches('_')),
            ];
            assert!(
                named.iter().any(|name| row.contains(name.as_str())),
                "module `{module}` of `{krate}` is not in its row of ARCHITECTURE.md's code map"
            );
        }
    }
}

#[test]
fn every_workspace_crate_is_named() {
    let root = workspace();
    let manifest = read(&root.join("Cargo.toml"));
    let members = manifest
        .split("members = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .unwrap_or_else(|| panic!("no workspace members in Cargo.toml"));
    let architecture = architecture();
    for member in members
        .split(',')
        .map(|member| member.trim().trim_matches('"'))
    {
        if member.is_empty() {
            continue;
        }
        assert!(
            architecture.contains(&format!("`{member}`"))
                || architecture.contains(&format!("`{member}/`")),
            "workspace member `{member}` is not named in ARCHITECTURE.md"
        );
    }
}

#[test]
fn every_path_outside_the_code_map_exists() {
    let root = workspace();
    let architecture = architecture();
    let top: Vec<String> = tree(&root)
        .into_iter()
        .filter(|path| path.matches('/').count() <= 1 && !path.starts_with("target"))
        .collect();
    for text in quoted(&architecture) {
        let looks_like_a_path = text.contains('/')
            && !text.contains(' ')
            && !text.contains("::")
            && top.iter().any(|dir| text.starts_with(dir.as_str()));
        if looks_like_a_path {
            let path = text.split('<').next().unwrap_or(text);
            assert!(
                root.join(path).exists(),
                "ARCHITECTURE.md names `{text}`, which does not exist"
            );
        }
    }
}
