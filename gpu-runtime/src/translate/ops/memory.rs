//! Loads, stores and bulk memory. Every access computes `addr + offset` with a carry check and
//! traps unless the whole access is inside linear memory; the word arithmetic lives in the
//! helper functions of [`Runtime`](super::super::runtime::Runtime).

use naga::{BinaryOperator as B, Expression, Handle, ScalarKind};
use wasmparser::{MemArg, Operator};

use super::super::abi::{control, TrapKind, ValType};
use super::super::access_groups::{Group, Member, Role};
use super::super::func::{FuncTranslator, Operand};
use super::super::loop_invariants::Versioned;
use super::super::private_frames::Event;
use super::super::store_groups::{StoreGroup, StoreRole};
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
            Operator::MemoryFill { .. } if self.frame_event().is_some() => {
                if let Some((frame, Event::Fill { at, len })) = self.frame_event() {
                    self.frame_fill(frame, at, len);
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
            Operator::MemoryCopy { .. } if self.frame_event().is_some() => {
                if let Some((frame, Event::Copy { dst, src, len })) = self.frame_event() {
                    self.frame_copy(frame, dst, src, len);
                }
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
        let addr = self.pop();
        self.checked_address(memarg, size, addr)
    }

    /// The effective address of an access of `size` bytes at `addr + memarg.offset`, after
    /// the bounds check.
    fn checked_address(&mut self, memarg: MemArg, size: u32, addr: H) -> Result<H, TranslateError> {
        let ea = self.address(memarg, addr)?;
        let carry = (memarg.offset != 0).then(|| self.b.bin(B::Less, ea, addr));
        if let Some(bad) = self.access_oob(ea, size, carry) {
            self.trap_if(bad, TrapKind::MemoryOutOfBounds);
        }
        Ok(ea)
    }

    /// Whether the access of `size` bytes at `ea` leaves memory, or (`carry`) its memarg
    /// offset carried past 4 GiB.
    fn access_oob(&mut self, ea: H, size: u32, carry: Option<H>) -> Option<H> {
        let oob = self.rt.oob(self.module);
        let size_h = self.b.u32(size);
        let out = self.b.call(oob, vec![ea, size_h], true)?;
        Some(match carry {
            Some(c) => self.b.bin(B::LogicalOr, c, out),
            None => out,
        })
    }

    /// `addr + memarg.offset`, unchecked.
    fn address(&mut self, memarg: MemArg, addr: H) -> Result<H, TranslateError> {
        if memarg.target != wasmparser::MemArgTarget::Memory(0) {
            return Err(self.unsupported("multiple memories"));
        }
        let offset = u32::try_from(memarg.offset)
            .map_err(|_| self.unsupported("memory offset over 4 GiB"))?;
        Ok(if offset == 0 {
            addr
        } else {
            let o = self.b.u32(offset);
            self.b.bin(B::Add, addr, o)
        })
    }

    /// The address of a group's load, `leader + rel` (see [`Member`]), and whether adding its
    /// memarg offset carried past 4 GiB.
    fn member_address(&mut self, leader: H, m: &Member) -> (H, Option<H>) {
        let base_rel = m.rel - i64::from(m.memarg_offset);
        let base = self.plus(leader, base_rel);
        if m.memarg_offset == 0 {
            return (base, None);
        }
        let o = self.b.u32(m.memarg_offset);
        let ea = self.b.bin(B::Add, base, o);
        let carry = self.b.bin(B::Less, ea, base);
        (ea, Some(carry))
    }

    /// `a + k` modulo 2^32.
    fn plus(&mut self, a: H, k: i64) -> H {
        if k == 0 {
            return a;
        }
        let k = self.b.u32(k as i32 as u32);
        self.b.bin(B::Add, a, k)
    }

    /// The bounds check of a whole load group at its leader, whose popped address is `leader`:
    /// one check of the span; when it fails, each member's own check in program order, so
    /// that the first load that really leaves memory is the trap recorded, with its offset.
    ///
    /// The span's start `leader + lo` is taken modulo 2^32 and needs no test of its own for
    /// wrapping: below 0 it becomes an address above `4 GiB - 1 MiB`, past any memory
    /// (`abi::MAX_MEMORY_BYTES`), so the bounds compare fails; past 2^32 (positive `lo`) every
    /// member's address wraps by the same 2^32, as wasm's `i32.add` does, so the wrapped span
    /// is the members' real one.
    fn check_group(&mut self, group: &Group, leader: H) {
        let (lo, hi) = group.check_span();
        let start = self.plus(leader, lo);
        let oob = self.rt.oob(self.module);
        let len = self.b.u32((hi - lo) as u32);
        let bad = match self.b.call(oob, vec![start, len], true) {
            Some(out) => out,
            None => self.b.lit(naga::Literal::Bool(false)),
        };
        let here = self.offset;
        self.b.open_block();
        for m in &group.members {
            let (ea, carry) = self.member_address(leader, m);
            if let Some(out) = self.access_oob(ea, m.size, carry) {
                self.offset = m.offset;
                self.trap_if(out, TrapKind::MemoryOutOfBounds);
            }
        }
        self.offset = here;
        let accept = self.b.close_block();
        self.b.stmt(naga::Statement::If {
            condition: bad,
            accept,
            reject: naga::Block::new(),
        });
    }

    /// A tiled group's loads, all done at the leader into locals ([`FuncTranslator::group_words`]):
    /// 16-byte loads when the span is 16-byte aligned and outside the interleaved stack region,
    /// else each member's own words as usual. The 16-byte loads do not wait for the bounds
    /// check (in a loop like n-body's that check would sit between the address and the load on
    /// every iteration): their block index is clamped to the buffer instead, and a thread whose
    /// check failed has trapped, so what it read does not matter.
    fn load_tiled(&mut self, group: &Group, leader: H, blocks: u32, fast: bool) {
        let (lo, _) = group.span();
        let start = self.plus(leader, lo);
        let u = self.rt.u32_type;
        let words: Vec<H> = (0..blocks * 4)
            .map(|k| self.b.local(format!("gw{k}"), u, None))
            .collect();
        if fast {
            // Known aligned, inside memory and outside the stack region.
            self.load_blocks(start, &words, false);
            self.keep_group_words(group, &words);
            return;
        }
        let aligned = match self.aligned_at_entry.get(&self.offset) {
            Some(&p) => {
                let flag = self.b.load(p);
                self.to_bool(flag)
            }
            None => self.aligned16(start),
        };
        let mut wide = aligned;
        let two = self.b.u32(2);
        let first = self.b.bin(B::ShiftRight, start, two);
        let last = self.plus(first, i64::from(blocks * 4 - 1));
        if let Some(outside) = self.rt.outside_stack(&mut self.b, first, last) {
            wide = self.b.bin(B::LogicalAnd, wide, outside);
        }
        self.b.open_block();
        self.load_blocks(start, &words, true);
        let accept = self.b.close_block();
        self.b.open_block();
        for m in &group.members {
            let (ea, _) = self.member_address(leader, m);
            let first = ((m.rel - lo) / 4) as usize;
            for k in 0..m.size / 4 {
                let at = self.plus(ea, i64::from(4 * k));
                let w = self.load_u32(at, 4);
                self.b.store(words[first + k as usize], w);
            }
        }
        let reject = self.b.close_block();
        self.b.stmt(naga::Statement::If {
            condition: wide,
            accept,
            reject,
        });
        self.keep_group_words(group, &words);
    }

    /// The 16-byte blocks from `start` (16-byte aligned) into `words`, four per block; `clamp`:
    /// block indexes kept inside the buffer ([`Runtime::load_block`]).
    ///
    /// [`Runtime::load_block`]: super::super::runtime::Runtime::load_block
    fn load_blocks(&mut self, start: H, words: &[H], clamp: bool) {
        let four = self.b.u32(4);
        let block0 = self.b.bin(B::ShiftRight, start, four);
        for (j, block_words) in words.chunks(4).enumerate() {
            let block = self.plus(block0, j as i64);
            let v = self.rt.load_block(self.module, &mut self.b, block, clamp);
            for (i, &word) in block_words.iter().enumerate() {
                let w = self.b.access_index(v, i as u32);
                self.b.store(word, w);
            }
        }
    }

    /// Hands each member of a tiled group the locals of its words.
    fn keep_group_words(&mut self, group: &Group, words: &[H]) {
        let (lo, _) = group.span();
        for m in &group.members {
            let first = ((m.rel - lo) / 4) as usize;
            let mine = words[first..first + (m.size / 4) as usize].to_vec();
            self.group_words.insert(m.offset, mine);
        }
    }

    /// The test before a versioned loop (`loop_invariants::Versioned`): the counter is not 0
    /// (0 would mean 2^32 iterations) and, for each group, the bytes it reads over all
    /// `counter` iterations, `[a, a + step·(counter - 1) + len)` with `a` its first span
    /// start, lie inside memory as this thread last saw it (memory only grows), `a` is
    /// 16-byte aligned (the step is a multiple of 16) and the range is outside the stack
    /// region.
    pub(in super::super) fn versioned_entry_test(&mut self, v: &Versioned) -> H {
        let Some(&(counter_p, _)) = self.locals.get(v.counter as usize) else {
            return self.b.lit(naga::Literal::Bool(false));
        };
        let k = self.b.load(counter_p);
        let zero = self.b.u32(0);
        let mut ok = self.b.bin(B::NotEqual, k, zero);
        let bytes_p = self.b.expr(Expression::GlobalVariable(self.rt.mem_bytes));
        let bytes = self.b.load(bytes_p);
        for g in &v.groups {
            let Some(&(base_p, _)) = self.locals.get(g.base as usize) else {
                return self.b.lit(naga::Literal::Bool(false));
            };
            let base = self.b.load(base_p);
            let a = self.plus(base, g.add);
            // `base + add` must not wrap.
            let d = self.b.u32(g.add.unsigned_abs() as u32);
            let no_wrap = if g.add >= 0 {
                self.b.bin(B::GreaterEqual, a, base)
            } else {
                self.b.bin(B::GreaterEqual, base, d)
            };
            let len = self.b.u32(g.len);
            let fits_one = self.b.bin(B::LessEqual, len, bytes);
            let room = self.b.bin(B::Subtract, bytes, len);
            let first_fits = self.b.bin(B::LessEqual, a, room);
            // (k - 1) steps must fit in what is left after the first span.
            let left = self.b.bin(B::Subtract, room, a);
            let step = self.b.u32(g.step);
            let steps_left = self.b.bin(B::Divide, left, step);
            let one = self.b.u32(1);
            let k1 = self.b.bin(B::Subtract, k, one);
            let all_fit = self.b.bin(B::LessEqual, k1, steps_left);
            let aligned = self.aligned16(a);
            for c in [no_wrap, fits_one, first_fits, all_fit, aligned] {
                ok = self.b.bin(B::LogicalAnd, ok, c);
            }
            let two = self.b.u32(2);
            let first = self.b.bin(B::ShiftRight, a, two);
            let span = self.b.bin(B::Multiply, k1, step);
            let end = self.b.bin(B::Add, a, span);
            let end = self.plus(end, i64::from(g.len) - 1);
            let last = self.b.bin(B::ShiftRight, end, two);
            if let Some(outside) = self.rt.outside_stack(&mut self.b, first, last) {
                ok = self.b.bin(B::LogicalAnd, ok, outside);
            }
        }
        ok
    }

    /// `a & 15 == 0`.
    fn aligned16(&mut self, a: H) -> H {
        let fifteen = self.b.u32(15);
        let low = self.b.bin(B::And, a, fifteen);
        let zero = self.b.u32(0);
        self.b.bin(B::Equal, low, zero)
    }

    /// Right before a loop: whether each tiled group in it whose base steps by multiples of 16
    /// (`loop_invariants.rs`) is 16-byte aligned, into a local its leader reads instead of
    /// testing on every iteration.
    pub(in super::super) fn test_alignment_at_entry(&mut self) {
        let Some(groups) = self.entry_aligned.get(&self.offset).cloned() else {
            return;
        };
        for g in groups {
            let Some(&(ptr, _)) = self.locals.get(g.base as usize) else {
                continue;
            };
            let base = self.b.load(ptr);
            let start = self.plus(base, g.add);
            let aligned = self.aligned16(start);
            let flag = self.from_bool(aligned);
            let u = self.rt.u32_type;
            let local = self.b.local("aligned_at_entry".to_string(), u, None);
            self.b.store(local, flag);
            self.aligned_at_entry.insert(g.leader, local);
        }
    }

    /// The value of a tiled group's load from the words its leader loaded.
    fn push_words(&mut self, words: &[H], t: ValType) {
        let lo = self.b.load(words[0]);
        let v = match words.get(1) {
            Some(&hi_p) => {
                let hi = self.b.load(hi_p);
                let lo64 = self.b.convert(lo, ScalarKind::Uint, 8);
                let hi64 = self.b.convert(hi, ScalarKind::Uint, 8);
                let thirty_two = self.b.u32(32);
                let hi_s = self.b.bin(B::ShiftLeft, hi64, thirty_two);
                self.b.bin(B::InclusiveOr, lo64, hi_s)
            }
            None => lo,
        };
        let v = match t {
            ValType::F32 | ValType::F64 => self.b.bitcast(v, ScalarKind::Float),
            _ => v,
        };
        self.push(v, t);
    }

    /// The address of a load, bounds-checked unless it belongs to a group (whose leader checks
    /// for all); `None` when the value was loaded by the group's leader and pushed.
    fn load_address(
        &mut self,
        memarg: MemArg,
        size: u32,
        t: ValType,
    ) -> Result<Option<H>, TranslateError> {
        let role = self.groups.get(&self.offset).cloned();
        let addr = match role {
            None => return self.effective_address(memarg, size).map(Some),
            Some(Role::Leader(group)) => {
                let addr = self.pop();
                // In the fast copy of a versioned loop the test before the loop has checked
                // the group (`loop_invariants::Versioned`).
                let fast = self.fast_leaders.contains(&self.offset);
                if !fast {
                    self.check_group(&group, addr);
                }
                if let Some(blocks) = group.tiled_blocks.filter(|_| self.rt.wide_loads()) {
                    self.load_tiled(&group, addr, blocks, fast);
                }
                addr
            }
            Some(Role::Member { .. }) => self.pop(),
        };
        if let Some(words) = self.group_words.remove(&self.offset) {
            self.push_words(&words, t);
            return Ok(None);
        }
        self.address(memarg, addr).map(Some)
    }

    /// `size` (1 or 4) bytes of linear memory at `ea`, unchecked, zero-extended.
    pub(super) fn load_piece(&mut self, ea: H, size: u32) -> H {
        self.load_u32(ea, size)
    }

    /// Stores the low `size` (1 or 4) bytes of `v` at `ea` through the store helper, which
    /// writes nothing once the thread has trapped.
    pub(super) fn store_piece(&mut self, ea: H, v: H, size: u32) {
        self.store_words(false, ea, v, None, size);
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
        if let Some((frame, Event::Access { at })) = self.frame_event() {
            self.frame_load(frame, at, size, signed, t);
            return Ok(());
        }
        let Some(ea) = self.load_address(memarg, size, t)? else {
            return Ok(());
        };
        let lo = self.load_u32(ea, size.min(4));
        let hi = (size == 8).then(|| {
            let four = self.b.u32(4);
            let ea4 = self.b.bin(B::Add, ea, four);
            self.load_u32(ea4, 4)
        });
        self.push_loaded(lo, hi, size, signed, t);
        Ok(())
    }

    /// Pushes a loaded value from its low word `lo` (zero-extended from `size` bytes when
    /// shorter) and, for 8-byte loads, its high word.
    pub(super) fn push_loaded(
        &mut self,
        lo: H,
        hi: Option<H>,
        size: u32,
        signed: bool,
        t: ValType,
    ) {
        if let Some(hi) = hi {
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
            return;
        }
        let mut v = lo;
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
    }

    fn store(&mut self, memarg: MemArg, size: u32) -> Result<(), TranslateError> {
        if let Some((frame, Event::Access { at })) = self.frame_event() {
            self.frame_store(frame, at, size);
            return Ok(());
        }
        // `local.get $fp` of a frame local, still deferred: the store is in the thread's own
        // frame when it ends inside it (`frame.rs`).
        let own = match self.stack.len().checked_sub(2).map(|i| self.stack[i].0) {
            Some(Operand::Local(local)) => self
                .frame_locals
                .get(&local)
                .is_some_and(|&n| memarg.offset + u64::from(size) <= u64::from(n)),
            _ => false,
        };
        let (lo, hi) = self.pop_store_value(size);
        // A group in the thread's own frame lies in the stack region, which the group's test
        // would always find: its stores keep their frame path.
        let role = self
            .store_groups
            .get(&self.offset)
            .filter(|_| !own)
            .cloned();
        let Some(role) = role else {
            let ea = self.effective_address(memarg, size)?;
            self.store_words(own, ea, lo, hi, size);
            return Ok(());
        };
        let addr = self.pop();
        let leader = match role {
            StoreRole::Leader(group) => {
                let plain = self.store_group_test(group, addr);
                self.store_group_plain.insert(self.offset, plain);
                self.offset
            }
            StoreRole::Member { leader } => leader,
        };
        let Some(&plain_p) = self.store_group_plain.get(&leader) else {
            // The leader was dead code: the usual path.
            let ea = self.checked_address(memarg, size, addr)?;
            self.store_words(own, ea, lo, hi, size);
            return Ok(());
        };
        let flag = self.b.load(plain_p);
        let plain = self.to_bool(flag);
        let running = self.rt.running(&mut self.b);
        let write = self.b.bin(B::LogicalAnd, plain, running);
        self.b.open_block();
        let ea = self.address(memarg, addr)?;
        let two = self.b.u32(2);
        let word = self.b.bin(B::ShiftRight, ea, two);
        let p = self.rt.mem_word(&mut self.b, word);
        self.b.store(p, lo);
        if let Some(hi) = hi {
            let next = self.plus(word, 1);
            let p = self.rt.mem_word(&mut self.b, next);
            self.b.store(p, hi);
        }
        let accept = self.b.close_block();
        self.b.open_block();
        let ea = self.checked_address(memarg, size, addr)?;
        self.store_words(own, ea, lo, hi, size);
        let reject = self.b.close_block();
        self.b.stmt(naga::Statement::If {
            condition: write,
            accept,
            reject,
        });
        Ok(())
    }

    /// Pops a store's value: its low word and, for an 8-byte store, its high word.
    pub(super) fn pop_store_value(&mut self, size: u32) -> (H, Option<H>) {
        let (value, t) = self.pop_typed();
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
        let hi = (size == 8).then(|| {
            let thirty_two = self.b.u32(32);
            let hi64 = self.b.bin(B::ShiftRight, bits, thirty_two);
            self.b.convert(hi64, ScalarKind::Uint, 4)
        });
        (lo, hi)
    }

    /// A store's words through the store helper (`store_own` for the thread's own frame):
    /// `lo` at `ea`, and `hi` at `ea + 4` for an 8-byte store.
    fn store_words(&mut self, own: bool, ea: H, lo: H, hi: Option<H>, size: u32) {
        let store = if own {
            self.rt.store_own(self.module)
        } else {
            self.rt.store(self.module)
        };
        let mask = self.b.u32(match size {
            1 => 0xff,
            2 => 0xffff,
            _ => u32::MAX,
        });
        self.b.call(store, vec![ea, lo, mask], false);
        if let Some(hi) = hi {
            let four = self.b.u32(4);
            let ea4 = self.b.bin(B::Add, ea, four);
            self.b.call(store, vec![ea4, hi, mask], false);
        }
    }

    /// A store group's test at its leader, whose popped address is `base`: whether the span
    /// `base + [lo, hi)` is word-aligned, does not carry past 4 GiB, lies inside memory and
    /// outside the interleaved stack region. Kept in a local (as 0 or 1) for the members.
    fn store_group_test(&mut self, group: StoreGroup, base: H) -> H {
        let start = self.plus(base, i64::from(group.lo));
        let len = self.b.u32(group.hi - group.lo);
        let oob = self.rt.oob(self.module);
        let mut plain = match self.b.call(oob, vec![start, len], true) {
            Some(out) => self.b.un(naga::UnaryOperator::LogicalNot, out),
            None => self.b.lit(naga::Literal::Bool(true)),
        };
        if group.lo != 0 {
            let carried = self.b.bin(B::Less, start, base);
            let no_carry = self.b.un(naga::UnaryOperator::LogicalNot, carried);
            plain = self.b.bin(B::LogicalAnd, plain, no_carry);
        }
        let three = self.b.u32(3);
        let low = self.b.bin(B::And, start, three);
        let zero = self.b.u32(0);
        let aligned = self.b.bin(B::Equal, low, zero);
        plain = self.b.bin(B::LogicalAnd, plain, aligned);
        let two = self.b.u32(2);
        let first = self.b.bin(B::ShiftRight, start, two);
        let last = self.plus(first, i64::from((group.hi - group.lo) / 4 - 1));
        if let Some(outside) = self.rt.outside_stack(&mut self.b, first, last) {
            plain = self.b.bin(B::LogicalAnd, plain, outside);
        }
        let u = self.rt.u32_type;
        let local = self.b.local("store_group".to_string(), u, None);
        let flag = self.from_bool(plain);
        self.b.store(local, flag);
        local
    }
}
