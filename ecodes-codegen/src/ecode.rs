//! `ecode!(3530)`: a reference to a catalog entry, checked when the crate compiles.

use ecodes_catalog::Collector;
use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};

use crate::errors::{self, CompileErrors};
use crate::options::{self, CatalogOption};
use crate::reference::{variant_path, CodeRef};

struct Input {
    reference: CodeRef,
    options: CatalogOption,
}

impl Input {
    /// The reference, then the options. A mistake in an item is collected and the item
    /// skipped, so that every mistake is reported at once.
    fn parse(input: ParseStream, errors: &mut Collector<syn::Error>) -> syn::Result<Input> {
        // An empty reference is the resolver's to report: its message shows the forms with
        // examples from the catalog.
        let reference = input.parse()?;
        let mut options = CatalogOption::default();
        while input.parse::<Option<syn::Token![,]>>()?.is_some() && !input.is_empty() {
            let flag_before = options.diagnostic;
            if options.parse_option(input, errors) {
                // `CatalogOption` is shared with the derive, which alone takes `diagnostic`.
                if let Some(flag) = options.key("diagnostic").filter(|_| !flag_before) {
                    errors.push(syn::Error::new(
                        flag.span(),
                        "`diagnostic` is an option of `#[derive(ErrorCode)]`, not of `ecode!`",
                    ));
                }
                options::finish_item(input, errors);
            } else {
                errors.push(options::reject_item(
                    input,
                    "expected `catalog = \"codes.csv\", module = crate::codes` after the code",
                ));
            }
        }
        Ok(Input { reference, options })
    }
}

pub(crate) fn ecode(input: TokenStream) -> TokenStream {
    expand(input).unwrap_or_else(errors::to_expression)
}

fn expand(input: TokenStream) -> syn::Result<TokenStream> {
    let mut errors = Collector::new();
    let mut option_errors = Collector::new();
    let path = variant(input, &mut errors, &mut option_errors);
    // The reference comes first in the source, and so does its error.
    errors.extend(option_errors);
    errors.check()?;
    // Without an error, the catalog and the entry were found.
    Ok(path.unwrap_or_default())
}

/// The path of the variant that the input names, collecting the errors of the reference and
/// those of the options apart.
fn variant(
    input: TokenStream,
    errors: &mut Collector<syn::Error>,
    option_errors: &mut Collector<syn::Error>,
) -> Option<TokenStream> {
    let parsed = (|input: ParseStream| Input::parse(input, option_errors)).parse2(input);
    let Input { reference, options } = option_errors.record(parsed)?;
    let target = options.target(option_errors)?;
    let entry = errors.record(reference.resolve(&target))?;
    // Only a path, so that the expansion is also a pattern. A catalog named with `catalog =`
    // needs no tracking here: the `include_codes!` that generated `module` tracks it.
    Some(variant_path(&target, entry, reference.span()))
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    /// The expansion without spaces, or every error message.
    fn expanded(input: TokenStream) -> Result<String, Vec<String>> {
        expand(input)
            .map(|tokens| tokens.to_string().replace(' ', ""))
            .map_err(|err| err.into_iter().map(|err| err.to_string()).collect())
    }

    fn errors(input: TokenStream) -> Vec<String> {
        expanded(input).unwrap_err()
    }

    const UNKNOWN_3532: &str = "unknown error code 3532: the catalog has no such code";
    const UNKNOWN_COLOUR: &str = "unknown option `colour`; expected `catalog = \"codes.csv\"`, \
                                  `module = path::to::generated::types` or `diagnostic`";
    const AFTER_THE_CODE: &str =
        "expected `catalog = \"codes.csv\", module = crate::codes` after the code";
    const DIAGNOSTIC: &str = "`diagnostic` is an option of `#[derive(ErrorCode)]`, not of `ecode!`";
    const GO_TOGETHER: &str = "`catalog` and `module` go together";

    #[test]
    fn names_the_variant_of_the_product_catalog_or_of_a_named_one() {
        assert_eq!(
            expanded(quote!(3530)),
            Ok("::ecodes::Cdp::FileChecksum".to_owned())
        );
        assert_eq!(
            expanded(quote!(Cdp::FileChecksum,)),
            Ok("::ecodes::Cdp::FileChecksum".to_owned())
        );
        assert_eq!(
            expanded(quote!(3530, catalog = "codes.csv", module = crate::codes)),
            Ok("crate::codes::Cdp::FileChecksum".to_owned())
        );
        assert_eq!(
            ecode(quote!(3530)).to_string().replace(' ', ""),
            "::ecodes::Cdp::FileChecksum"
        );
    }

    #[test]
    fn bad_options_say_what_is_expected() {
        assert_eq!(errors(quote!(3530, diagnostic)), [DIAGNOSTIC]);
        assert_eq!(errors(quote!(3530, 3531)), [AFTER_THE_CODE]);
        assert_eq!(errors(quote!(3530, colour = 1)), [UNKNOWN_COLOUR]);
        let found = errors(quote!(3530, catalog = "codes.csv"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with(GO_TOGETHER), "{found:?}");
        assert_eq!(
            errors(quote!(3530, module = a, module = b)),
            [
                "`module` is given twice",
                "`catalog` and `module` go together: `catalog = \"codes.csv\"` names the file, \
                 and `module = crate::codes` the module where `include_codes!` generated its \
                 types"
            ]
        );
        assert!(ecode(quote!(3532)).to_string().contains("compile_error"));
    }

    #[test]
    fn every_problem_is_reported_at_once_the_reference_first() {
        let found = errors(quote!(3532, colour = 1));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with(UNKNOWN_3532), "{found:?}");
        assert_eq!(found[1], UNKNOWN_COLOUR);

        let found = errors(quote!(
            Cpd::FileChecksum,
            diagnostic,
            3531,
            colour = "red",
            catalog = "codes.csv",
            catalog = "other.csv",
        ));
        assert!(found[0].starts_with("no subsystem `Cpd`"), "{found:?}");
        assert_eq!(
            found[1..5],
            [
                DIAGNOSTIC,
                AFTER_THE_CODE,
                UNKNOWN_COLOUR,
                "`catalog` is given twice"
            ]
        );
        assert!(found[5].starts_with(GO_TOGETHER), "{found:?}");
        assert_eq!(found.len(), 6, "{found:?}");
    }

    #[test]
    fn a_catalog_without_its_module_still_checks_the_reference() {
        let found = errors(quote!(3532, catalog = "codes.csv"));
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with(UNKNOWN_3532), "{found:?}");
        assert!(found[1].starts_with(GO_TOGETHER), "{found:?}");
        // Without a catalog, there is nothing to check it against.
        let found = errors(quote!(3532, module = crate::codes));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with(GO_TOGETHER), "{found:?}");
    }

    #[test]
    fn a_bad_value_is_one_error_and_parsing_goes_on_after_it() {
        assert_eq!(
            errors(quote!(3530, catalog = 3, module = crate::codes, colour = 1)),
            ["expected string literal", UNKNOWN_COLOUR]
        );
        assert_eq!(
            errors(quote!(3530, catalog = "codes.csv", module = crate::codes extra, 3531)),
            ["expected `,`", AFTER_THE_CODE]
        );
        assert_eq!(
            errors(quote!(
                3530,
                catalog = "codes.csv",
                catalog = "other.csv",
                module = m
            )),
            ["`catalog` is given twice"]
        );
        assert_eq!(
            errors(quote!(3530,, diagnostic)),
            [AFTER_THE_CODE, DIAGNOSTIC]
        );
    }

    #[test]
    fn several_errors_expand_to_an_expression_that_is_also_a_pattern() {
        let output = ecode(quote!(3532, colour = 1));
        syn::parse2::<syn::Expr>(output.clone()).expect("an expression");
        Parser::parse2(syn::Pat::parse_multi, output.clone()).expect("a pattern");
        assert_eq!(output.to_string().matches("compile_error").count(), 2);
    }
}
