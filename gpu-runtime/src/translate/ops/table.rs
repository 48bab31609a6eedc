//! Table operators on tables kept in `control` (see
//! [`TableLayout`](super::super::abi::TableLayout)): `table.get/set/size/grow/fill/copy/init`
//! and `elem.drop`, with the spec's "out of bounds table access" traps. Indices are checked
//! before any slot is touched; an index that failed its check is clamped to 0 so the (unused)
//! load stays inside the buffer, and writes happen only while the thread has not trapped.

use naga::{BinaryOperator as B, Expression, Handle};
use wasmparser::Operator;

use super::super::abi::{TableLayout, TrapKind, ValType};
use super::super::func::FuncTranslator;
use super::super::TranslateError;

type H = Handle<Expression>;

impl FuncTranslator<'_, '_> {
    pub(super) fn table_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        match *op {
            Operator::TableGet { table } => {
                let t = self.table_layout(table)?;
                let i = self.pop();
                let slot = self.checked_slot(&t, i);
                let v = self.control_load(slot);
                let ty = self.table_type(table);
                self.push(v, ty);
            }
            Operator::TableSet { table } => {
                let t = self.table_layout(table)?;
                let v = self.pop();
                let i = self.pop();
                let slot = self.checked_slot(&t, i);
                let running = self.rt.running(&mut self.b);
                let control = self.b.expr(Expression::GlobalVariable(self.rt.control));
                let p = self.b.access(control, slot);
                self.b.if_then(running, |b| b.store(p, v));
            }
            Operator::TableSize { table } => {
                let t = self.table_layout(table)?;
                let size = self.table_size(&t);
                self.push(size, ValType::I32);
            }
            Operator::TableGrow { table } => {
                let t = self.table_layout(table)?;
                let delta = self.pop();
                let init = self.pop();
                let grow = self.rt.table_grow(self.module);
                let size_word = self.b.u32(t.size_word);
                let cap = self.b.u32(t.capacity);
                let Some(old) = self.checked_call(grow, vec![size_word, cap, delta], true) else {
                    return Ok(true);
                };
                // The new slots get `init` (none when the grow failed).
                let fail = self.b.u32(u32::MAX);
                let ok = self.b.bin(B::NotEqual, old, fail);
                let zero = self.b.u32(0);
                let n = self.b.select(ok, delta, zero);
                let at = self.b.select(ok, old, zero);
                let first = self.b.u32(t.size_word + 1);
                let dst = self.b.bin(B::Add, first, at);
                let fill = self.rt.table_fill(self.module);
                let done = self.checked_call(fill, vec![dst, init, n], true);
                self.table_unless_done(done);
                self.push(old, ValType::I32);
            }
            Operator::TableFill { table } => {
                let t = self.table_layout(table)?;
                let n = self.pop();
                let v = self.pop();
                let i = self.pop();
                let size = self.table_size(&t);
                self.trap_if_past(i, n, size);
                let first = self.b.u32(t.size_word + 1);
                let dst = self.b.bin(B::Add, first, i);
                let fill = self.rt.table_fill(self.module);
                let done = self.checked_call(fill, vec![dst, v, n], true);
                self.table_unless_done(done);
            }
            Operator::TableCopy {
                dst_table,
                src_table,
            } => {
                let dt = self.table_layout(dst_table)?;
                let st = self.table_layout(src_table)?;
                let n = self.pop();
                let s = self.pop();
                let d = self.pop();
                let dsize = self.table_size(&dt);
                let ssize = self.table_size(&st);
                let bad_d = self.past(d, n, dsize);
                let bad_s = self.past(s, n, ssize);
                let bad = self.b.bin(B::LogicalOr, bad_d, bad_s);
                self.trap_if(bad, TrapKind::TableOutOfBounds);
                let dfirst = self.b.u32(dt.size_word + 1);
                let dst = self.b.bin(B::Add, dfirst, d);
                let sfirst = self.b.u32(st.size_word + 1);
                let src = self.b.bin(B::Add, sfirst, s);
                let copy = self.rt.table_copy(self.module);
                let done = self.checked_call(copy, vec![dst, src, n], true);
                self.table_unless_done(done);
            }
            Operator::TableInit { elem_index, table } => {
                let t = self.table_layout(table)?;
                let n = self.pop();
                let s = self.pop();
                let d = self.pop();
                // Active and declared segments were dropped at instantiation: length 0.
                let seg = self.elems.get(&elem_index).cloned();
                let len = match &seg {
                    Some(seg) => {
                        let p = self.rt.control_word(&mut self.b, seg.control_word);
                        self.b.load(p)
                    }
                    None => self.b.u32(0),
                };
                let size = self.table_size(&t);
                let bad_d = self.past(d, n, size);
                let bad_s = self.past(s, n, len);
                let bad = self.b.bin(B::LogicalOr, bad_d, bad_s);
                self.trap_if(bad, TrapKind::TableOutOfBounds);
                let first = self.b.u32(t.size_word + 1);
                let dst = self.b.bin(B::Add, first, d);
                let base = self.b.u32(seg.as_ref().map_or(0, |seg| seg.offset / 4));
                let src = self.b.bin(B::Add, base, s);
                let init = self.rt.table_init(self.module);
                let done = self.checked_call(init, vec![dst, src, n], true);
                self.table_unless_done(done);
            }
            Operator::ElemDrop { elem_index } => {
                if let Some(seg) = self.elems.get(&elem_index).cloned() {
                    let running = self.rt.running(&mut self.b);
                    let p = self.rt.control_word(&mut self.b, seg.control_word);
                    let zero = self.b.u32(0);
                    self.b.if_then(running, |b| b.store(p, zero));
                }
                // Dropping an active or declared segment changes nothing observable.
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// The runtime layout of table `index`.
    pub(crate) fn table_layout(&self, index: u32) -> Result<TableLayout, TranslateError> {
        self.tables
            .get(index as usize)
            .cloned()
            .ok_or_else(|| self.unsupported("a table operator on an imported table"))
    }

    fn table_type(&self, index: u32) -> ValType {
        self.env
            .tables
            .get(index as usize)
            .map_or(ValType::FuncRef, |t| t.ty)
    }

    /// The table's current size.
    pub(crate) fn table_size(&mut self, t: &TableLayout) -> H {
        let p = self.rt.control_word(&mut self.b, t.size_word);
        self.b.load(p)
    }

    /// `control[word]`.
    pub(crate) fn control_load(&mut self, word: H) -> H {
        let control = self.b.expr(Expression::GlobalVariable(self.rt.control));
        let p = self.b.access(control, word);
        self.b.load(p)
    }

    /// The control word of slot `i`, trapping when `i` is past the end (then slot 0's word).
    fn checked_slot(&mut self, t: &TableLayout, i: H) -> H {
        let size = self.table_size(t);
        let oob = self.b.bin(B::GreaterEqual, i, size);
        self.trap_if(oob, TrapKind::TableOutOfBounds);
        let zero = self.b.u32(0);
        let i = self.b.select(oob, zero, i);
        let first = self.b.u32(t.size_word + 1);
        self.b.bin(B::Add, first, i)
    }

    /// `start + n > len`, without wrapping.
    fn past(&mut self, start: H, n: H, len: H) -> H {
        let too_many = self.b.bin(B::Greater, n, len);
        let room = self.b.bin(B::Subtract, len, n);
        let late = self.b.bin(B::Greater, start, room);
        self.b.bin(B::LogicalOr, too_many, late)
    }

    fn trap_if_past(&mut self, start: H, n: H, len: H) {
        let bad = self.past(start, n, len);
        self.trap_if(bad, TrapKind::TableOutOfBounds);
    }

    /// After a table helper: a driver's loop cap cut it short (see `LoopLimit`).
    fn table_unless_done(&mut self, done: Option<H>) {
        if let Some(done) = done {
            let cut = self.b.un(naga::UnaryOperator::LogicalNot, done);
            self.trap_if(cut, TrapKind::LoopLimit);
        }
    }
}
