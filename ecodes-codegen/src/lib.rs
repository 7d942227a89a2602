//! The code generator behind the ecodes macros: a plain library, so that tests and fuzzers can
//! call it directly. Use the macros through the `ecodes` crate.
//!
//! Reading and validating a catalog is done by the `ecodes-catalog` library, so the macros, the
//! `ecodes` command and the tests apply the same rules and print the same messages. Here a
//! validated model becomes tokens, and a code reference is checked against a catalog.
//!
//! Each entry point takes the macro's input tokens and returns its output tokens; on bad input
//! the output is `compile_error!` invocations spanned on the offending tokens, never a panic.

mod catalogs;
mod derive;
mod derive_attr;
mod docs;
mod ecode;
mod errors;
mod expand;
mod include;
mod keys;
mod layout;
mod metadata;
mod options;
mod reference;
#[cfg(test)]
mod test_support;

use std::path::Path;

use proc_macro2::{Span, TokenStream};

/// `include_codes!("codes.csv")`: one enum per subsystem, `Code` and `Subsystem`, from the
/// catalog at the given path, relative to `CARGO_MANIFEST_DIR`.
pub fn include_codes(input: TokenStream) -> TokenStream {
    include::include_codes(input)
}

/// `ecode!(3530)`: the path of a catalog entry's variant, checked against the catalog.
pub fn ecode(input: TokenStream) -> TokenStream {
    ecode::ecode(input)
}

/// `#[derive(ErrorCode)]`: `ErrorCode` and `From<&T> for Code` for a product's error type.
pub fn derive_error_code(input: TokenStream) -> TokenStream {
    derive::derive(input)
}

/// The text of a code reference as `ecode!` and `#[ecode]` read it from their tokens (`Cdp ::
/// FileChecksum` is `Cdp::FileChecksum`, a string literal is its value), for
/// `ecodes_catalog::Resolver`. Tools that find references in source code (`ecodes usage`) read
/// them exactly as the macros do.
pub fn reference_text(tokens: TokenStream) -> String {
    reference::CodeRef::from_tokens(tokens).text().to_owned()
}

/// Whether the tokens between two commas of `#[ecode(...)]` or `ecode!(...)` are an option
/// (`catalog = "codes.csv"`, `module = crate::codes`, `diagnostic`) rather than a reference, as
/// the macros read them: for tools that find references in source code.
pub fn is_option(item: TokenStream) -> bool {
    options::is_option(item)
}

/// The expansion of an already-parsed catalog, as `include_codes!` emits it for `file`
/// (`resolved` is the path the output makes cargo track). For fuzzers and tests.
pub fn expand_catalog(
    catalog: &ecodes_catalog::Catalog,
    file: &str,
    resolved: &Path,
) -> TokenStream {
    expand::catalog(catalog, file, resolved, Span::call_site())
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    #[test]
    fn options_are_told_from_references_as_the_macros_parse_them() {
        for option in [
            quote!(catalog = "codes.csv"),
            quote!(module = crate::codes),
            quote!(diagnostic),
            quote!(colour = 1),
        ] {
            assert!(is_option(option.clone()), "{option}");
        }
        for reference in [
            quote!(3530),
            quote!(Cdp::FileChecksum),
            quote!("E3530"),
            quote!(diagnostic::X),
            quote!(FileChecksum),
        ] {
            assert!(!is_option(reference.clone()), "{reference}");
        }
    }

    fn compact(tokens: &TokenStream) -> String {
        tokens.to_string().replace(' ', "")
    }

    #[test]
    fn the_entry_points_expand_their_macros() {
        let included = compact(&include_codes(quote!("codes.csv")));
        assert!(included.contains("pubenumCdp"), "{included}");
        assert!(!included.contains("compile_error"));
        assert_eq!(compact(&ecode(quote!(3530))), "::ecodes::Cdp::FileChecksum");
        let derived = compact(&derive_error_code(quote!(
            #[ecode(3530)]
            struct S;
        )));
        assert!(
            derived.contains("::ecodes::__error_code_impl!([][S][]"),
            "{derived}"
        );
    }

    #[test]
    fn reference_text_reads_tokens_as_the_macros_do() {
        assert_eq!(
            reference_text(quote!(Cdp::FileChecksum)),
            "Cdp::FileChecksum"
        );
        assert_eq!(reference_text(quote!("E3530")), "E3530");
        assert_eq!(reference_text(quote!(0xDCA)), "0xDCA");
    }

    #[test]
    fn expand_catalog_generates_one_enum_per_subsystem() {
        let catalog = ecodes_catalog::Catalog::from_csv(
            b"code,subsystem,name,severity,message_en\n1,Disk,Full,Error,Disk full\n2,Net,Down,,\n",
        )
        .unwrap();
        let expanded = compact(&expand_catalog(
            &catalog,
            "codes.csv",
            Path::new("/x/codes.csv"),
        ));
        for item in [
            "pubenumDisk",
            "pubenumNet",
            "pubenumCode",
            "pubenumSubsystem",
        ] {
            assert!(expanded.contains(item), "{item} in {expanded}");
        }
    }
}
