//! Recursion. SPIR-V, WGSL and MSL forbid recursive calls, so every strongly connected
//! component of the call graph with a cycle (a "cycle", below) becomes one naga function: a
//! dispatcher loop with a `switch` over the cycle's members, whose frames live on a per-thread
//! call stack (the `call_stack` binding). Acyclic code keeps plain naga calls.
//!
//! # How a call inside a cycle works
//!
//! All members share the dispatcher's naga function, each with its own locals. A call from
//! member `j` to member `m` at call site `k` (sites are numbered in program order):
//! 1. saves `j`'s locals (wasm locals, block/loop locals and the operand stack, which members
//!    keep in locals) plus `(j, k)` on the call stack;
//! 2. writes the arguments into `m`'s parameter locals, zeroes `m`'s other locals, sets
//!    `cur = m`, `resume = 0`, and leaves `j`'s body; the dispatcher then runs `m` from the top.
//!
//! When `m` returns (its results stay in its result locals), the dispatcher reads `(j, k)` from
//! the top frame and runs `j` again with `resume = k`. In that *resuming* mode `j`'s code is
//! skipped, not run: straight-line operators sit in guarded runs (`if resume == 0 { ... }`),
//! constructs are entered only when site `k` is inside them, `if` takes the arm holding `k`; at
//! site `k` the locals are restored, the frame popped, `resume` cleared, and execution goes on
//! after the call with `m`'s results. Each call costs two dispatcher iterations.
//!
//! The call stack holds `CALL_STACK_WORDS` words per slot; a call that would pass its end
//! traps with "call stack exhausted".

use naga::{
    BinaryOperator as B, Block, Expression, Function, FunctionArgument, FunctionResult, Handle,
    Span, Statement, SwitchCase, SwitchValue,
};

use super::abi::{TrapKind, ValType};
use super::builder::IrBuilder;
use super::func::{declared_locals, result_type, signature, FuncInfo, FuncTranslator, Shared};
use super::runtime::val_ty;
use super::TranslateError;

type H = Handle<Expression>;

/// The state shared by the members of one cycle while their dispatcher is built.
#[derive(Debug, Clone)]
pub struct SccCtx {
    /// Wasm function indices; a member's id is its position.
    pub members: Vec<u32>,
    /// Per member: its wasm locals (parameters first), as pointers with types.
    pub locals: Vec<Vec<(H, ValType)>>,
    /// Per member: its result locals.
    pub rets: Vec<Vec<H>>,
    /// Shared locals: the running member, the site being resumed (0: none), whether the
    /// running member left its body to make a call, and the pending-branch local.
    pub cur: H,
    pub resume: H,
    pub calling: H,
    pub brk: H,
    /// The id the next call site gets.
    pub next_site: u32,
}

impl SccCtx {
    pub fn member_id(&self, func: u32) -> Option<usize> {
        self.members.iter().position(|f| *f == func)
    }
}

/// Builds the dispatcher through which code outside the cycle calls `members[entry]`.
pub fn build_dispatcher(
    shared: &mut Shared<'_, '_>,
    members: &[u32],
    entry: usize,
) -> Result<FuncInfo, TranslateError> {
    let env = shared.env;
    let entry_func = members[entry];
    let sig = signature(env, entry_func)?;
    let result_ty = result_type(shared.module, &sig.results);
    let arguments = sig
        .params
        .iter()
        .enumerate()
        .map(|(i, t)| FunctionArgument {
            name: Some(format!("p{i}")),
            ty: val_ty(shared.module, *t),
            binding: None,
        })
        .collect();
    let mut b = IrBuilder::new(Function {
        name: Some(format!(
            "cycle_{}",
            super::func::naga_name(&env.func_name(entry_func), entry_func)
        )),
        arguments,
        result: result_ty.map(|ty| FunctionResult { ty, binding: None }),
        ..Function::default()
    });

    let u = val_ty(shared.module, ValType::I32);
    let zero = b.u32(0);
    let mut locals = Vec::new();
    let mut rets = Vec::new();
    for (m, func) in members.iter().enumerate() {
        let msig = signature(env, *func)?;
        let mut ls = Vec::new();
        for t in msig
            .params
            .iter()
            .copied()
            .chain(declared_locals(env, *func)?)
        {
            let ty = val_ty(shared.module, t);
            let z = zero_of(&mut b, t);
            let n = ls.len();
            ls.push((b.local(format!("m{m}_l{n}"), ty, Some(z)), t));
        }
        let mut rs = Vec::new();
        for (n, t) in msig.results.iter().enumerate() {
            let ty = val_ty(shared.module, *t);
            let z = zero_of(&mut b, *t);
            rs.push(b.local(format!("m{m}_ret{n}"), ty, Some(z)));
        }
        locals.push(ls);
        rets.push(rs);
    }
    let none = b.u32(super::func::NO_BRANCH);
    let cur = b.local("cur", u, Some(zero));
    let resume = b.local("resume", u, Some(zero));
    let calling = b.local("calling", u, Some(zero));
    let brk = b.local("brk", u, Some(none));
    let done = b.local("done", u, Some(zero));
    let base = b.local("base", u, Some(zero));
    for i in 0..sig.params.len() {
        let arg = b.expr(Expression::FunctionArgument(i as u32));
        b.store(locals[entry][i].0, arg);
    }
    let entry_id = b.u32(entry as u32);
    b.store(cur, entry_id);
    let csp_p = b.expr(Expression::GlobalVariable(shared.rt.csp));
    let csp = b.load(csp_p);
    b.store(base, csp);

    let mut ctx = SccCtx {
        members: members.to_vec(),
        locals,
        rets: rets.clone(),
        cur,
        resume,
        calling,
        brk,
        next_site: 1,
    };

    // The dispatcher loop.
    b.open_block();
    b.store(calling, zero);
    let cur_v = b.load(cur);
    let mut cases = Vec::new();
    for (m, func) in members.iter().enumerate() {
        b.open_block();
        let mut t = FuncTranslator::with_builder(shared.reborrow(), *func, b, Some(ctx))?;
        t.locals = t.scc_locals(m);
        t.result_ty = result_type(t.module, &signature(env, *func)?.results);
        let ret = t.scc_rets(m);
        t.run_body(ret)?;
        let (nb, nctx) = t.into_parts();
        b = nb;
        ctx = nctx.ok_or_else(|| TranslateError::UnsupportedFeature {
            what: "cycle state lost (translator bug)".into(),
        })?;
        let body = b.close_block();
        cases.push(SwitchCase {
            value: SwitchValue::U32(m as u32),
            body,
            fall_through: false,
        });
    }
    cases.push(SwitchCase {
        value: SwitchValue::Default,
        body: Block::new(),
        fall_through: false,
    });
    b.stmt(Statement::Switch {
        selector: cur_v,
        cases,
    });
    member_return(&mut b, shared.rt, &ctx, base, done);
    let d = b.load(done);
    let finished = b.bin(B::NotEqual, d, zero);
    b.if_then(finished, |b| b.stmt(Statement::Break));
    let body = b.close_block();
    b.open_block();
    let code_p = b.expr(Expression::GlobalVariable(shared.rt.trap_code));
    let code = b.load(code_p);
    let trapped = b.bin(B::NotEqual, code, zero);
    let continuing = b.close_block();
    b.stmt(Statement::Loop {
        body,
        continuing,
        break_if: Some(trapped),
    });

    // A dispatcher loop that ended neither done nor trapped was cut by a driver's loop cap.
    let d = b.load(done);
    let unfinished = b.bin(B::Equal, d, zero);
    let code = b.load(code_p);
    let clean = b.bin(B::Equal, code, zero);
    let cut = b.bin(B::LogicalAnd, unfinished, clean);
    let limit_code = b.u32(super::runtime::trap_code(TrapKind::LoopLimit, 0));
    let new_code = b.select(cut, limit_code, code);
    b.store(code_p, new_code);
    let func_p = b.expr(Expression::GlobalVariable(shared.rt.trap_func));
    let func = b.load(func_p);
    let me = b.u32(entry_func);
    let new_func = b.select(cut, me, func);
    b.store(func_p, new_func);

    let values: Vec<H> = rets[entry].iter().map(|p| b.load(*p)).collect();
    let value = match (values.as_slice(), result_ty) {
        ([], _) | (_, None) => None,
        ([v], Some(_)) => Some(*v),
        (many, Some(ty)) => Some(b.expr(Expression::Compose {
            ty,
            components: many.to_vec(),
        })),
    };
    shared.rt.mark_finished(&mut b);
    b.ret(value);
    let handle = shared.module.functions.append(b.finish(), Span::UNDEFINED);
    Ok(FuncInfo {
        handle,
        result_ty,
        sig,
    })
}

/// After the member that ran: unless it left to make a call, it returned, so go back to the
/// caller's site (or finish the dispatcher at the activation's bottom frame).
fn member_return(b: &mut IrBuilder, rt: &super::runtime::Runtime, ctx: &SccCtx, base: H, done: H) {
    let calling = b.load(ctx.calling);
    let zero = b.u32(0);
    let returned = b.bin(B::Equal, calling, zero);
    let csp_p = b.expr(Expression::GlobalVariable(rt.csp));
    let cs = b.expr(Expression::GlobalVariable(rt.call_stack));
    b.if_then(returned, |b| {
        let csp = b.load(csp_p);
        let bottom = b.load(base);
        let at_bottom = b.bin(B::LessEqual, csp, bottom);
        let one = b.u32(1);
        let two = b.u32(2);
        b.if_else(
            at_bottom,
            |b| b.store(done, one),
            |b| {
                let i_member = b.bin(B::Subtract, csp, two);
                let p = b.access(cs, i_member);
                let member = b.load(p);
                b.store(ctx.cur, member);
                let i_site = b.bin(B::Subtract, csp, one);
                let p = b.access(cs, i_site);
                let site = b.load(p);
                b.store(ctx.resume, site);
            },
        );
    });
}

fn zero_of(b: &mut IrBuilder, t: ValType) -> H {
    match t {
        ValType::I32 | ValType::FuncRef | ValType::ExternRef => b.u32(0),
        ValType::I64 => b.u64(0),
        ValType::F32 => b.f32_bits(0),
        ValType::F64 => b.f64_bits(0),
    }
}

/// Words a value takes in a frame.
fn words(t: ValType) -> u32 {
    t.words()
}

impl FuncTranslator<'_, '_> {
    fn scc_locals(&self, m: usize) -> Vec<(H, ValType)> {
        self.scc
            .as_ref()
            .map(|c| c.locals[m].clone())
            .unwrap_or_default()
    }

    fn scc_rets(&self, m: usize) -> Vec<H> {
        self.scc
            .as_ref()
            .map(|c| c.rets[m].clone())
            .unwrap_or_default()
    }

    /// Hands the builder and the cycle state back to the dispatcher builder.
    pub fn into_parts(self) -> (IrBuilder, Option<SccCtx>) {
        (self.b, self.scc)
    }

    /// The id the next recursive call site will get (0 outside cycles).
    pub fn site_counter(&self) -> u32 {
        self.scc.as_ref().map_or(0, |c| c.next_site)
    }

    /// `resume == 0`: not resuming, so code runs.
    fn not_resuming(&mut self) -> Option<H> {
        let resume = self.scc.as_ref()?.resume;
        let r = self.b.load(resume);
        let zero = self.b.u32(0);
        Some(self.b.bin(B::Equal, r, zero))
    }

    /// Opens a guarded run of straight-line operators (cycle members only).
    pub fn open_run(&mut self) {
        if self.scc.is_none() || self.run_open.is_some() {
            return;
        }
        if let Some(c) = self.not_resuming() {
            self.b.open_block();
            self.run_open = Some(c);
        }
    }

    /// Closes the open guarded run, if any.
    pub fn close_run(&mut self) {
        if let Some(condition) = self.run_open.take() {
            let accept = self.b.close_block();
            self.b.stmt(Statement::If {
                condition,
                accept,
                reject: Block::new(),
            });
        }
    }

    /// `resume == 0 || first <= resume < end`: a construct holding sites `first..end` runs.
    pub fn sites_filter(&mut self, first: u32, end: u32) -> Option<H> {
        let resume = self.scc.as_ref()?.resume;
        let r = self.b.load(resume);
        let zero = self.b.u32(0);
        let idle = self.b.bin(B::Equal, r, zero);
        if first >= end {
            return Some(idle);
        }
        let lo = self.b.u32(first);
        let hi = self.b.u32(end);
        let above = self.b.bin(B::GreaterEqual, r, lo);
        let below = self.b.bin(B::Less, r, hi);
        let inside = self.b.bin(B::LogicalAnd, above, below);
        Some(self.b.bin(B::LogicalOr, idle, inside))
    }

    /// The local holding operand stack slot `depth` of type `t` (cycle members keep their
    /// operand stack in locals so it can be saved at call sites).
    pub fn slot_local(&mut self, depth: usize, t: ValType) -> u32 {
        let key = (depth, t);
        if let Some(i) = self.slots.get(&key) {
            return *i;
        }
        let ptr = self.new_locals(&format!("s{depth}_"), &[t])[0];
        let index = self.locals.len() as u32;
        self.locals.push((ptr, t));
        self.slots.insert(key, index);
        index
    }

    /// A direct call to cycle member `callee` from inside the cycle (see the module docs).
    pub fn site_call(&mut self, callee: usize) -> Result<(), TranslateError> {
        self.close_run();
        let Some(mut ctx) = self.scc.clone() else {
            return Ok(());
        };
        let site = ctx.next_site;
        ctx.next_site += 1;
        if let Some(c) = self.scc.as_mut() {
            c.next_site = ctx.next_site;
        }
        let me = ctx.member_id(self.func_index).unwrap_or(0) as u32;
        let callee_sig = signature(self.env, ctx.members[callee])?;
        let args = self.pop_n(callee_sig.params.len());
        // What the rest of the body may read after the call: the wasm locals, the block and
        // loop locals made so far, and the operand stack slots in use below the arguments.
        let n_wasm = ctx.locals[me as usize].len();
        let slot_ptrs: Vec<H> = self
            .slots
            .values()
            .map(|i| self.locals[*i as usize].0)
            .collect();
        let mut saved: Vec<(H, ValType)> = self.locals[..n_wasm].to_vec();
        saved.extend(
            self.owned
                .iter()
                .filter(|(p, _)| !slot_ptrs.contains(p))
                .copied(),
        );
        for (op, t) in &self.stack {
            if let super::func::Operand::Local(i) = op {
                let ptr = self.locals[*i as usize].0;
                if !saved.iter().any(|(p, _)| *p == ptr) {
                    saved.push((ptr, *t));
                }
            }
        }
        let size: u32 = saved.iter().map(|(_, t)| words(*t)).sum::<u32>() + 2;

        let r = self.b.load(ctx.resume);
        let site_h = self.b.u32(site);
        let zero = self.b.u32(0);
        let resuming = self.b.bin(B::Equal, r, site_h);
        let fresh = self.b.bin(B::Equal, r, zero);
        let csp_p = self.b.expr(Expression::GlobalVariable(self.rt.csp));
        let limit_p = self.b.expr(Expression::GlobalVariable(self.rt.cs_limit));
        let cs = self.b.expr(Expression::GlobalVariable(self.rt.call_stack));
        let size_h = self.b.u32(size);

        // Resuming here: restore the locals and pop the frame.
        self.b.open_block();
        {
            let csp = self.b.load(csp_p);
            let start = self.b.bin(B::Subtract, csp, size_h);
            let mut w = 0u32;
            for (ptr, t) in &saved {
                let v = self.read_frame(cs, start, w, *t);
                self.b.store(*ptr, v);
                w += words(*t);
            }
            self.b.store(csp_p, start);
            self.b.store(ctx.resume, zero);
        }
        let restore = self.b.close_block();

        // Calling: push the frame, pass the arguments, switch to the callee.
        self.b.open_block();
        {
            let csp = self.b.load(csp_p);
            let limit = self.b.load(limit_p);
            let room = self.b.bin(B::Subtract, limit, csp);
            let full = self.b.bin(B::Less, room, size_h);
            self.b.open_block();
            self.record_trap(None, TrapKind::CallStackExhausted);
            self.exit_function();
            let exhausted = self.b.close_block();
            self.b.stmt(Statement::If {
                condition: full,
                accept: exhausted,
                reject: Block::new(),
            });
            let mut w = 0u32;
            for (ptr, t) in &saved {
                let v = self.b.load(*ptr);
                self.write_frame(cs, csp, w, v, *t);
                w += words(*t);
            }
            let me_h = self.b.u32(me);
            self.write_frame(cs, csp, w, me_h, ValType::I32);
            self.write_frame(cs, csp, w + 1, site_h, ValType::I32);
            let top = self.b.bin(B::Add, csp, size_h);
            self.b.store(csp_p, top);
            let callee_locals = ctx.locals[callee].clone();
            for (k, (ptr, t)) in callee_locals.iter().enumerate() {
                let v = match args.get(k) {
                    Some((v, _)) => *v,
                    None => self.zero_literal(*t),
                };
                self.b.store(*ptr, v);
            }
            let callee_h = self.b.u32(callee as u32);
            self.b.store(ctx.cur, callee_h);
            let one = self.b.u32(1);
            self.b.store(ctx.calling, one);
            self.exit_function();
        }
        let call = self.b.close_block();
        self.b.stmt(Statement::If {
            condition: resuming,
            accept: restore,
            reject: [Statement::If {
                condition: fresh,
                accept: call,
                reject: Block::new(),
            }]
            .into_iter()
            .fold(Block::new(), |mut blk, s| {
                blk.push(s, Span::UNDEFINED);
                blk
            }),
        });
        // Back from the callee: its results are in its result locals.
        for (ptr, t) in ctx.rets[callee].clone().iter().zip(&callee_sig.results) {
            let v = self.b.load(*ptr);
            self.push(v, *t);
        }
        Ok(())
    }

    fn write_frame(&mut self, cs: H, base: H, word: u32, v: H, t: ValType) {
        for (k, wv) in super::entry::encode(&mut self.b, t, v)
            .into_iter()
            .enumerate()
        {
            let off = self.b.u32(word + k as u32);
            let i = self.b.bin(B::Add, base, off);
            let p = self.b.access(cs, i);
            self.b.store(p, wv);
        }
    }

    fn read_frame(&mut self, cs: H, base: H, word: u32, t: ValType) -> H {
        let mut ws = Vec::new();
        for k in 0..words(t) {
            let off = self.b.u32(word + k);
            let i = self.b.bin(B::Add, base, off);
            let p = self.b.access(cs, i);
            ws.push(self.b.load(p));
        }
        super::entry::decode(&mut self.b, t, ws[0], ws.get(1).copied())
    }
}
