//! Parsing of `#[ecode(...)]` attributes for `#[derive(ErrorCode)]`.

use ecodes_catalog::Collector;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::Attribute;

use crate::options::{self, CatalogOption};
use crate::reference::CodeRef;

/// What `#[ecode(...)]` accepts, for messages about bad syntax. The catalog is not known yet
/// where these are found, so the examples are placeholders.
pub(crate) const ACCEPTED: &str = "expected `#[ecode(CODE)]`, where CODE is a number (`42`, \
    `E42` or `0x2A`), a name or alias (`NotFound`), or `Subsystem::Name`; on the type also \
    `#[ecode(catalog = \"codes.csv\", module = crate::codes)]` or `#[ecode(diagnostic)]`";

/// One parsed `#[ecode(...)]`, keeping its span for later messages.
pub(crate) struct EcodeAttr {
    pub(crate) code: Option<CodeRef>,
    pub(crate) options: CatalogOption,
    pub(crate) span: Span,
    /// The whole attribute, for errors that underline it.
    pub(crate) tokens: TokenStream,
}

pub(crate) fn is_ecode(attr: &Attribute) -> bool {
    attr.path().is_ident("ecode")
}

/// The attribute's code and options, as far as they parse; each mistake is collected, and the
/// rest is still read, so that what is right in it adds no follow-on error.
pub(crate) fn parse(attr: &Attribute, errors: &mut Collector<syn::Error>) -> EcodeAttr {
    let mut code = None;
    let mut options = CatalogOption::default();
    if let Ok(list) = attr.meta.require_list() {
        let parser = |input: ParseStream| {
            if input.is_empty() {
                errors.push(syn::Error::new_spanned(attr, ACCEPTED));
                return Ok(());
            }
            loop {
                if options.parse_option(input, errors) {
                    options::finish_item(input, errors);
                } else {
                    let reference: CodeRef = input.parse()?;
                    if reference.is_empty() {
                        errors.push(input.error(ACCEPTED));
                    } else if code.is_some() {
                        errors.push(syn::Error::new_spanned(
                            reference.tokens(),
                            "one error code per `#[ecode]`; a type or variant has exactly one",
                        ));
                    } else {
                        code = Some(reference);
                    }
                }
                if input.parse::<Option<syn::Token![,]>>()?.is_none() || input.is_empty() {
                    return Ok(());
                }
            }
        };
        // Not `parse2`: an error at the end then points at the closing parenthesis.
        let parsed = list.parse_args_with(parser);
        errors.record(parsed);
    } else {
        errors.push(syn::Error::new_spanned(attr, ACCEPTED));
    }
    EcodeAttr {
        code,
        options,
        span: attr.span(),
        tokens: attr.to_token_stream(),
    }
}
