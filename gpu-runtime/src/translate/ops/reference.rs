//! `ref.null`, `ref.is_null` and `ref.func`. References are `u32` words (see
//! [`ValType`](super::super::abi::ValType)): a funcref is its function index + 1, an externref
//! a host handle, and 0 is null for both.

use naga::BinaryOperator as B;
use wasmparser::{HeapType, Operator};

use super::super::abi::ValType;
use super::super::func::FuncTranslator;
use super::super::TranslateError;

impl FuncTranslator<'_, '_> {
    pub(super) fn reference_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        match *op {
            Operator::RefNull { hty } => {
                let t = match hty {
                    HeapType::Abstract {
                        ty: wasmparser::AbstractHeapType::Extern,
                        ..
                    } => ValType::ExternRef,
                    HeapType::Abstract {
                        ty: wasmparser::AbstractHeapType::Func,
                        ..
                    } => ValType::FuncRef,
                    _ => return Err(self.unsupported("ref.null of a non-2.0 heap type")),
                };
                let null = self.b.u32(0);
                self.push(null, t);
            }
            Operator::RefIsNull => {
                let r = self.pop();
                let zero = self.b.u32(0);
                let is_null = self.b.bin(B::Equal, r, zero);
                let v = self.from_bool(is_null);
                self.push(v, ValType::I32);
            }
            Operator::RefFunc { function_index } => {
                let r = self.b.u32(function_index.wrapping_add(1));
                self.push(r, ValType::FuncRef);
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}
