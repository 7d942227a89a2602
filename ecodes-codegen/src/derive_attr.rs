//! Parsing of `#[ecode(...)]` attributes for `#[derive(ErrorCode)]`.

use ecodes_catalog::Collector;
use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
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

/// The attribute's code and options; `None` when it has a mistake, each of them collected.
pub(crate) fn parse(attr: &Attribute, errors: &mut Collector<syn::Error>) -> Option<EcodeAttr> {
    let span = attr.span();
    let Ok(list) = attr.meta.require_list() else {
        errors.push(syn::Error::new_spanned(attr, ACCEPTED));
        return None;
    };
    let before = errors.len();
    let mut code = None;
    let mut options = CatalogOption::default();
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
    let parsed = parser.parse2(list.tokens.clone());
    errors.record(parsed);
    (errors.len() == before).then(|| EcodeAttr {
        code,
        options,
        span,
        tokens: attr.to_token_stream(),
    })
}
