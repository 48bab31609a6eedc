//! Step 2: checks that the function can be called by the host through the binding ABI.

use syn::{
    spanned::Spanned, Abi, FnArg, GenericParam, ItemFn, Meta, ReturnType, Signature, Type, TypePath,
};

/// The primitive types a value of the binding ABI can have.
const ABI_TYPES: [&str; 6] = ["i32", "u32", "i64", "u64", "f32", "f64"];

const TYPE_HELP: &str = "an entry point's parameters and result must be i32, u32, i64, u64, f32 \
                         or f64 (the result may also be left out)";

/// A function that passed every check, ready to be exported.
pub struct Entry {
    pub function: ItemFn,
}

/// Checks the signature and attributes; every problem found becomes one error on its tokens.
pub fn analyze(function: ItemFn) -> syn::Result<Entry> {
    let mut errors = Errors::default();
    check_attributes(&function, &mut errors);
    check_signature(&function.sig, &mut errors);
    errors.finish()?;
    Ok(Entry { function })
}

fn check_attributes(function: &ItemFn, errors: &mut Errors) {
    for attr in &function.attrs {
        let path = match &attr.meta {
            // `#[unsafe(no_mangle)]`
            Meta::List(list) if list.path.is_ident("unsafe") => {
                match syn::parse2::<Meta>(list.tokens.clone()) {
                    Ok(inner) => inner.path().clone(),
                    Err(_) => continue,
                }
            }
            meta => meta.path().clone(),
        };
        if path.is_ident("no_mangle") || path.is_ident("export_name") {
            errors.push(
                attr,
                "`#[entry]` already exports the function under its own name; remove this attribute",
            );
        }
    }
}

fn check_signature(sig: &Signature, errors: &mut Errors) {
    if let Some(token) = &sig.asyncness {
        errors.push(token, "an entry point cannot be `async`");
    }
    if let Some(token) = &sig.unsafety {
        errors.push(
            token,
            "an entry point cannot be `unsafe`: the host calls it with any arguments",
        );
    }
    if let Some(abi) = &sig.abi {
        check_abi(abi, errors);
    }
    for param in &sig.generics.params {
        let what = match param {
            GenericParam::Lifetime(_) => "lifetime parameters",
            GenericParam::Type(_) => "type parameters",
            GenericParam::Const(_) => "const parameters",
        };
        errors.push(param, format!("an entry point cannot have {what}"));
    }
    if let Some(clause) = &sig.generics.where_clause {
        errors.push(clause, "an entry point cannot have a `where` clause");
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(variadic, "an entry point cannot be variadic");
    }
    for input in &sig.inputs {
        match input {
            FnArg::Receiver(receiver) => errors.push(
                receiver,
                "an entry point cannot take `self`: write a free function",
            ),
            FnArg::Typed(typed) => check_type(&typed.ty, errors),
        }
    }
    match &sig.output {
        ReturnType::Default => {}
        ReturnType::Type(_, ty) if is_unit(ty) => {}
        ReturnType::Type(_, ty) => check_type(ty, errors),
    }
}

fn check_abi(abi: &Abi, errors: &mut Errors) {
    match &abi.name {
        Some(name) if name.value() == "C" => {}
        // `extern fn` is `extern "C" fn`.
        None => {}
        Some(name) => errors.push(
            name,
            format!(
                "an entry point uses the \"C\" ABI, not \"{}\"; `#[entry]` adds `extern \"C\"`",
                name.value()
            ),
        ),
    }
}

fn check_type(ty: &Type, errors: &mut Errors) {
    if !is_abi_type(ty) {
        errors.push(ty, TYPE_HELP);
    }
}

/// `i32` etc., also spelled `core::primitive::i32` or `std::primitive::i32`.
fn is_abi_type(ty: &Type) -> bool {
    let Type::Path(TypePath { qself: None, path }) = ty else {
        return match ty {
            Type::Paren(inner) => is_abi_type(&inner.elem),
            Type::Group(inner) => is_abi_type(&inner.elem),
            _ => false,
        };
    };
    if path
        .segments
        .iter()
        .any(|segment| !segment.arguments.is_none())
    {
        return false;
    }
    let names: Vec<String> = path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let (last, prefix) = match names.split_last() {
        Some(split) => split,
        None => return false,
    };
    let prefix_ok = match prefix {
        [] => path.leading_colon.is_none(),
        [krate, module] => (krate == "core" || krate == "std") && module == "primitive",
        _ => false,
    };
    prefix_ok && ABI_TYPES.contains(&last.as_str())
}

fn is_unit(ty: &Type) -> bool {
    matches!(ty, Type::Tuple(tuple) if tuple.elems.is_empty())
}

/// Collects errors so that one expansion reports every problem at once.
#[derive(Default)]
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, tokens: impl Spanned + quote::ToTokens, message: impl std::fmt::Display) {
        let error = syn::Error::new_spanned(tokens, message);
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn finish(self) -> syn::Result<()> {
        match self.0 {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }
}
