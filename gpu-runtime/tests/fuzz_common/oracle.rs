//! The reference side: the same module in wasmi 2.0, one instance whose state (memory, globals)
//! carries over between calls exactly as a GPU [`Instance`](gpu_runtime::host::Instance) does.

use gpu_runtime::host::Value;
use gpu_runtime::translate::abi::ValType;

use super::compare::{trap_kind, Outcome};

/// wasmi's engine, with a call depth above what [`FUEL`](super::gen::FUEL) allows (every call
/// costs one unit), so that deep recursion ends in the module's own fuel trap on both sides
/// rather than in wasmi's default limit of 1,000 frames.
pub fn engine() -> wasmi::Engine {
    let mut config = wasmi::Config::default();
    config.set_max_recursion_depth(2 * super::gen::FUEL as usize + 100);
    config.set_max_stack_height(16 * 1024 * 1024);
    wasmi::Engine::new(&config)
}

/// A wasmi instance of the module under test.
pub struct Oracle {
    store: wasmi::Store<()>,
    instance: wasmi::Instance,
}

impl std::fmt::Debug for Oracle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Oracle").finish_non_exhaustive()
    }
}

/// What wasmi did with a call when it is not comparable (wasmi's own limits).
#[derive(Debug, Clone)]
pub struct OracleLimit(pub String);

impl Oracle {
    /// Instantiates `module` and runs its start function; `Err` is wasmi's error (an active
    /// segment out of bounds, a trap in the start function).
    pub fn new(module: &wasmi::Module) -> Result<Oracle, wasmi::Error> {
        let mut store = wasmi::Store::new(module.engine(), ());
        let linker = wasmi::Linker::<()>::new(module.engine());
        let instance = linker.instantiate_and_start(&mut store, module)?;
        Ok(Oracle { store, instance })
    }

    /// Calls `export(args)` with `results` result types.
    pub fn call(
        &mut self,
        export: &str,
        args: &[Value],
        results: &[ValType],
    ) -> Result<Outcome, OracleLimit> {
        let func = self
            .instance
            .get_func(&self.store, export)
            .ok_or_else(|| OracleLimit(format!("wasmi has no export `{export}`")))?;
        let inputs: Vec<wasmi::Val> = args.iter().map(|v| to_wasmi(*v)).collect();
        let mut outputs: Vec<wasmi::Val> = results
            .iter()
            .map(|t| to_wasmi(Value::from_bits(*t, 0)))
            .collect();
        match func.call(&mut self.store, &inputs, &mut outputs) {
            Ok(()) => outputs
                .iter()
                .zip(results)
                .map(|(v, t)| from_wasmi(v, *t))
                .collect::<Option<Vec<_>>>()
                .map(Outcome::Returned)
                .ok_or_else(|| OracleLimit("wasmi returned a non-numeric value".into())),
            Err(e) => match e.as_trap_code().and_then(trap_kind) {
                Some(kind) => Ok(Outcome::Trapped(kind)),
                None => Err(OracleLimit(e.to_string())),
            },
        }
    }

    /// The memory's bytes (empty without a memory).
    pub fn memory(&self) -> Vec<u8> {
        self.instance
            .exports(&self.store)
            .find_map(|e| e.into_memory())
            .map(|m| m.data(&self.store).to_vec())
            .unwrap_or_default()
    }

    /// The value of the exported global `name`.
    pub fn global(&self, name: &str, ty: ValType) -> Option<Value> {
        let g = self.instance.get_global(&self.store, name)?;
        from_wasmi(&g.get(&self.store), ty)
    }
}

fn to_wasmi(v: Value) -> wasmi::Val {
    match v {
        Value::I32(x) => wasmi::Val::I32(x),
        Value::I64(x) => wasmi::Val::I64(x),
        Value::F32Bits(b) => wasmi::Val::F32(wasmi::F32::from_bits(b)),
        Value::F64Bits(b) => wasmi::Val::F64(wasmi::F64::from_bits(b)),
        // Generated modules have no reference types (see `gen::config`): only null crosses.
        Value::FuncRef(_) => wasmi::Val::FuncRef(wasmi::Nullable::Null),
        Value::ExternRef(_) => wasmi::Val::ExternRef(wasmi::Nullable::Null),
    }
}

fn from_wasmi(v: &wasmi::Val, ty: ValType) -> Option<Value> {
    let bits = match v {
        wasmi::Val::I32(x) => u64::from(*x as u32),
        wasmi::Val::I64(x) => *x as u64,
        wasmi::Val::F32(x) => u64::from(x.to_bits()),
        wasmi::Val::F64(x) => x.to_bits(),
        _ => return None,
    };
    Some(Value::from_bits(ty, bits))
}
