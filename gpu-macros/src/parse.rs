//! Step 1: reads the attribute's arguments (there are none) and the annotated function.

use proc_macro2::TokenStream;
use syn::{Item, ItemFn};

/// Parses the item under `#[entry]` as a function; the attribute takes no arguments.
pub fn parse(attr: TokenStream, item: TokenStream) -> syn::Result<ItemFn> {
    if let Some(first) = attr.into_iter().next() {
        return Err(syn::Error::new(
            first.span(),
            "`#[entry]` takes no arguments: the function is exported under its own name",
        ));
    }
    match syn::parse2::<Item>(item)? {
        Item::Fn(function) => Ok(function),
        other => Err(syn::Error::new_spanned(
            other,
            "`#[entry]` applies to free functions only",
        )),
    }
}
