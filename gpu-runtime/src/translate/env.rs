//! The module environment: everything outside function bodies, read once with wasmparser after
//! validation (types, imports, globals, memory, tables, elements, data, exports, names).

use std::collections::BTreeMap;

use wasmparser::{
    CompositeInnerType, ConstExpr, DataKind, ElementItems, ElementKind, ExternalKind, FunctionBody,
    Name, Operator, Parser, Payload, TableInit, TypeRef, ValType as WasmValType, Validator,
    WasmFeatures,
};

use super::abi::ValType;
use super::TranslateError;

/// A function signature with ABI types.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
}

/// A wasm global.
#[derive(Debug, Clone)]
pub struct GlobalDef {
    pub ty: ValType,
    pub mutable: bool,
    /// Initial value bits.
    pub init: u64,
}

/// A table: its type, limits and its contents at instantiation (after the active element
/// segments). Without table operators in the module ([`ModuleEnv::dynamic_tables`]) these
/// contents never change, and `call_indirect` switches over them at translation time.
#[derive(Debug, Clone)]
pub struct TableDef {
    /// [`ValType::FuncRef`] or [`ValType::ExternRef`].
    pub ty: ValType,
    /// Declared maximum size, if any.
    pub maximum: Option<u64>,
    /// Function index per slot; `None` is a null reference.
    pub slots: Vec<Option<u32>>,
}

/// How an element segment is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElemMode {
    /// Serves `table.init` until `elem.drop`.
    Passive,
    /// Copied into a table at instantiation, then dropped.
    Active,
    /// Only declares functions for `ref.func`; dropped from the start.
    Declared,
}

/// An element segment.
#[derive(Debug, Clone)]
pub struct ElemDef {
    pub mode: ElemMode,
    /// The items as reference words (0: null, else function index + 1).
    pub items: Vec<u32>,
}

/// A data segment.
#[derive(Debug, Clone)]
pub struct DataDef<'a> {
    /// `Some(offset)` for active segments.
    pub active_offset: Option<u32>,
    pub bytes: &'a [u8],
}

/// The module environment.
#[derive(Debug)]
pub struct ModuleEnv<'a> {
    pub types: Vec<Option<Signature>>,
    /// Type index of every function (imports first).
    pub func_types: Vec<u32>,
    /// `(module, name)` of each imported function.
    pub func_imports: Vec<(String, String)>,
    pub globals: Vec<GlobalDef>,
    pub memory: Option<wasmparser::MemoryType>,
    pub tables: Vec<TableDef>,
    pub elems: Vec<ElemDef>,
    /// Some function uses a table operator (`table.get/set/size/grow/fill/copy/init`): tables
    /// are then runtime state (see `abi::TableLayout`) rather than translation-time constants.
    pub dynamic_tables: bool,
    /// Every function a reference can name: the functions of all element segments, of
    /// reference globals and of `ref.func` in bodies. With dynamic tables, the possible targets
    /// of `call_indirect`.
    pub ref_targets: std::collections::BTreeSet<u32>,
    pub data: Vec<DataDef<'a>>,
    pub exports: Vec<(String, ExternalKind, u32)>,
    pub bodies: Vec<FunctionBody<'a>>,
    pub names: BTreeMap<u32, String>,
    pub global_names: BTreeMap<u32, String>,
    pub start: Option<u32>,
    /// The module carries a `producers` section (LLVM writes one).
    pub has_producers: bool,
}

fn unsupported(what: impl Into<String>) -> TranslateError {
    TranslateError::UnsupportedFeature { what: what.into() }
}

pub fn val_type(t: WasmValType) -> Result<ValType, TranslateError> {
    match t {
        WasmValType::I32 => Ok(ValType::I32),
        WasmValType::I64 => Ok(ValType::I64),
        WasmValType::F32 => Ok(ValType::F32),
        WasmValType::F64 => Ok(ValType::F64),
        WasmValType::Ref(r) if r == wasmparser::RefType::FUNCREF => Ok(ValType::FuncRef),
        WasmValType::Ref(r) if r == wasmparser::RefType::EXTERNREF => Ok(ValType::ExternRef),
        other => Err(unsupported(format!("value type {other}"))),
    }
}

/// The wasm features accepted: WebAssembly 2.0 (what rustc emits by default for wasm32).
pub fn features() -> WasmFeatures {
    WasmFeatures::WASM2
}

impl<'a> ModuleEnv<'a> {
    /// Validates `wasm` and reads its environment.
    pub fn parse(wasm: &'a [u8]) -> Result<Self, TranslateError> {
        Validator::new_with_features(features()).validate_all(wasm)?;
        let mut env = ModuleEnv {
            types: Vec::new(),
            func_types: Vec::new(),
            func_imports: Vec::new(),
            globals: Vec::new(),
            memory: None,
            tables: Vec::new(),
            elems: Vec::new(),
            dynamic_tables: false,
            ref_targets: std::collections::BTreeSet::new(),
            data: Vec::new(),
            exports: Vec::new(),
            bodies: Vec::new(),
            names: BTreeMap::new(),
            global_names: BTreeMap::new(),
            start: None,
            has_producers: false,
        };
        let mut elements = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            match payload? {
                Payload::TypeSection(r) => {
                    for group in r {
                        for sub in group?.into_types() {
                            let sig = match &sub.composite_type.inner {
                                CompositeInnerType::Func(f) => Some(Signature {
                                    params: f
                                        .params()
                                        .iter()
                                        .map(|t| val_type(*t))
                                        .collect::<Result<_, _>>()?,
                                    results: f
                                        .results()
                                        .iter()
                                        .map(|t| val_type(*t))
                                        .collect::<Result<_, _>>()?,
                                }),
                                _ => None,
                            };
                            env.types.push(sig);
                        }
                    }
                }
                Payload::ImportSection(r) => {
                    for import in r.into_imports() {
                        let import = import?;
                        match import.ty {
                            TypeRef::Func(t) => {
                                env.func_types.push(t);
                                env.func_imports
                                    .push((import.module.to_string(), import.name.to_string()));
                            }
                            _ => {
                                return Err(unsupported(format!(
                                    "import `{}.{}` (only function imports are supported)",
                                    import.module, import.name
                                )))
                            }
                        }
                    }
                }
                Payload::FunctionSection(r) => {
                    for t in r {
                        env.func_types.push(t?);
                    }
                }
                Payload::TableSection(r) => {
                    for table in r {
                        let table = table?;
                        let ty = val_type(WasmValType::Ref(table.ty.element_type))?;
                        let size = usize::try_from(table.ty.initial)
                            .ok()
                            .filter(|s| *s <= 1 << 20)
                            .ok_or_else(|| unsupported("a table of more than 1M slots"))?;
                        let fill = match table.init {
                            TableInit::RefNull => None,
                            TableInit::Expr(e) => const_ref(&e)?,
                        };
                        env.ref_targets.extend(fill);
                        env.tables.push(TableDef {
                            ty,
                            maximum: table.ty.maximum,
                            slots: vec![fill; size],
                        });
                    }
                }
                Payload::MemorySection(r) => {
                    for m in r {
                        let m = m?;
                        if env.memory.is_some() {
                            return Err(unsupported("more than one memory"));
                        }
                        if m.memory64 || m.shared {
                            return Err(unsupported("64-bit or shared memory"));
                        }
                        env.memory = Some(m);
                    }
                }
                Payload::GlobalSection(r) => {
                    for g in r {
                        let g = g?;
                        let ty = val_type(g.ty.content_type)?;
                        let init = env.const_value(&g.init_expr)?;
                        if ty == ValType::FuncRef && init != 0 {
                            env.ref_targets.insert(init as u32 - 1);
                        }
                        env.globals.push(GlobalDef {
                            ty,
                            mutable: g.ty.mutable,
                            init,
                        });
                    }
                }
                Payload::ExportSection(r) => {
                    for e in r {
                        let e = e?;
                        env.exports.push((e.name.to_string(), e.kind, e.index));
                    }
                }
                Payload::StartSection { func, .. } => env.start = Some(func),
                Payload::ElementSection(r) => {
                    for e in r {
                        elements.push(e?);
                    }
                }
                Payload::DataSection(r) => {
                    for d in r {
                        let d = d?;
                        let active_offset = match d.kind {
                            DataKind::Passive => None,
                            DataKind::Active { offset_expr, .. } => {
                                Some(env.const_value(&offset_expr)? as u32)
                            }
                        };
                        env.data.push(DataDef {
                            active_offset,
                            bytes: d.data,
                        });
                    }
                }
                Payload::CodeSectionEntry(body) => env.bodies.push(body),
                Payload::CustomSection(c) => {
                    if c.name() == "producers" {
                        env.has_producers = true;
                    }
                    if let wasmparser::KnownCustom::Name(names) = c.as_known() {
                        // A malformed name section is not an error: names are only for messages.
                        for name in names.into_iter().flatten() {
                            match name {
                                Name::Function(map) => {
                                    for n in map.into_iter().flatten() {
                                        env.names.insert(n.index, n.name.to_string());
                                    }
                                }
                                Name::Global(map) => {
                                    for n in map.into_iter().flatten() {
                                        env.global_names.insert(n.index, n.name.to_string());
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for e in elements {
            env.apply_element(e)?;
        }
        env.scan_bodies()?;
        Ok(env)
    }

    /// Notes table operators and `ref.func` targets in the function bodies.
    fn scan_bodies(&mut self) -> Result<(), TranslateError> {
        for body in &self.bodies {
            let mut reader = body.get_operators_reader()?;
            while !reader.eof() {
                match reader.read()? {
                    Operator::TableGet { .. }
                    | Operator::TableSet { .. }
                    | Operator::TableSize { .. }
                    | Operator::TableGrow { .. }
                    | Operator::TableFill { .. }
                    | Operator::TableCopy { .. }
                    | Operator::TableInit { .. } => self.dynamic_tables = true,
                    Operator::RefFunc { function_index } => {
                        self.ref_targets.insert(function_index);
                    }
                    _ => {}
                }
            }
        }
        Ok(())
    }

    fn apply_element(&mut self, e: wasmparser::Element<'a>) -> Result<(), TranslateError> {
        let items: Vec<Option<u32>> = match e.items.clone() {
            ElementItems::Functions(r) => r
                .into_iter()
                .map(|f| f.map(Some))
                .collect::<Result<_, _>>()?,
            ElementItems::Expressions(_, r) => r
                .into_iter()
                .map(|c| c.map_err(TranslateError::from).and_then(|c| const_ref(&c)))
                .collect::<Result<_, _>>()?,
        };
        self.ref_targets.extend(items.iter().flatten());
        let mode = match e.kind {
            ElementKind::Passive => ElemMode::Passive,
            ElementKind::Declared => ElemMode::Declared,
            ElementKind::Active { .. } => ElemMode::Active,
        };
        self.elems.push(ElemDef {
            mode,
            items: items.iter().map(|f| f.map_or(0, |f| f + 1)).collect(),
        });
        let ElementKind::Active {
            table_index,
            offset_expr,
        } = e.kind
        else {
            return Ok(());
        };
        let offset = self.const_value(&offset_expr)? as u32 as usize;
        let table = self
            .tables
            .get_mut(table_index.unwrap_or(0) as usize)
            .ok_or_else(|| unsupported("an element segment for an imported table"))?;
        if offset
            .checked_add(items.len())
            .is_none_or(|end| end > table.slots.len())
        {
            // The spec makes this an instantiation failure (out of bounds table access).
            return Err(unsupported(
                "an active element segment out of the table's bounds (instantiation would trap)",
            ));
        }
        table.slots[offset..offset + items.len()].copy_from_slice(&items);
        Ok(())
    }

    /// Evaluates a constant expression to raw bits.
    fn const_value(&self, e: &ConstExpr<'_>) -> Result<u64, TranslateError> {
        let mut reader = e.get_operators_reader();
        let op = reader.read()?;
        let v = match op {
            Operator::I32Const { value } => value as u32 as u64,
            Operator::I64Const { value } => value as u64,
            Operator::F32Const { value } => value.bits() as u64,
            Operator::F64Const { value } => value.bits(),
            // A funcref is its function index + 1 (0 is null), see `abi::ValType`.
            Operator::RefNull { .. } => 0,
            Operator::RefFunc { function_index } => u64::from(function_index) + 1,
            Operator::GlobalGet { global_index } => self
                .globals
                .get(global_index as usize)
                .map(|g| g.init)
                .ok_or_else(|| unsupported("a constant expression reading an imported global"))?,
            other => {
                return Err(unsupported(format!(
                    "constant expression `{}`",
                    super::ops::op_name(&other)
                )))
            }
        };
        Ok(v)
    }

    /// The intrinsic an imported function stands for, if any.
    pub fn intrinsic(&self, index: u32) -> Option<super::intrinsics::Intrinsic> {
        let (module, name) = self.func_imports.get(index as usize)?;
        super::intrinsics::Intrinsic::lookup(module, name, self.func_sig(index))
    }

    pub fn num_imported_funcs(&self) -> u32 {
        self.func_imports.len() as u32
    }

    /// Whether function `index` can be called other than by a direct call of this module's
    /// code: it is exported, in a table (or named by `ref.func`), or the start function.
    pub fn called_from_outside(&self, index: u32) -> bool {
        self.exports
            .iter()
            .any(|(_, k, i)| *k == ExternalKind::Func && *i == index)
            || self.ref_targets.contains(&index)
            || self.start == Some(index)
    }

    /// Signature of function `index`.
    pub fn func_sig(&self, index: u32) -> Option<&Signature> {
        let t = *self.func_types.get(index as usize)?;
        self.types.get(t as usize)?.as_ref()
    }

    /// A printable name for function `index`.
    pub fn func_name(&self, index: u32) -> String {
        self.names
            .get(&index)
            .cloned()
            .unwrap_or_else(|| format!("func[{index}]"))
    }

    /// Body of a defined function.
    pub fn body(&self, index: u32) -> Option<&FunctionBody<'a>> {
        let i = index.checked_sub(self.num_imported_funcs())?;
        self.bodies.get(i as usize)
    }

    /// Exported functions, in export order.
    pub fn exported_funcs(&self) -> impl Iterator<Item = (&str, u32)> {
        self.exports
            .iter()
            .filter(|(_, k, _)| *k == ExternalKind::Func)
            .map(|(n, _, i)| (n.as_str(), *i))
    }

    /// The LLVM shadow stack pointer global, if this module has one: named `__stack_pointer`
    /// in the name section, or (release builds without names) global 0 when it is a mutable
    /// i32 in a module with memory that LLVM produced.
    pub fn stack_pointer_global(&self) -> Option<u32> {
        if let Some((&i, _)) = self
            .global_names
            .iter()
            .find(|(_, n)| n.as_str() == "__stack_pointer")
        {
            return Some(i);
        }
        let g = self.globals.first()?;
        let exported = self
            .exports
            .iter()
            .any(|(_, k, i)| *k == ExternalKind::Global && *i == 0);
        (self.has_producers
            && self.memory.is_some()
            && g.ty == ValType::I32
            && g.mutable
            && !exported)
            .then_some(0)
    }
}

/// A `ref.func`/`ref.null` constant.
fn const_ref(e: &ConstExpr<'_>) -> Result<Option<u32>, TranslateError> {
    let mut reader = e.get_operators_reader();
    match reader.read()? {
        Operator::RefFunc { function_index } => Ok(Some(function_index)),
        Operator::RefNull { .. } => Ok(None),
        other => Err(unsupported(format!(
            "table initialiser `{}`",
            super::ops::op_name(&other)
        ))),
    }
}
