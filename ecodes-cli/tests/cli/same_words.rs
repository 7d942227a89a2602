//! `ecode!` and `ecodes explain` resolve references with one resolver, so where both fail they
//! print the same sentence.

use std::str::FromStr as _;

use proc_macro2::{TokenStream, TokenTree};

use crate::ecodes;

/// The message of the `compile_error!` that `ecode!(reference)` expands to.
fn macro_message(reference: &str) -> String {
    let input = TokenStream::from_str(reference).unwrap_or_else(|err| panic!("{err}"));
    let expansion = ecodes_codegen::ecode(input);
    first_string(expansion.clone())
        .unwrap_or_else(|| panic!("ecode!({reference}) expanded without an error: {expansion}"))
}

fn first_string(tokens: TokenStream) -> Option<String> {
    tokens.into_iter().find_map(|tree| match tree {
        TokenTree::Literal(literal) => syn::parse_str::<syn::LitStr>(&literal.to_string())
            .ok()
            .map(|string| string.value()),
        TokenTree::Group(group) => first_string(group.stream()),
        _ => None,
    })
}

fn cli_message(reference: &str) -> String {
    let output = ecodes()
        .args(["explain", reference])
        .output()
        .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(output.status.code(), Some(1), "{reference}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    stderr
        .strip_prefix("ecodes: error: ")
        .and_then(|rest| rest.strip_suffix('\n'))
        .unwrap_or_else(|| panic!("unexpected stderr: {stderr}"))
        .to_owned()
}

#[test]
fn the_macro_and_the_command_say_the_same_sentence() {
    for reference in [
        "3532",
        "0xDCC",
        "E9999",
        "FileChecksun",
        "Cdp::FileChecksm",
        "Cpd::FileChecksum",
        "Zzz::FileChecksum",
        "Nas::FileChecksum",
        "Cdp",
        "99999999999",
    ] {
        let from_macro = macro_message(reference);
        assert_eq!(from_macro, cli_message(reference), "{reference}");
        assert!(!from_macro.is_empty());
    }
}
