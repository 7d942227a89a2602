//! `include_codes!`: find the catalog, read it, report its problems, expand what is valid.

use std::path::{Path, PathBuf};

use ecodes_catalog::Collector;
use proc_macro2::TokenStream;
use syn::LitStr;

use crate::errors::CompileErrors;
use crate::expand;

/// How many of a catalog's problems become compile errors of their own: a file with thousands
/// of them (a header of 100,000 columns) would otherwise flood the compiler's output.
const LISTED: usize = 100;

pub(crate) fn include_codes(input: TokenStream) -> TokenStream {
    expand(input).unwrap_or_else(syn::Error::into_compile_error)
}

/// The catalog's types, after a `compile_error!` for each of its problems; `Err` only when
/// there is no catalog to expand.
fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let path: LitStr = syn::parse2(input).map_err(|err| {
        syn::Error::new(
            err.span(),
            "expected the catalog path as a string literal, relative to CARGO_MANIFEST_DIR: \
             `include_codes!(\"codes.csv\")`",
        )
    })?;
    let written = path.value();
    let resolved = resolve(&written).map_err(|message| syn::Error::new(path.span(), message))?;
    let bytes = std::fs::read(&resolved).map_err(|err| {
        let message = format!(
            "{written}: cannot read the catalog: {}; the path is relative to \
             CARGO_MANIFEST_DIR, so it was looked for at `{}`",
            ecodes_catalog::describe_io_error(&err),
            resolved.display()
        );
        syn::Error::new(path.span(), message)
    })?;
    let parsed = ecodes_catalog::parse(&bytes);
    let mut errors: Collector<syn::Error> = parsed
        .problems
        .iter()
        .take(LISTED)
        .map(|problem| syn::Error::new(path.span(), problem.display_in(&written).to_string()))
        .collect();
    if parsed.problems.len() > LISTED {
        let message = format!(
            "{written}: … and {} more problems; `ecodes check {written}` lists every one",
            parsed.problems.len() - LISTED
        );
        errors.push(syn::Error::new(path.span(), message));
    }
    // The valid rows are expanded even so: one bad row gives one error, not one more for each
    // use of the codes that are fine.
    let mut tokens = errors.into_compile_errors();
    tokens.extend(expand::catalog(
        &parsed.catalog,
        &written,
        &resolved,
        path.span(),
    ));
    Ok(tokens)
}

fn resolve(written: &str) -> Result<PathBuf, String> {
    let relative = Path::new(written);
    if relative.is_absolute() {
        return Ok(relative.to_owned());
    }
    let Some(manifest_dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return Err(
            "CARGO_MANIFEST_DIR is not set, so the catalog path cannot be resolved; build with \
             cargo, or give an absolute path"
                .to_owned(),
        );
    };
    Ok(Path::new(&manifest_dir).join(relative))
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;
    use crate::test_support::errors;

    #[test]
    fn the_path_must_be_a_string_literal() {
        assert_eq!(
            errors(&include_codes(quote!(codes))),
            [
                "expected the catalog path as a string literal, relative to CARGO_MANIFEST_DIR: \
              `include_codes!(\"codes.csv\")`"
            ]
        );
    }

    #[test]
    fn a_missing_file_says_where_it_was_looked_for() {
        let found = errors(&include_codes(quote!("missing.csv")));
        let expected = Path::new(env!("CARGO_MANIFEST_DIR")).join("missing.csv");
        assert_eq!(
            found,
            [format!(
                "missing.csv: cannot read the catalog: No such file or directory; the path is \
                 relative to CARGO_MANIFEST_DIR, so it was looked for at `{}`",
                expected.display()
            )]
        );
    }

    #[test]
    fn an_absolute_path_is_read_as_it_is_and_bad_rows_are_reported_with_the_rest_expanded() {
        let path = std::env::temp_dir().join(format!("ecodes-include-{}.csv", std::process::id()));
        std::fs::write(
            &path,
            "code,subsystem,name,severity,message_en\n1,Disk,Full,,\nx,Disk,Bad,,\n",
        )
        .unwrap();
        let written = path.display().to_string();
        let output = include_codes(quote!(#written));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(
            errors(&output),
            [format!(
                "{written}:3: code `x` is in no notation ecodes reads: write it in decimal \
                 (`3530`, `-13`), in hexadecimal (`0xC0000005`), as a prefix and digits \
                 (`ORA-00942`) or as uppercase letters and digits (`22P02`)"
            )]
        );
        let compact = output.to_string().replace(' ', "");
        assert!(compact.contains("pubenumDisk"), "{compact}");
        assert!(!compact.contains("Bad"), "{compact}");
    }
}
