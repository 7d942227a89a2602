//! A crate's default catalog, declared once in its `Cargo.toml`:
//!
//! ```toml
//! [package.metadata.ecodes]
//! catalog = "codes.csv"
//! module = "crate::codes"
//! ```
//!
//! `#[derive(ErrorCode)]` and `ecode!` then check against that catalog without options. The
//! manifest is read once per compiler process and kept, keyed by path, modification time and
//! length, as custom catalogs are. Cargo rebuilds a crate when its manifest changes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::SystemTime;

use proc_macro2::TokenStream;
use quote::ToTokens;

impl CrateDefault {
    /// The module's path as tokens.
    pub(crate) fn module(&self) -> TokenStream {
        syn::parse_str::<syn::Path>(&self.module)
            .map(|path| path.to_token_stream())
            .unwrap_or_default()
    }
}

/// The default catalog of the crate being compiled.
#[derive(Clone)]
pub(crate) struct CrateDefault {
    /// The catalog's path, relative to `CARGO_MANIFEST_DIR`.
    pub(crate) catalog: String,
    /// The module where `include_codes!` expanded it, as written: tokens cannot be kept across
    /// macro invocations.
    module: String,
    /// `path/Cargo.toml:LINE`, for messages.
    pub(crate) origin: String,
}

type Stamp = (SystemTime, u64);
type Cache = Mutex<HashMap<PathBuf, (Stamp, Result<Option<CrateDefault>, String>)>>;

/// The default from the `Cargo.toml` in `CARGO_MANIFEST_DIR`: `Ok(None)` when there is no
/// manifest or it declares none.
///
/// # Errors
/// A message naming `Cargo.toml:LINE` when `[package.metadata.ecodes]` is malformed.
pub(crate) fn crate_default() -> Result<Option<CrateDefault>, String> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return Ok(None);
    };
    let path = Path::new(&dir).join("Cargo.toml");
    let Ok(metadata) = std::fs::metadata(&path) else {
        return Ok(None);
    };
    let stamp = (
        metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
        metadata.len(),
    );
    let cache = CACHE.get_or_init(Mutex::default);
    if let Ok(cache) = cache.lock() {
        if let Some((cached, found)) = cache.get(&path) {
            if *cached == stamp {
                return found.clone();
            }
        }
    }
    let found = match std::fs::read_to_string(&path) {
        Ok(text) => read(&text, &path.display().to_string()),
        Err(_) => Ok(None),
    };
    if let Ok(mut cache) = cache.lock() {
        cache.insert(path, (stamp, found.clone()));
    }
    found
}

/// Reads `[package.metadata.ecodes]` from the text of a manifest named `file` in messages.
pub(crate) fn read(text: &str, file: &str) -> Result<Option<CrateDefault>, String> {
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let root = toml::de::DeTable::parse(text).map_err(|err| {
        let line = err.span().map_or(1, |span| line_of(span.start));
        format!("{file}:{line}: cannot read the manifest: {}", err.message())
    })?;
    let Some(ecodes) = root
        .get_ref()
        .get("package")
        .and_then(|package| package.get_ref().get("metadata"))
        .and_then(|metadata| metadata.get_ref().get("ecodes"))
    else {
        return Ok(None);
    };
    let origin = format!("{file}:{}", header_line(text));
    let fail = |line: usize, message: String| {
        Err(format!(
            "{file}:{line}: `[package.metadata.ecodes]` {message}"
        ))
    };
    let Some(table) = ecodes.get_ref().as_table() else {
        return fail(
            line_of(ecodes.span().start),
            "must be a table with `catalog = \"codes.csv\"` and `module = \"crate::codes\"`"
                .to_owned(),
        );
    };
    if let Some((key, _)) = table
        .iter()
        .find(|(key, _)| !matches!(key.get_ref().as_ref(), "catalog" | "module"))
    {
        return fail(
            line_of(key.span().start),
            format!(
                "has an unknown key `{}`; expected `catalog` and `module`",
                key.get_ref()
            ),
        );
    }
    let header = header_line(text);
    let string = |key: &str, example: &str| match table.get(key) {
        None => Err((
            header,
            format!("has no `{key}`; add `{key} = \"{example}\"`"),
        )),
        Some(value) => match value.get_ref().as_str() {
            Some(text) => Ok((text.to_owned(), line_of(value.span().start))),
            None => Err((
                line_of(value.span().start),
                format!(
                    "`{key}` must be a string, such as `{key} = \"{example}\"`, not {}",
                    value.get_ref().type_str()
                ),
            )),
        },
    };
    let (catalog, _) = match string("catalog", "codes.csv") {
        Ok(found) => found,
        Err((line, message)) => return fail(line, message),
    };
    let (module, module_line) = match string("module", "crate::codes") {
        Ok(found) => found,
        Err((line, message)) => return fail(line, message),
    };
    if syn::parse_str::<syn::Path>(&module).is_err() {
        {
            return fail(
                module_line,
                format!(
                    "`module = \"{module}\"` is not a Rust path; name the module where \
                     `include_codes!` expands the catalog, such as `\"crate::codes\"`"
                ),
            );
        }
    }
    Ok(Some(CrateDefault {
        catalog,
        module,
        origin,
    }))
}

/// The line of the `[package.metadata.ecodes]` header, or of the first line that names
/// `metadata.ecodes` some other way; 1 when neither is found.
fn header_line(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let compact = |line: &str| {
        line.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    lines
        .iter()
        .position(|line| compact(line).starts_with("[package.metadata.ecodes]"))
        .or_else(|| {
            lines
                .iter()
                .position(|line| compact(line).contains("metadata.ecodes"))
        })
        .map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_of(text: &str) -> Result<Option<(String, String, String)>, String> {
        read(text, "Cargo.toml").map(|found| {
            found.map(|found| {
                (
                    found.catalog.clone(),
                    found.module().to_string(),
                    found.origin,
                )
            })
        })
    }

    #[test]
    fn reads_the_default_catalog() {
        let manifest = "[package]\nname = \"x\"\n\n[package.metadata.ecodes]\ncatalog = \"codes.csv\"\nmodule = \"crate::codes\"\n";
        assert_eq!(
            default_of(manifest),
            Ok(Some((
                "codes.csv".to_owned(),
                "crate :: codes".to_owned(),
                "Cargo.toml:4".to_owned()
            )))
        );
        assert_eq!(default_of("[package]\nname = \"x\"\n"), Ok(None));
    }

    #[test]
    fn a_bad_table_names_the_manifest_line_and_the_fix() {
        let with = |body: &str| {
            default_of(&format!(
                "[package]\nname = \"x\"\n[package.metadata.ecodes]\n{body}"
            ))
            .unwrap_err()
        };
        assert_eq!(
            with("catalog = \"codes.csv\"\n"),
            "Cargo.toml:3: `[package.metadata.ecodes]` has no `module`; add `module = \"crate::codes\"`"
        );
        assert_eq!(
            with("catalog = 7\nmodule = \"crate::codes\"\n"),
            "Cargo.toml:4: `[package.metadata.ecodes]` `catalog` must be a string, such as `catalog = \"codes.csv\"`, not integer"
        );
        assert!(with("catalog = \"c.csv\"\nmodule = \"crate::\"\n")
            .starts_with("Cargo.toml:5: `[package.metadata.ecodes]` `module = \"crate::\"` is not a Rust path"));
        assert!(with("catalog = \"c.csv\"\nmodule = \"m\"\nmodul = 1\n")
            .starts_with("Cargo.toml:6: `[package.metadata.ecodes]` has an unknown key `modul`"));
        let inline = default_of("[package]\nname = \"x\"\nmetadata.ecodes = 3\n").unwrap_err();
        assert!(
            inline.starts_with("Cargo.toml:3: `[package.metadata.ecodes]` must be a table"),
            "{inline}"
        );
        let broken = default_of("[package\n").unwrap_err();
        assert!(
            broken.starts_with("Cargo.toml:1: cannot read the manifest"),
            "{broken}"
        );
    }
}
