//! Attribute macros for guest crates (Rust built for wasm32 and run on the GPU by `gpu-run`).
//!
//! [`macro@entry`] marks a function as a GPU entry point: the host calls it once per thread with
//! the arguments given on its command line. The macro checks that the signature only uses types
//! the binding ABI carries, then exports the function under its own name.
//!
//! The work is split in three steps, each `syn::Result`-based:
//! [`parse`] reads the tokens, [`analyze`] checks the signature against the ABI and
//! [`generate`] writes the exported function (or the errors).

mod analyze;
mod generate;
mod parse;

use proc_macro::TokenStream;

/// Makes `fn` a GPU entry point: `#[no_mangle] pub extern "C" fn`, keeping its attributes and
/// docs.
///
/// Parameters and the result may only be `i32`, `u32`, `i64`, `u64`, `f32` or `f64` (the result
/// may also be left out). Generic, `async`, `unsafe` and variadic functions, methods, and ABIs
/// other than `"C"` are rejected with an error on the offending part of the signature. Type
/// aliases are not resolved: write the primitive type itself (`core::primitive::i32` also works).
///
/// ```ignore
/// #[gpu_macros::entry]
/// fn main(n: i32) -> i32 {
///     (1..=n).fold(0, i32::wrapping_add)
/// }
/// ```
#[proc_macro_attribute]
pub fn entry(attr: TokenStream, item: TokenStream) -> TokenStream {
    let attr = proc_macro2::TokenStream::from(attr);
    let item = proc_macro2::TokenStream::from(item);
    let expanded = match parse::parse(attr, item.clone()) {
        Ok(function) => match analyze::analyze(function) {
            Ok(entry) => generate::entry(entry),
            Err(error) => generate::errors(error, item),
        },
        Err(error) => generate::errors(error, item),
    };
    expanded.into()
}
