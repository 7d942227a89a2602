//! `ecode!(3530)`: a reference to a catalog entry, checked when the crate compiles.

use ecodes_catalog::Collector;
use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};

use crate::errors::{self, CompileErrors};
use crate::options::CatalogOption;
use crate::reference::{variant_path, CodeRef};

struct Input {
    reference: CodeRef,
    options: CatalogOption,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        // An empty reference is the resolver's to report: its message shows the forms with
        // examples from the catalog.
        let reference = input.parse()?;
        let mut options = CatalogOption::default();
        while !input.is_empty() {
            input.parse::<syn::Token![,]>()?;
            if input.is_empty() {
                break;
            }
            if !options.parse_pair(input)? {
                return Err(input.error(
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
    let Input { reference, options } = syn::parse2(input)?;
    let mut errors = Collector::new();
    if options.diagnostic {
        errors.push(syn::Error::new(
            options.span.unwrap_or_else(proc_macro2::Span::call_site),
            "`diagnostic` is an option of `#[derive(ErrorCode)]`, not of `ecode!`",
        ));
    }
    let path = errors.record(options.target()).and_then(|target| {
        let entry = errors.record(reference.resolve(&target))?;
        // Only a path, so that the expansion is also a pattern. A catalog named with
        // `catalog =` needs no tracking here: the `include_codes!` that generated `module`
        // tracks it.
        Some(variant_path(&target, entry, reference.span()))
    });
    errors.check()?;
    // Without an error, the catalog and the entry were found.
    Ok(path.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::*;

    fn expanded(input: TokenStream) -> Result<String, String> {
        expand(input)
            .map(|tokens| tokens.to_string().replace(' ', ""))
            .map_err(|err| err.to_string())
    }

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
        assert_eq!(
            expanded(quote!(3530, diagnostic)),
            Err("`diagnostic` is an option of `#[derive(ErrorCode)]`, not of `ecode!`".to_owned())
        );
        assert_eq!(
            expanded(quote!(3530, 3531)),
            Err(
                "expected `catalog = \"codes.csv\", module = crate::codes` after the code"
                    .to_owned()
            )
        );
        assert_eq!(
            expanded(quote!(3530, colour = 1)),
            Err(
                "unknown option `colour`; expected `catalog = \"codes.csv\"`, \
                 `module = path::to::generated::types` or `diagnostic`"
                    .to_owned()
            )
        );
        assert!(expanded(quote!(3530, catalog = "codes.csv"))
            .unwrap_err()
            .starts_with("`catalog` and `module` go together"));
        assert_eq!(
            expanded(quote!(3530, module = a, module = b)),
            Err("`module` is given twice".to_owned())
        );
        assert!(ecode(quote!(3532)).to_string().contains("compile_error"));
    }
}
