//! The macros' side of `ecodes_catalog::Collector`: collected `syn::Error`s become one
//! `compile_error!` each, every one under its own tokens.

use ecodes_catalog::Collector;
use proc_macro2::TokenStream;
use quote::quote;

/// What the macros do with the errors they collected.
pub(crate) trait CompileErrors {
    /// `Ok` when nothing was collected; otherwise every error, combined into one.
    fn check(self) -> syn::Result<()>;

    /// One `compile_error!` item per error, for output in item position.
    fn into_compile_errors(self) -> TokenStream;
}

impl CompileErrors for Collector<syn::Error> {
    fn check(self) -> syn::Result<()> {
        let mut errors = self.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }

    fn into_compile_errors(self) -> TokenStream {
        self.into_iter()
            .map(syn::Error::into_compile_error)
            .collect()
    }
}

/// `error`'s `compile_error!`s as one expression that is also a pattern, for a macro that
/// expands to either. Side by side, a second `compile_error!` would be a parse error after the
/// first ("macro expansion ignores `::`"), and a tuple of them a type error in a pattern; an
/// or-pattern (a bitwise or, as an expression) of them is neither.
pub(crate) fn to_expression(error: syn::Error) -> TokenStream {
    let mut each = error.into_iter().map(syn::Error::into_compile_error);
    let first = each.next().unwrap_or_default();
    let rest: Vec<TokenStream> = each.collect();
    if rest.is_empty() {
        first
    } else {
        quote!((#first #(| #rest)*))
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::Span;

    use super::*;

    fn messages(error: syn::Error) -> Vec<String> {
        error.into_iter().map(|error| error.to_string()).collect()
    }

    fn two_errors() -> Collector<syn::Error> {
        ["first", "second"]
            .into_iter()
            .map(|message| syn::Error::new(Span::call_site(), message))
            .collect()
    }

    #[test]
    fn check_combines_every_error_in_order() {
        assert!(Collector::new().check().is_ok());
        assert_eq!(
            messages(two_errors().check().unwrap_err()),
            ["first", "second"]
        );
    }

    #[test]
    fn into_compile_errors_gives_one_item_each() {
        assert!(Collector::new().into_compile_errors().is_empty());
        assert_eq!(
            crate::test_support::errors(&two_errors().into_compile_errors()),
            ["first", "second"]
        );
    }

    #[test]
    fn to_expression_is_an_expression_and_a_pattern() {
        let one = to_expression(syn::Error::new(Span::call_site(), "only"));
        assert_eq!(one.to_string(), ":: core :: compile_error ! { \"only\" }");
        let both = to_expression(two_errors().check().unwrap_err());
        assert_eq!(
            both.to_string().replace(' ', ""),
            "(::core::compile_error!{\"first\"}|::core::compile_error!{\"second\"})"
        );
        syn::parse2::<syn::Expr>(both.clone()).expect("an expression");
        syn::parse::Parser::parse2(syn::Pat::parse_multi, both).expect("a pattern");
    }
}
