//! What the unit tests of the macros share.

use proc_macro2::TokenStream;

/// The messages of the `compile_error!`s in a macro's output, which must parse as items.
pub(crate) fn errors(output: &TokenStream) -> Vec<String> {
    let file: syn::File = syn::parse2(output.clone()).expect("the output is items");
    file.items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Macro(item)
                if item.mac.path.segments.last().unwrap().ident == "compile_error" =>
            {
                Some(item.mac.parse_body::<syn::LitStr>().unwrap().value())
            }
            _ => None,
        })
        .collect()
}
