//! Parsing of `#[ecode(...)]` attributes for `#[derive(ErrorCode)]`.

use proc_macro2::{Span, TokenStream};
use quote::ToTokens;
use syn::parse::{ParseStream, Parser};
use syn::spanned::Spanned;
use syn::Attribute;

use crate::options::CatalogOption;
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

pub(crate) fn parse(attr: &Attribute) -> syn::Result<EcodeAttr> {
    let span = attr.span();
    let list = attr
        .meta
        .require_list()
        .map_err(|_| syn::Error::new_spanned(attr, ACCEPTED))?;
    let mut code = None;
    let mut options = CatalogOption::default();
    let parser = |input: ParseStream| {
        if input.is_empty() {
            return Err(syn::Error::new_spanned(attr, ACCEPTED));
        }
        while !input.is_empty() {
            if !options.parse_pair(input)? {
                let reference: CodeRef = input.parse()?;
                if reference.is_empty() {
                    return Err(input.error(ACCEPTED));
                }
                if code.is_some() {
                    return Err(syn::Error::new(
                        reference.span(),
                        "one error code per `#[ecode]`; a type or variant has exactly one",
                    ));
                }
                code = Some(reference);
            }
            if !input.is_empty() {
                input.parse::<syn::Token![,]>()?;
            }
        }
        Ok(())
    };
    parser.parse2(list.tokens.clone())?;
    Ok(EcodeAttr {
        code,
        options,
        span,
        tokens: attr.to_token_stream(),
    })
}
