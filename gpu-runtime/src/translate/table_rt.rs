//! Helper functions for tables kept in `control` (see
//! [`TableLayout`](super::abi::TableLayout)): fill, copy, init from the `data` binding, and grow.
//! Generated on first use, shared by every table (they take control word indices). Like the
//! bulk memory helpers they do nothing once the thread has trapped, and the copying ones return
//! whether their loop reached its end (a driver's loop cap may cut it, see `LoopLimit`).

use naga::{
    AtomicFunction, BinaryOperator as B, Expression, Function, Handle, Module, Scalar, Span,
    Statement,
};

use super::builder::{scalar_type, IrBuilder};
use super::runtime::{helper_fn, u32_ty, Runtime};

type H = Handle<Expression>;

/// The table helpers generated so far.
#[derive(Debug, Default)]
pub struct TableHelpers {
    fill: Option<Handle<Function>>,
    copy: Option<Handle<Function>>,
    init: Option<Handle<Function>>,
    grow: Option<Handle<Function>>,
}

/// How a copying loop reads its source word `i`.
#[derive(Clone, Copy)]
enum Source {
    /// The same value every time (fill).
    Value(H),
    /// `control[src + i]`.
    Control(H),
    /// `data[src + i]`.
    Data(H),
}

impl Runtime {
    /// `table_fill(dst, value, n) -> bool`: `control[dst..dst + n] = value`.
    pub fn table_fill(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.table_helpers.fill {
            return h;
        }
        let h = self.copy_helper(module, "table_fill", |b| {
            Source::Value(b.expr(Expression::FunctionArgument(1)))
        });
        self.table_helpers.fill = Some(h);
        h
    }

    /// `table_copy(dst, src, n) -> bool`: `memmove` of `n` control words.
    pub fn table_copy(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.table_helpers.copy {
            return h;
        }
        let h = self.copy_helper(module, "table_copy", |b| {
            Source::Control(b.expr(Expression::FunctionArgument(1)))
        });
        self.table_helpers.copy = Some(h);
        h
    }

    /// `table_init(dst, src, n) -> bool`: `control[dst..dst + n] = data[src..src + n]`.
    pub fn table_init(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.table_helpers.init {
            return h;
        }
        let h = self.copy_helper(module, "table_init", |b| {
            Source::Data(b.expr(Expression::FunctionArgument(1)))
        });
        self.table_helpers.init = Some(h);
        h
    }

    /// One word loop `(dst, src or value, n) -> bool`: forward, or backward when copying
    /// control words to a higher address (overlapping `table.copy`).
    fn copy_helper(
        &self,
        module: &mut Module,
        name: &str,
        source: impl FnOnce(&mut IrBuilder) -> Source,
    ) -> Handle<Function> {
        let u = u32_ty(module);
        let boolt = scalar_type(&mut module.types, Scalar::BOOL);
        let mut b = helper_fn(name, &[("dst", u), ("src", u), ("n", u)], Some(boolt));
        let dst = b.expr(Expression::FunctionArgument(0));
        let src = source(&mut b);
        let n = b.expr(Expression::FunctionArgument(2));
        let zero = b.u32(0);
        let one = b.u32(1);
        let i = b.local("i", u, Some(zero));
        let complete_at = b.local("complete_at", u, Some(zero));
        b.store(complete_at, n);
        let running = self.running(&mut b);
        b.open_block();
        let backward = match src {
            Source::Control(s) => b.bin(B::Greater, dst, s),
            _ => b.lit(naga::Literal::Bool(false)),
        };
        let control = b.expr(Expression::GlobalVariable(self.control));
        let data = b.expr(Expression::GlobalVariable(self.data));
        b.loop_(|b| {
            let iv = b.load(i);
            let at_end = b.bin(B::GreaterEqual, iv, n);
            b.if_then(at_end, |b| b.stmt(Statement::Break));
            let last = b.bin(B::Subtract, n, one);
            let down = b.bin(B::Subtract, last, iv);
            let k = b.select(backward, down, iv);
            let v = match src {
                Source::Value(v) => v,
                Source::Control(s) => {
                    let at = b.bin(B::Add, s, k);
                    let p = b.access(control, at);
                    b.load(p)
                }
                Source::Data(s) => {
                    let at = b.bin(B::Add, s, k);
                    let p = b.access(data, at);
                    b.load(p)
                }
            };
            let at = b.bin(B::Add, dst, k);
            let p = b.access(control, at);
            b.store(p, v);
            let next = b.bin(B::Add, iv, one);
            b.store(i, next);
        });
        self.finish_bulk(module, b, running, i, complete_at)
    }

    /// `table_grow(size_word, capacity, delta) -> old size or 0xffffffff`: a bounded
    /// compare-exchange loop on the table's size word (the caller fills the new slots).
    pub fn table_grow(&mut self, module: &mut Module) -> Handle<Function> {
        if let Some(h) = self.table_helpers.grow {
            return h;
        }
        let u = u32_ty(module);
        let cmpxchg_ty = module.generate_predeclared_type(
            naga::PredeclaredType::AtomicCompareExchangeWeakResult(Scalar::U32),
        );
        let mut b = helper_fn(
            "table_grow",
            &[("size_word", u), ("capacity", u), ("delta", u)],
            Some(u),
        );
        let size_word = b.expr(Expression::FunctionArgument(0));
        let cap = b.expr(Expression::FunctionArgument(1));
        let delta = b.expr(Expression::FunctionArgument(2));
        let fail = b.u32(u32::MAX);
        let zero = b.u32(0);
        let one = b.u32(1);
        let tries = b.local("tries", u, Some(zero));
        let r = b.local("r", u, Some(fail));
        let control = b.expr(Expression::GlobalVariable(self.control));
        let size_p = b.access(control, size_word);
        let running = self.running(&mut b);
        b.open_block();
        let limit = b.u32(1024);
        b.loop_(|b| {
            let t = b.load(tries);
            let done = b.bin(B::GreaterEqual, t, limit);
            b.if_then(done, |b| b.stmt(Statement::Break));
            let t1 = b.bin(B::Add, t, one);
            b.store(tries, t1);
            let old = b.load(size_p);
            let room = b.bin(B::Subtract, cap, old);
            let too_big = b.bin(B::Greater, delta, room);
            b.if_then(too_big, |b| b.stmt(Statement::Break));
            let new = b.bin(B::Add, old, delta);
            let res = b.expr(Expression::AtomicResult {
                ty: cmpxchg_ty,
                comparison: true,
            });
            b.stmt(Statement::Atomic {
                pointer: size_p,
                fun: AtomicFunction::Exchange { compare: Some(old) },
                value: new,
                result: Some(res),
            });
            let exchanged = b.access_index(res, 1);
            b.if_then(exchanged, |b| {
                b.store(r, old);
                b.stmt(Statement::Break);
            });
        });
        let guarded = b.close_block();
        b.stmt(Statement::If {
            condition: running,
            accept: guarded,
            reject: naga::Block::new(),
        });
        let v = b.load(r);
        self.mark_finished(&mut b);
        b.ret(Some(v));
        let h = module.functions.append(b.finish(), Span::UNDEFINED);
        self.table_helpers.grow = Some(h);
        h
    }
}
