//! Loads, stores and bulk memory. Every access computes `addr + offset` with a carry check and
//! traps unless the whole access is inside linear memory; the word arithmetic lives in the
//! helper functions of [`Runtime`](super::super::runtime::Runtime).

use naga::{BinaryOperator as B, Expression, Handle, ScalarKind};
use wasmparser::{MemArg, Operator};

use super::super::abi::{control, TrapKind, ValType};
use super::super::func::FuncTranslator;
use super::super::TranslateError;

type H = Handle<Expression>;

impl FuncTranslator<'_, '_> {
    pub(super) fn memory_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        use ValType::*;
        match *op {
            Operator::I32Load { memarg } => self.load(memarg, 4, false, I32)?,
            Operator::I64Load { memarg } => self.load(memarg, 8, false, I64)?,
            Operator::F32Load { memarg } => self.load(memarg, 4, false, F32)?,
            Operator::F64Load { memarg } => self.load(memarg, 8, false, F64)?,
            Operator::I32Load8S { memarg } => self.load(memarg, 1, true, I32)?,
            Operator::I32Load8U { memarg } => self.load(memarg, 1, false, I32)?,
            Operator::I32Load16S { memarg } => self.load(memarg, 2, true, I32)?,
            Operator::I32Load16U { memarg } => self.load(memarg, 2, false, I32)?,
            Operator::I64Load8S { memarg } => self.load(memarg, 1, true, I64)?,
            Operator::I64Load8U { memarg } => self.load(memarg, 1, false, I64)?,
            Operator::I64Load16S { memarg } => self.load(memarg, 2, true, I64)?,
            Operator::I64Load16U { memarg } => self.load(memarg, 2, false, I64)?,
            Operator::I64Load32S { memarg } => self.load(memarg, 4, true, I64)?,
            Operator::I64Load32U { memarg } => self.load(memarg, 4, false, I64)?,
            Operator::I32Store { memarg } | Operator::F32Store { memarg } => {
                self.store(memarg, 4)?
            }
            Operator::I64Store { memarg } | Operator::F64Store { memarg } => {
                self.store(memarg, 8)?
            }
            Operator::I32Store8 { memarg } | Operator::I64Store8 { memarg } => {
                self.store(memarg, 1)?
            }
            Operator::I32Store16 { memarg } | Operator::I64Store16 { memarg } => {
                self.store(memarg, 2)?
            }
            Operator::I64Store32 { memarg } => self.store(memarg, 4)?,
            Operator::MemorySize { .. } => {
                let p = self.rt.control_word(&mut self.b, control::MEMORY_BYTES);
                let bytes = self.b.load(p);
                let sixteen = self.b.u32(16);
                let pages = self.b.bin(B::ShiftRight, bytes, sixteen);
                self.push(pages, I32);
            }
            Operator::MemoryGrow { .. } => {
                let delta = self.pop();
                let grow = self.rt.grow(self.module);
                if let Some(r) = self.checked_call(grow, vec![delta], true) {
                    self.push(r, I32);
                }
            }
            Operator::MemoryFill { .. } => {
                let n = self.pop();
                let value = self.pop();
                let dst = self.pop();
                self.check_range(dst, n)?;
                let fill = self.rt.fill(self.module);
                let done = self.checked_call(fill, vec![dst, value, n], true);
                self.trap_unless_done(done);
            }
            Operator::MemoryCopy { .. } => {
                let n = self.pop();
                let src = self.pop();
                let dst = self.pop();
                let oob = self.rt.oob(self.module);
                let d = self.b.call(oob, vec![dst, n], true);
                let s = self.b.call(oob, vec![src, n], true);
                if let (Some(d), Some(s)) = (d, s) {
                    let bad = self.b.bin(B::LogicalOr, d, s);
                    self.trap_if(bad, TrapKind::MemoryOutOfBounds);
                }
                let copy = self.rt.copy(self.module);
                let done = self.checked_call(copy, vec![dst, src, n], true);
                self.trap_unless_done(done);
            }
            Operator::MemoryInit { data_index, .. } => {
                let n = self.pop();
                let src = self.pop();
                let dst = self.pop();
                // The live length is 0 once the segment was dropped; active segments were
                // dropped at instantiation.
                let seg = self.passive.get(&data_index).cloned();
                let len = match &seg {
                    Some(seg) => {
                        let len_p = self.rt.control_word(&mut self.b, seg.control_word);
                        self.b.load(len_p)
                    }
                    None => self.b.u32(0),
                };
                let end = self.b.bin(B::Add, src, n);
                let wrapped = self.b.bin(B::Less, end, src);
                let past = self.b.bin(B::Greater, end, len);
                let bad_src = self.b.bin(B::LogicalOr, wrapped, past);
                let oob = self.rt.oob(self.module);
                if let Some(bad_dst) = self.b.call(oob, vec![dst, n], true) {
                    let bad = self.b.bin(B::LogicalOr, bad_src, bad_dst);
                    self.trap_if(bad, TrapKind::MemoryOutOfBounds);
                }
                let base = self.b.u32(seg.as_ref().map_or(0, |seg| seg.offset));
                let from = self.b.bin(B::Add, base, src);
                let init = self.rt.init(self.module);
                let done = self.checked_call(init, vec![dst, from, n], true);
                self.trap_unless_done(done);
            }
            Operator::DataDrop { data_index } => {
                if let Some(seg) = self.passive.get(&data_index).cloned() {
                    let p = self.rt.control_word(&mut self.b, seg.control_word);
                    let zero = self.b.u32(0);
                    self.b.store(p, zero);
                }
                // Dropping an active segment is allowed and has no observable effect here.
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// After a bulk memory helper: a driver's loop cap cut it short (see `LoopLimit`).
    fn trap_unless_done(&mut self, done: Option<H>) {
        if let Some(done) = done {
            let cut = self.b.un(naga::UnaryOperator::LogicalNot, done);
            self.trap_if(cut, TrapKind::LoopLimit);
        }
    }

    /// Traps unless `[start, start + n)` is inside memory.
    fn check_range(&mut self, start: H, n: H) -> Result<(), TranslateError> {
        let oob = self.rt.oob(self.module);
        if let Some(bad) = self.b.call(oob, vec![start, n], true) {
            self.trap_if(bad, TrapKind::MemoryOutOfBounds);
        }
        Ok(())
    }

    /// The effective address of an access of `size` bytes, after the bounds check.
    fn effective_address(&mut self, memarg: MemArg, size: u32) -> Result<H, TranslateError> {
        if memarg.target != wasmparser::MemArgTarget::Memory(0) {
            return Err(self.unsupported("multiple memories"));
        }
        let addr = self.pop();
        let offset = u32::try_from(memarg.offset)
            .map_err(|_| self.unsupported("memory offset over 4 GiB"))?;
        let ea = if offset == 0 {
            addr
        } else {
            let o = self.b.u32(offset);
            self.b.bin(B::Add, addr, o)
        };
        let oob = self.rt.oob(self.module);
        let size_h = self.b.u32(size);
        let Some(bad) = self.b.call(oob, vec![ea, size_h], true) else {
            return Ok(ea);
        };
        let bad = if offset == 0 {
            bad
        } else {
            let carry = self.b.bin(B::Less, ea, addr);
            self.b.bin(B::LogicalOr, carry, bad)
        };
        self.trap_if(bad, TrapKind::MemoryOutOfBounds);
        Ok(ea)
    }

    /// Loads the low `size` bytes at `ea` into a u32 (zero-extended).
    fn load_u32(&mut self, ea: H, size: u32) -> H {
        let f = match size {
            1 => self.rt.load_narrow(self.module, 1),
            2 => self.rt.load_narrow(self.module, 2),
            _ => self.rt.load32(self.module),
        };
        match self.b.call(f, vec![ea], true) {
            Some(v) => v,
            None => self.b.u32(0),
        }
    }

    fn load(
        &mut self,
        memarg: MemArg,
        size: u32,
        signed: bool,
        t: ValType,
    ) -> Result<(), TranslateError> {
        let ea = self.effective_address(memarg, size)?;
        if size == 8 {
            let lo = self.load_u32(ea, 4);
            let four = self.b.u32(4);
            let ea4 = self.b.bin(B::Add, ea, four);
            let hi = self.load_u32(ea4, 4);
            let lo64 = self.b.convert(lo, ScalarKind::Uint, 8);
            let hi64 = self.b.convert(hi, ScalarKind::Uint, 8);
            let thirty_two = self.b.u32(32);
            let hi_s = self.b.bin(B::ShiftLeft, hi64, thirty_two);
            let v = self.b.bin(B::InclusiveOr, lo64, hi_s);
            let v = if t == ValType::F64 {
                self.b.bitcast(v, ScalarKind::Float)
            } else {
                v
            };
            self.push(v, t);
            return Ok(());
        }
        let mut v = self.load_u32(ea, size);
        if signed && size < 4 {
            let k = self.b.u32(32 - 8 * size);
            let up = self.b.bin(B::ShiftLeft, v, k);
            let s = self.b.bitcast(up, ScalarKind::Sint);
            let down = self.b.bin(B::ShiftRight, s, k);
            v = self.b.bitcast(down, ScalarKind::Uint);
        }
        let v = match t {
            ValType::F32 => self.b.bitcast(v, ScalarKind::Float),
            ValType::I64 if signed => {
                let s = self.b.bitcast(v, ScalarKind::Sint);
                let w = self.b.convert(s, ScalarKind::Sint, 8);
                self.b.bitcast(w, ScalarKind::Uint)
            }
            ValType::I64 => self.b.convert(v, ScalarKind::Uint, 8),
            _ => v,
        };
        self.push(v, t);
        Ok(())
    }

    fn store(&mut self, memarg: MemArg, size: u32) -> Result<(), TranslateError> {
        let (value, t) = self.pop_typed();
        let ea = self.effective_address(memarg, size)?;
        let bits = match t {
            ValType::F32 | ValType::F64 => self.b.bitcast(value, ScalarKind::Uint),
            _ => value,
        };
        let wide = matches!(t, ValType::I64 | ValType::F64);
        let lo = if wide {
            self.b.convert(bits, ScalarKind::Uint, 4)
        } else {
            bits
        };
        let store = self.rt.store(self.module);
        let mask = self.b.u32(match size {
            1 => 0xff,
            2 => 0xffff,
            _ => u32::MAX,
        });
        self.b.call(store, vec![ea, lo, mask], false);
        if size == 8 {
            let thirty_two = self.b.u32(32);
            let hi64 = self.b.bin(B::ShiftRight, bits, thirty_two);
            let hi = self.b.convert(hi64, ScalarKind::Uint, 4);
            let four = self.b.u32(4);
            let ea4 = self.b.bin(B::Add, ea, four);
            self.b.call(store, vec![ea4, hi, mask], false);
        }
        Ok(())
    }
}
