//! Step 3: writes the exported function, or the errors found.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

use crate::analyze::Entry;

/// `#[unsafe(no_mangle)] pub extern "C" fn`, keeping the function's attributes, docs, name,
/// signature and body.
pub fn entry(entry: Entry) -> TokenStream {
    let function = entry.function;
    let attrs = &function.attrs;
    let mut sig = function.sig.clone();
    // The added tokens carry the signature's span, so a clash (say, two entry points with one
    // name) is reported on the user's function.
    let span = sig.span();
    sig.abi = Some(syn::parse_quote_spanned!(span=> extern "C"));
    let body = &function.block;
    // `unsafe(no_mangle)` is accepted from Rust 1.82 on, in every edition (2024 requires it).
    quote_spanned! {span=>
        #(#attrs)*
        #[unsafe(no_mangle)]
        pub #sig #body
    }
}

/// The errors, followed by the item unchanged so that its uses do not report errors of their own.
pub fn errors(error: syn::Error, item: TokenStream) -> TokenStream {
    let errors = error.to_compile_error();
    quote! {
        #errors
        #item
    }
}
