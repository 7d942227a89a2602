//! `catalog = "codes.csv", module = crate::codes`: which catalog a reference is checked
//! against, given in the attribute or macro, or once per crate in `Cargo.toml`.

use proc_macro2::Span;
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
    pub(crate) span: Option<Span>,
    /// `diagnostic`: also implement `miette::Diagnostic` (derive only).
    pub(crate) diagnostic: bool,
}

impl CatalogOption {
    /// Parses one `key = value` pair or flag; `Ok(false)` when the input is not one.
    pub(crate) fn parse_pair(&mut self, input: ParseStream) -> syn::Result<bool> {
        if input.peek(Ident) && !input.peek2(syn::Token![=]) && !input.peek2(syn::Token![::]) {
            let fork = input.fork();
            let flag: Ident = fork.parse()?;
            // `diagnostic` alone is the flag; `diagnostic` as a catalog's name or alias (a
            // reference) would be followed by nothing else either, so the flag wins.
            if flag == "diagnostic" && (fork.is_empty() || fork.peek(syn::Token![,])) {
                input.parse::<Ident>()?;
                self.span.get_or_insert(flag.span());
                self.diagnostic = true;
                return Ok(true);
            }
        }
        if !(input.peek(Ident) && input.peek2(syn::Token![=])) {
            return Ok(false);
        }
        let key: Ident = input.parse()?;
        input.parse::<syn::Token![=]>()?;
        self.span.get_or_insert(key.span());
        match key.to_string().as_str() {
            "catalog" => set_once(&mut self.catalog, &key, input.parse()?)?,
            "module" => set_once(&mut self.module, &key, input.parse()?)?,
            other => {
                return Err(syn::Error::new(
                    key.span(),
                    format!(
                        "unknown option `{other}`; expected `catalog = \"codes.csv\"`, \
                         `module = path::to::generated::types` or `diagnostic`"
                    ),
                ))
            }
        }
        Ok(true)
    }

    /// The catalog these options name: the crate's default from `[package.metadata.ecodes]`
    /// when they name none, and the product catalog when the crate has no default either.
    pub(crate) fn target(&self) -> syn::Result<Target> {
        match (&self.catalog, &self.module) {
            (Some(catalog), Some(module)) => {
                Target::custom(&catalog.value(), catalog.span(), module.to_token_stream())
            }
            (None, None) => match metadata::crate_default() {
                Ok(Some(default)) => {
                    Target::custom(&default.catalog, Span::call_site(), default.module()).map_err(
                        |err| {
                            syn::Error::new(err.span(), format!("{err} (from {})", default.origin))
                        },
                    )
                }
                Ok(None) => Target::product(),
                Err(message) => Err(syn::Error::new(Span::call_site(), message)),
            },
            _ => Err(syn::Error::new(
                self.span.unwrap_or_else(Span::call_site),
                "`catalog` and `module` go together: `catalog = \"codes.csv\"` names the file, \
                 and `module = crate::codes` the module where `include_codes!` generated its types",
            )),
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

fn set_once<T>(slot: &mut Option<T>, key: &Ident, value: T) -> syn::Result<()> {
    if slot.is_some() {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` is given twice"),
        ));
    }
    *slot = Some(value);
    Ok(())
}
