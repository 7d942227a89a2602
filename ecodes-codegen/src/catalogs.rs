//! The catalogs that `ecode!` and `#[derive(ErrorCode)]` check references against.
//!
//! The product catalog is compiled into this crate (the same `codes.csv` as the `ecodes`
//! crate's, which pins this crate's exact version), so checking a reference needs no file access.
//! A catalog named with `catalog = "..."` is read from disk once per compiler process and kept,
//! keyed by path, modification time and length, so an edited file is read again. A catalog
//! with bad rows still serves its valid ones, as `include_codes!` still expands them: only a
//! reference that names none of them is an error, and it says that the catalog has bad rows.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use ecodes_catalog::{Catalog, Parsed, Problem};
use proc_macro2::{Span, TokenStream};
use quote::quote;

const PRODUCT_CSV: &str = include_str!("../codes.csv");

/// A catalog and the module whose generated types the expansion names.
pub(crate) struct Target {
    pub(crate) catalog: Arc<Catalog>,
    /// `::ecodes` for the product catalog, or the module given with `module = ...`. Cargo
    /// tracks a catalog read from disk through the `include_codes!` that generated `module`.
    pub(crate) module: TokenStream,
    /// Appended to an unresolved reference's message when the catalog has rows with problems,
    /// which the reference may have meant.
    pub(crate) invalid_rows_note: Option<String>,
}

impl Target {
    pub(crate) fn product() -> syn::Result<Target> {
        static PRODUCT: OnceLock<Result<Arc<Catalog>, String>> = OnceLock::new();
        let catalog = PRODUCT.get_or_init(|| {
            Catalog::from_csv(PRODUCT_CSV.as_bytes())
                .map(Arc::new)
                .map_err(|problems| describe_problems("the product catalog", &problems))
        });
        match catalog {
            Ok(catalog) => Ok(Target {
                catalog: Arc::clone(catalog),
                module: quote!(::ecodes),
                invalid_rows_note: None,
            }),
            Err(message) => Err(syn::Error::new(Span::call_site(), message)),
        }
    }

    /// The catalog at `written` (relative to `CARGO_MANIFEST_DIR`), whose types live in
    /// `module`; `span` is where an unreadable file is reported.
    pub(crate) fn custom(written: &str, span: Span, module: TokenStream) -> syn::Result<Target> {
        let resolved = match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) => Path::new(&dir).join(written),
            None => PathBuf::from(written),
        };
        let loaded = load(&resolved)
            .map_err(|message| syn::Error::new(span, format!("{written}: {message}")))?;
        let invalid_rows_note = invalid_rows_note(written, &loaded.problems);
        Ok(Target {
            catalog: Arc::clone(&loaded.catalog),
            module,
            invalid_rows_note,
        })
    }
}

impl Target {
    /// A code of the catalog as `ecode!` and `#[ecode]` take it, for messages that show how to
    /// write one: a Rust literal where the written form is one (`3530`, `-13`, `0xC0000005`),
    /// else a string (`"22P02"`, `"ORA-00942"`).
    pub(crate) fn example_code(&self) -> String {
        let entries = self.catalog.entries();
        entries
            .iter()
            .find(|entry| entry.is_documented())
            .or_else(|| entries.first())
            .map_or_else(|| "42".to_owned(), |entry| as_argument(entry.written()))
    }
}

/// A written code as a macro argument: itself where Rust reads it as an integer literal, else a
/// string literal.
pub(crate) fn as_argument(written: &str) -> String {
    let digits = written.strip_prefix('-').unwrap_or(written);
    let literal = if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) && !written.starts_with('-')
    } else {
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if literal {
        written.to_owned()
    } else {
        format!("\"{written}\"")
    }
}

/// What an unresolved reference adds when the catalog has problems.
fn invalid_rows_note(written: &str, problems: &[Problem]) -> Option<String> {
    if problems.is_empty() {
        return None;
    }
    let mut lines: Vec<u64> = problems.iter().filter_map(Problem::line).collect();
    lines.dedup();
    let lines = match lines.as_slice() {
        [] => String::new(),
        [one] => format!(" (line {one})"),
        several if several.len() <= 8 => {
            let listed: Vec<String> = several.iter().map(u64::to_string).collect();
            format!(" (lines {})", listed.join(", "))
        }
        several => format!(" ({} lines, the first {})", several.len(), several[0]),
    };
    Some(format!(
        "The catalog `{written}` has rows with problems{lines}, which `include_codes!` reports; if the code \
         is on one of them, fix that row"
    ))
}

/// A catalog read from disk: its valid rows, shared, and its problems.
struct CachedCatalog {
    catalog: Arc<Catalog>,
    problems: Arc<[Problem]>,
}

impl Clone for CachedCatalog {
    fn clone(&self) -> Self {
        CachedCatalog {
            catalog: Arc::clone(&self.catalog),
            problems: Arc::clone(&self.problems),
        }
    }
}

type Stamp = (SystemTime, u64);
type Cache = Mutex<HashMap<PathBuf, (Stamp, CachedCatalog)>>;

fn load(path: &Path) -> Result<CachedCatalog, String> {
    static CACHE: OnceLock<Cache> = OnceLock::new();
    let unreadable = |err: &std::io::Error| {
        format!(
            "cannot read the catalog: {}; the path is relative to CARGO_MANIFEST_DIR, so it was \
             looked for at `{}`",
            ecodes_catalog::describe_io_error(err),
            path.display()
        )
    };
    let metadata = std::fs::metadata(path).map_err(|err| unreadable(&err))?;
    let stamp = (
        metadata.modified().unwrap_or(SystemTime::UNIX_EPOCH),
        metadata.len(),
    );
    let cache = CACHE.get_or_init(Mutex::default);
    if let Ok(cache) = cache.lock() {
        if let Some((cached, loaded)) = cache.get(path) {
            if *cached == stamp {
                return Ok(loaded.clone());
            }
        }
    }
    let bytes = std::fs::read(path).map_err(|err| unreadable(&err))?;
    let Parsed { catalog, problems } = ecodes_catalog::parse(&bytes);
    let loaded = CachedCatalog {
        catalog: Arc::new(catalog),
        problems: problems.into(),
    };
    if let Ok(mut cache) = cache.lock() {
        cache.insert(path.to_owned(), (stamp, loaded.clone()));
    }
    Ok(loaded)
}

fn describe_problems(what: &str, problems: &[ecodes_catalog::Problem]) -> String {
    let mut message = format!(
        "{what} has {} problem(s); `include_codes!` on it reports each one:",
        problems.len()
    );
    for problem in problems.iter().take(3) {
        message.push_str("\n  ");
        message.push_str(&problem.to_string());
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_product_catalog_is_compiled_in_and_valid() {
        let target = Target::product().unwrap();
        assert_eq!(target.catalog.get(3530).unwrap().name(), "FileChecksum");
    }

    #[test]
    fn a_custom_catalog_is_read_again_when_it_changes() {
        let dir = std::env::temp_dir().join(format!("ecodes-macros-cache-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("codes.csv");
        std::fs::write(
            &path,
            "code,subsystem,name,severity,message_en\n1,A,One,,\n",
        )
        .unwrap();
        assert_eq!(load(&path).unwrap().catalog.get(1).unwrap().name(), "One");
        // A different length changes the stamp even where the clock is coarse.
        std::fs::write(
            &path,
            "code,subsystem,name,severity,message_en\n1,A,Uno,,\n2,A,Two,,\n",
        )
        .unwrap();
        assert_eq!(load(&path).unwrap().catalog.get(1).unwrap().name(), "Uno");
        // Bad rows leave the valid ones usable, and say where they are.
        std::fs::write(
            &path,
            "code,subsystem,name,severity,message_en\n1,A,Uno,,\nx,A,Bad,,\n",
        )
        .unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.catalog.get(1).unwrap().name(), "Uno");
        assert_eq!(
            invalid_rows_note("codes.csv", &loaded.problems).as_deref(),
            Some(
                "The catalog `codes.csv` has rows with problems (line 3), which \
                 `include_codes!` reports; if the code is on one of them, fix that row"
            )
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_note_on_bad_rows_lists_up_to_eight_lines() {
        let problems = |lines: &[u64]| -> Vec<Problem> {
            lines.iter().map(|&line| Problem::at(line, "bad")).collect()
        };
        let note = |lines: &[u64]| invalid_rows_note("codes.csv", &problems(lines)).unwrap();
        assert!(note(&[3, 3, 7]).contains("rows with problems (lines 3, 7),"));
        assert!(note(&[2, 3, 4, 5, 6, 7, 8, 9]).contains("(lines 2, 3, 4, 5, 6, 7, 8, 9),"));
        assert!(note(&[2, 3, 4, 5, 6, 7, 8, 9, 10]).contains("(9 lines, the first 2),"));
        let whole = invalid_rows_note("codes.csv", &[Problem::whole_file("empty")]).unwrap();
        assert!(whole.starts_with("The catalog `codes.csv` has rows with problems, which"));
        assert_eq!(invalid_rows_note("codes.csv", &[]), None);
    }

    #[test]
    fn a_broken_catalog_is_described_by_its_first_three_problems() {
        let problems: Vec<Problem> = (2..=5).map(|line| Problem::at(line, "bad row")).collect();
        assert_eq!(
            describe_problems("the product catalog", &problems),
            "the product catalog has 4 problem(s); `include_codes!` on it reports each one:\n  \
             line 2: bad row\n  line 3: bad row\n  line 4: bad row"
        );
    }

    #[test]
    fn example_codes_come_from_the_catalog() {
        let target = |csv: &str| Target {
            catalog: Arc::new(Catalog::from_csv(csv.as_bytes()).unwrap()),
            module: quote!(crate::codes),
            invalid_rows_note: None,
        };
        let header = "code,subsystem,name,severity,message_en\n";
        assert_eq!(
            target(&format!("{header}7,A,B,,\n9,A,C,,Text\n")).example_code(),
            "9"
        );
        assert_eq!(target(&format!("{header}7,A,B,,\n")).example_code(), "7");
        assert_eq!(target(header).example_code(), "42");
    }
}
