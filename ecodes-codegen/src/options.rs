//! `catalog = "codes.csv", module = crate::codes`: which catalog a reference is checked
//! against, given in the attribute or macro, or once per crate in `Cargo.toml`.

use ecodes_catalog::Collector;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Path};

use crate::catalogs::Target;
use crate::metadata;

/// The options of `#[ecode(...)]` on a type, or after the reference in `ecode!`.
#[derive(Default)]
pub(crate) struct CatalogOption {
    pub(crate) catalog: Option<LitStr>,
    pub(crate) module: Option<Path>,
    /// `diagnostic`: also implement `miette::Diagnostic` (derive only).
    pub(crate) diagnostic: bool,
    /// The key of each option given (even one whose value did not parse), for errors that
    /// point at it.
    keys: Vec<Ident>,
}

impl CatalogOption {
    /// Whether no option was given.
    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The key of option `name` (`catalog`, `module` or `diagnostic`), if it was given; the
    /// last one after [`CatalogOption::merge`].
    pub(crate) fn key(&self, name: &str) -> Option<&Ident> {
        self.keys.iter().rev().find(|key| *key == name)
    }

    /// Adds the options of a later attribute; one given again replaces the earlier.
    pub(crate) fn merge(&mut self, later: CatalogOption) {
        self.catalog = later.catalog.or(self.catalog.take());
        self.module = later.module.or(self.module.take());
        self.diagnostic |= later.diagnostic;
        self.keys.extend(later.keys);
    }

    /// Parses one option, a `key = value` pair or the `diagnostic` flag; `false`, consuming
    /// nothing, when the input does not start with one. A bad option's error is collected
    /// and the rest of its item skipped, so that the next item is parsed all the same.
    pub(crate) fn parse_option(
        &mut self,
        input: ParseStream,
        errors: &mut Collector<syn::Error>,
    ) -> bool {
        if let Some(flag) = diagnostic_flag(input) {
            self.diagnostic = true;
            self.keys.push(flag);
            return true;
        }
        if !(input.peek(Ident) && input.peek2(syn::Token![=])) {
            return false;
        }
        // Both parse: they were just peeked.
        let (Ok(key), Ok(eq)) = (input.parse::<Ident>(), input.parse::<syn::Token![=]>()) else {
            return false;
        };
        let name = key.to_string();
        if !matches!(name.as_str(), "catalog" | "module") {
            errors.push(syn::Error::new(
                key.span(),
                format!(
                    "unknown option `{name}`; expected `catalog = \"codes.csv\"`, \
                     `module = path::to::generated::types` or `diagnostic`"
                ),
            ));
            skip_item(input);
            return true;
        }
        if self.key(&name).is_some() {
            errors.push(syn::Error::new(
                key.span(),
                format!("`{name}` is given twice"),
            ));
            skip_item(input);
            return true;
        }
        let missing = input.is_empty();
        let parsed = if name == "catalog" {
            input.parse().map(|value| self.catalog = Some(value))
        } else {
            input.parse().map(|value| self.module = Some(value))
        };
        // A missing value at the end has no token of its own: underline `key =`, not the whole
        // macro call.
        let parsed = parsed.map_err(|err| {
            if missing {
                syn::Error::new_spanned(quote::quote!(#key #eq), err)
            } else {
                err
            }
        });
        if errors.record(parsed).is_none() {
            skip_item(input);
        }
        self.keys.push(key);
        true
    }

    /// The catalog these options name: the crate's default from `[package.metadata.ecodes]`
    /// when they name none, and the product catalog when the crate has no default either.
    /// `None`, with the reason collected, when it cannot be had; a `catalog` without its
    /// `module` is an error, but references are still checked against it.
    pub(crate) fn target(&self, errors: &mut Collector<syn::Error>) -> Option<Target> {
        match (self.key("catalog"), self.key("module")) {
            // A value that did not parse was reported where it was parsed.
            (Some(_), Some(_)) => {
                let (catalog, module) = (self.catalog.as_ref()?, self.module.as_ref()?);
                errors.record(Target::custom(
                    &catalog.value(),
                    catalog.span(),
                    module.to_token_stream(),
                ))
            }
            (None, None) => errors.record(match metadata::crate_default() {
                Ok(Some(default)) => {
                    Target::custom(&default.catalog, Span::call_site(), default.module()).map_err(
                        |err| {
                            syn::Error::new(err.span(), format!("{err} (from {})", default.origin))
                        },
                    )
                }
                Ok(None) => Target::product(),
                Err(message) => Err(syn::Error::new(Span::call_site(), message)),
            }),
            (Some(key), None) | (None, Some(key)) => {
                errors.push(syn::Error::new(
                    key.span(),
                    "`catalog` and `module` go together: `catalog = \"codes.csv\"` names the \
                     file, and `module = crate::codes` the module where `include_codes!` \
                     generated its types",
                ));
                let catalog = self.catalog.as_ref()?;
                errors.record(Target::custom(
                    &catalog.value(),
                    catalog.span(),
                    self.fallback_module(),
                ))
            }
        }
    }

    /// The module the expansion names even when the catalog cannot be had, so that a failed
    /// derive does not add type errors: the one given, else the product's.
    pub(crate) fn fallback_module(&self) -> proc_macro2::TokenStream {
        match &self.module {
            Some(module) => module.to_token_stream(),
            None => {
                if let Ok(Some(default)) = metadata::crate_default() {
                    default.module()
                } else {
                    quote::quote!(::ecodes)
                }
            }
        }
    }
}

/// `diagnostic` alone, as an item of its own; a `diagnostic` followed by more is a reference.
fn diagnostic_flag(input: ParseStream) -> Option<Ident> {
    if !input.peek(Ident) || input.peek2(syn::Token![=]) || input.peek2(syn::Token![::]) {
        return None;
    }
    let fork = input.fork();
    let flag: Ident = fork.parse().ok()?;
    // `diagnostic` alone is the flag; `diagnostic` as a catalog's name or alias (a reference)
    // would be followed by nothing else either, so the flag wins.
    if flag == "diagnostic" && (fork.is_empty() || fork.peek(syn::Token![,])) {
        input.parse().ok()
    } else {
        None
    }
}

/// Consumes the rest of an item of a comma-separated list, up to its `,` or the end, and gives
/// its tokens: what is left of a bad item, skipped so that the next one is parsed.
/// Whether `item`, the tokens between two commas of `#[ecode(...)]` or `ecode!(...)`, is an
/// option (`catalog = …`, `module = …`, `diagnostic`, or an unknown `key = value`) rather than
/// a reference, by the grammar the macros parse.
pub(crate) fn is_option(item: TokenStream) -> bool {
    let parser = |input: ParseStream| {
        let mut options = CatalogOption::default();
        let mut errors = Collector::new();
        let option = options.parse_option(input, &mut errors);
        // Whether the option is valid is the macros' business, not this question's.
        drop(errors.into_vec());
        input.parse::<TokenStream>()?;
        Ok(option)
    };
    syn::parse::Parser::parse2(parser, item).unwrap_or(false)
}

pub(crate) fn skip_item(input: ParseStream) -> TokenStream {
    let mut skipped = TokenStream::new();
    while !input.is_empty() && !input.peek(syn::Token![,]) {
        // A token tree parses anywhere but at the end.
        match input.parse::<TokenTree>() {
            Ok(tree) => skipped.extend([tree]),
            Err(_) => break,
        }
    }
    skipped
}

/// An error with `message` under the rest of the item, which is skipped; under its `,` when
/// the item is empty.
pub(crate) fn reject_item(input: ParseStream, message: &str) -> syn::Error {
    let at_cursor = input.error(message);
    let skipped = skip_item(input);
    if skipped.is_empty() {
        at_cursor
    } else {
        syn::Error::new_spanned(skipped, message)
    }
}

/// Ends an item of a comma-separated list at its `,` or the end: tokens left after the item
/// are an error (syn's "expected `,`") and are skipped.
pub(crate) fn finish_item(input: ParseStream, errors: &mut Collector<syn::Error>) {
    if !input.is_empty() && !input.peek(syn::Token![,]) {
        errors.push(reject_item(input, "expected `,`"));
    }
}
