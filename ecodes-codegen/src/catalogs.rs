//! The catalogs that `ecode!` and `#[derive(ErrorCode)]` check references against.
//!
//! The product catalog is compiled into this crate (the same `codes.csv` as the `ecodes`
//! crate's, which pins this crate's exact version), so checking a reference needs no file access.
//! A catalog named with `catalog = "..."` is read from disk once per compiler process and kept,
//! keyed by path, modification time and length, so an edited file is read again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;

use ecodes_catalog::Catalog;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitStr;

const PRODUCT_CSV: &str = include_str!("../codes.csv");

/// A catalog and the module whose generated types the expansion names.
pub(crate) struct Target {
    pub(crate) catalog: Arc<Catalog>,
    /// `::ecodes` for the product catalog, or the module given with `module = ...`. Cargo
    /// tracks a catalog read from disk through the `include_codes!` that generated `module`.
    pub(crate) module: TokenStream,
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
            }),
            Err(message) => Err(syn::Error::new(Span::call_site(), message)),
        }
    }

    /// The catalog at `path` (relative to `CARGO_MANIFEST_DIR`), whose types live in `module`.
    pub(crate) fn custom(path: &LitStr, module: TokenStream) -> syn::Result<Target> {
        let written = path.value();
        let resolved = match std::env::var_os("CARGO_MANIFEST_DIR") {
            Some(dir) => Path::new(&dir).join(&written),
            None => PathBuf::from(&written),
        };
        let catalog = load(&resolved)
            .map_err(|message| syn::Error::new(path.span(), format!("{written}: {message}")))?;
        Ok(Target { catalog, module })
    }
}

type Stamp = (SystemTime, u64);
type Cache = Mutex<HashMap<PathBuf, (Stamp, Arc<Catalog>)>>;

fn load(path: &Path) -> Result<Arc<Catalog>, String> {
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
        if let Some((cached, catalog)) = cache.get(path) {
            if *cached == stamp {
                return Ok(Arc::clone(catalog));
            }
        }
    }
    let bytes = std::fs::read(path).map_err(|err| unreadable(&err))?;
    let catalog = Catalog::from_csv(&bytes)
        .map(Arc::new)
        .map_err(|problems| describe_problems("the catalog", &problems))?;
    if let Ok(mut cache) = cache.lock() {
        cache.insert(path.to_owned(), (stamp, Arc::clone(&catalog)));
    }
    Ok(catalog)
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
        assert_eq!(load(&path).unwrap().get(1).unwrap().name(), "One");
        // A different length changes the stamp even where the clock is coarse.
        std::fs::write(
            &path,
            "code,subsystem,name,severity,message_en\n1,A,Uno,,\n2,A,Two,,\n",
        )
        .unwrap();
        assert_eq!(load(&path).unwrap().get(1).unwrap().name(), "Uno");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
