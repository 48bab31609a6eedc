//! Structured control flow: block, loop, if/else, end, br, br_if, br_table, return,
//! unreachable, nop, drop, select. See the lowering in the `translate` module docs.

use naga::{BinaryOperator as B, Statement, SwitchCase, SwitchValue};
use wasmparser::Operator;

use super::super::abi::TrapKind;
use super::super::body_ops::opens;
use super::super::func::{FuncTranslator, LOOP_FINISHED, NO_BRANCH};
use super::super::loop_invariants::Versioned;
use super::super::stack::{ControlFrame, FrameKind};
use super::super::TranslateError;

impl FuncTranslator<'_, '_> {
    /// block / loop / if / else / end: tracked even in unreachable code.
    pub(super) fn control_structure(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        match *op {
            Operator::Block { blockty } => self.open_frame(blockty, Opening::Block)?,
            Operator::Loop { blockty } => {
                if self.reachable {
                    if let Some(v) = self.versioned.get(&self.offset).cloned() {
                        self.fast_copy(&v)?;
                    }
                }
                self.open_frame(blockty, Opening::Loop)?
            }
            Operator::If { blockty } => self.open_frame(blockty, Opening::If)?,
            Operator::Else => self.else_arm(),
            Operator::End => {
                let height = self.control.len();
                self.end_frame();
                if self.versions.last().is_some_and(|v| v.0 == height) {
                    if let Some((_, ok, fast)) = self.versions.pop() {
                        let usual = self.b.close_block();
                        self.b.stmt(Statement::If {
                            condition: ok,
                            accept: fast,
                            reject: usual,
                        });
                    }
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// Before a versioned loop (`loop_invariants::Versioned`): the test, and the fast copy of
    /// the loop translated from the same operators with its groups' checks off; then opens the
    /// block for the usual copy, which the caller translates next (closed at its `end`).
    fn fast_copy(&mut self, v: &Versioned) -> Result<(), TranslateError> {
        self.materialize_locals(None);
        let ok = self.versioned_entry_test(v);
        let (stack, next_frame, offset) = (self.stack.clone(), self.next_frame, self.offset);
        let body = self
            .env
            .body(self.func_index)
            .ok_or_else(|| self.unsupported("a versioned loop outside a function body"))?;
        let mut reader = body.get_operators_reader()?;
        while !reader.eof() && (reader.original_position() as usize) < offset {
            reader.read()?;
        }
        self.fast_leaders = v.groups.iter().map(|g| g.leader).collect();
        let versioned = std::mem::take(&mut self.versioned);
        self.b.open_block();
        let mut depth = 0usize;
        loop {
            self.offset = reader.original_position() as usize;
            let op = reader.read()?;
            if opens(&op) {
                depth += 1;
            } else if matches!(op, Operator::End) {
                depth -= 1;
            }
            self.op(op)?;
            if depth == 0 {
                break;
            }
        }
        let fast = self.b.close_block();
        self.versioned = versioned;
        self.fast_leaders.clear();
        self.stack = stack;
        self.next_frame = next_frame;
        self.offset = offset;
        self.reachable = true;
        self.b.open_block();
        self.versions.push((self.control.len() + 1, ok, fast));
        Ok(())
    }

    fn open_frame(
        &mut self,
        bt: wasmparser::BlockType,
        how: Opening,
    ) -> Result<(), TranslateError> {
        let (params, results) = self.block_sig(bt)?;
        let ordinal = self.next_frame;
        self.next_frame += 1;
        let has_loop =
            matches!(how, Opening::Loop) || self.targeted.get(ordinal).copied().unwrap_or(true);
        if !self.reachable {
            self.control.push(ControlFrame {
                kind: FrameKind::Block,
                params,
                results,
                height: self.stack.len(),
                branch_locals: Vec::new(),
                result_locals: Vec::new(),
                if_params: Vec::new(),
                dead: true,
                branched_to: false,
                escapes: false,
                has_loop,
                rest_guards: Vec::new(),
                first_site: 0,
                plain_back_edge: false,
                counted: false,
            });
            return Ok(());
        }
        // Values of the enclosing block must be loaded there, not inside the construct.
        self.materialize_locals(None);
        let first_site = self.site_counter();
        let mut if_params = Vec::new();
        let (kind, branch_locals, result_locals) = match how {
            Opening::Block => {
                let r = self.new_locals("blk", &results);
                (FrameKind::Block, r.clone(), r)
            }
            Opening::If => {
                let c = self.pop();
                let condition = self.to_bool(c);
                if_params = self.peek_n(params.len());
                let r = self.new_locals("if", &results);
                (
                    FrameKind::If {
                        condition,
                        then_block: None,
                        then_reachable: false,
                        else_site: 0,
                    },
                    r.clone(),
                    r,
                )
            }
            Opening::Loop => {
                self.test_alignment_at_entry();
                let p = self.new_locals("lp", &params);
                let values = self.pop_n(params.len());
                for (ptr, (v, _)) in p.iter().zip(&values) {
                    self.b.store(*ptr, *v);
                }
                let r = self.new_locals("lr", &results);
                (FrameKind::Loop, p, r)
            }
        };
        let height = self.stack.len()
            - if matches!(how, Opening::Loop) {
                0
            } else {
                params.len()
            };
        // The construct's body (for a breakable `if`, the naga loop body holding the `If`, then
        // its arm).
        self.b.open_block();
        if matches!(how, Opening::If) && has_loop {
            self.b.open_block();
        }
        if matches!(how, Opening::Loop) {
            for (ptr, t) in branch_locals.iter().zip(&params) {
                let v = self.b.load(*ptr);
                self.push(v, *t);
            }
        }
        self.control.push(ControlFrame {
            kind,
            params,
            results,
            height,
            branch_locals,
            result_locals,
            if_params,
            dead: false,
            branched_to: false,
            escapes: false,
            has_loop,
            rest_guards: Vec::new(),
            first_site,
            plain_back_edge: false,
            counted: false,
        });
        Ok(())
    }

    /// Stores the frame's results (the top of the stack) into its result locals.
    fn store_results(&mut self, frame: usize) {
        let n = self.control[frame].results.len();
        let values = self.pop_n(n);
        let locals = self.control[frame].result_locals.clone();
        for (ptr, (v, _)) in locals.iter().zip(&values) {
            self.b.store(*ptr, *v);
        }
    }

    fn else_arm(&mut self) {
        let top = self.control.len() - 1;
        if self.control[top].dead {
            return;
        }
        let reachable = self.reachable;
        if reachable {
            self.store_results(top);
        }
        let then_block = self.b.close_block();
        let site = self.scc.as_ref().map_or(0, |c| c.next_site);
        let frame = &mut self.control[top];
        if let FrameKind::If {
            then_block: tb,
            then_reachable,
            else_site,
            ..
        } = &mut frame.kind
        {
            *tb = Some(then_block);
            *then_reachable = reachable;
            *else_site = site;
        }
        let height = frame.height;
        let params = frame.if_params.clone();
        self.stack.truncate(height);
        for (h, t) in params {
            self.push(h, t);
        }
        self.reachable = true;
        self.b.open_block();
    }

    fn end_frame(&mut self) {
        let top = self.control.len() - 1;
        if self.control[top].dead {
            if let Some(frame) = self.control.pop() {
                self.stack.truncate(frame.height);
            }
            return;
        }
        if top == 0 {
            if self.scc.is_some() {
                // A call-cycle member ends at the end of its dispatcher case.
                if self.reachable {
                    self.store_results(0);
                }
                self.reachable = false;
                return;
            }
            if self.reachable {
                self.store_results(0);
                self.b.stmt(Statement::Break);
            }
            let body = self.b.close_block();
            self.b.stmt(Statement::Loop {
                body,
                continuing: naga::Block::new(),
                break_if: None,
            });
            if self.scc.is_none() {
                self.final_return();
            }
            self.reachable = false;
            return;
        }
        let body_reachable = self.reachable;
        let is_if_without_else = matches!(
            self.control[top].kind,
            FrameKind::If {
                then_block: None,
                ..
            }
        );
        if body_reachable {
            self.store_results(top);
        }
        self.close_rest_guards(top);
        let end_reachable;
        match &self.control[top].kind {
            FrameKind::If { .. } => {
                let arm = self.b.close_block();
                let kind = std::mem::replace(&mut self.control[top].kind, FrameKind::Block);
                let FrameKind::If {
                    condition,
                    then_block,
                    then_reachable,
                    else_site,
                } = kind
                else {
                    return;
                };
                // In a call-cycle member resuming at a site, take the arm holding the site.
                let condition = match self.scc.as_ref().map(|c| c.resume) {
                    Some(resume) => {
                        let first = self.control[top].first_site;
                        let split = if then_block.is_some() {
                            else_site
                        } else {
                            self.site_counter()
                        };
                        let r = self.b.load(resume);
                        let zero = self.b.u32(0);
                        let idle = self.b.bin(B::Equal, r, zero);
                        let lo = self.b.u32(first);
                        let hi = self.b.u32(split);
                        let above = self.b.bin(B::GreaterEqual, r, lo);
                        let below = self.b.bin(B::Less, r, hi);
                        let in_then = self.b.bin(B::LogicalAnd, above, below);
                        self.b.select(idle, condition, in_then)
                    }
                    None => condition,
                };
                let (then_block, else_block, then_reachable) = match then_block {
                    None => {
                        // The missing `else` passes the parameters through as results.
                        self.b.open_block();
                        let params = self.control[top].if_params.clone();
                        let locals = self.control[top].result_locals.clone();
                        for (ptr, (v, _)) in locals.iter().zip(&params) {
                            self.b.store(*ptr, *v);
                        }
                        let else_block = self.b.close_block();
                        (arm, else_block, body_reachable)
                    }
                    Some(then_block) => (then_block, arm, then_reachable),
                };
                let has_loop = self.control[top].has_loop;
                let statement = Statement::If {
                    condition,
                    accept: then_block,
                    reject: else_block,
                };
                if has_loop {
                    self.b.stmt(statement);
                    self.b.stmt(Statement::Break);
                } else {
                    // A plain `if`: its statement is the construct (see below).
                    self.plain_if = Some(statement);
                }
                end_reachable = then_reachable || body_reachable || is_if_without_else;
            }
            FrameKind::Block | FrameKind::Loop => {
                if body_reachable && self.control[top].has_loop {
                    if self.control[top].is_loop() && self.detect_loop_limit {
                        let brk = self.brk();
                        let done = self.b.u32(LOOP_FINISHED);
                        self.b.store(brk, done);
                    }
                    self.b.stmt(Statement::Break);
                }
                end_reachable = body_reachable;
            }
            FrameKind::Function => {
                end_reachable = false;
            }
        }
        let plain_if = self.plain_if.take();
        let body = if plain_if.is_none() {
            self.b.close_block()
        } else {
            naga::Block::new()
        };
        // In a call-cycle member, the construct runs only when not resuming or when the site
        // being resumed is inside it.
        let first = self.control[top].first_site;
        let filter = self.sites_filter(first, self.site_counter());
        if filter.is_some() {
            self.b.open_block();
        }
        if let Some(statement) = plain_if {
            self.b.stmt(statement);
        } else if self.control[top].is_loop() {
            let check = self.control[top].plain_back_edge || self.scc.is_some();
            let counted = self.control[top].counted && !check;
            self.close_wasm_loop(body, check, counted);
        } else if self.control[top].has_loop {
            self.b.stmt(Statement::Loop {
                body,
                continuing: naga::Block::new(),
                break_if: None,
            });
        } else {
            self.b.stmt(Statement::Block(body));
        }
        let Some(frame) = self.control.pop() else {
            return;
        };
        // Branches leaving a plain construct break out of an enclosing loop directly.
        if frame.escapes && frame.has_loop {
            self.resolve_pending(top - 1);
        }
        if let Some(condition) = filter {
            let accept = self.b.close_block();
            self.b.stmt(Statement::If {
                condition,
                accept,
                reject: naga::Block::new(),
            });
        }
        self.stack.truncate(frame.height);
        for (ptr, t) in frame.result_locals.iter().zip(&frame.results) {
            let v = self.b.load(*ptr);
            self.push(v, *t);
        }
        self.reachable = end_reachable || frame.branched_to;
    }

    /// A wasm `loop`'s naga loop: it leaves once the thread has trapped, either because every
    /// back-edge is a `br_if` whose `continue` requires `!trapped`, or, with `check` (some
    /// other back-edge), by a `break_if` in its continuing block (so no conditional jump is
    /// added to the body). A `counted` loop (`counted_loops.rs`) ends by itself: it runs only
    /// if the thread has not trapped before it. With `detect_loop_limit`, every real exit
    /// leaves a mark in `brk`; an exit without one was the driver's iteration cap and becomes
    /// a [`TrapKind::LoopLimit`] trap.
    fn close_wasm_loop(&mut self, body: naga::Block, check: bool, counted: bool) {
        self.b.open_block();
        let trapped = check.then(|| self.trapped());
        let continuing = self.b.close_block();
        let naga_loop = Statement::Loop {
            body,
            continuing,
            break_if: trapped,
        };
        if counted {
            // Its counter and limit must be real values, not what a trap left behind.
            let running = self.rt.running(&mut self.b);
            self.b.open_block();
            self.b.stmt(naga_loop);
            let accept = self.b.close_block();
            self.b.stmt(Statement::If {
                condition: running,
                accept,
                reject: naga::Block::new(),
            });
        } else {
            self.b.stmt(naga_loop);
        }
        if !self.detect_loop_limit {
            return;
        }
        let brk = self.brk();
        let v = self.b.load(brk);
        let none = self.b.u32(NO_BRANCH);
        let unmarked = self.b.bin(B::Equal, v, none);
        self.trap_if(unmarked, TrapKind::LoopLimit);
        let done = self.b.u32(LOOP_FINISHED);
        let finished = self.b.bin(B::Equal, v, done);
        self.b.if_then(finished, |b| b.store(brk, none));
    }

    /// Branches, returns, traps, drop, select, nop.
    pub(super) fn control_op(&mut self, op: &Operator<'_>) -> Result<bool, TranslateError> {
        match op {
            Operator::Nop => {}
            Operator::Unreachable => {
                self.trap(TrapKind::Unreachable);
                self.reachable = false;
            }
            Operator::Drop => {
                self.pop();
            }
            Operator::Select | Operator::TypedSelect { .. } => {
                let c = self.pop();
                let (v2, _) = self.pop_typed();
                let (v1, t) = self.pop_typed();
                let cond = self.to_bool(c);
                let r = self.b.select(cond, v1, v2);
                self.push(r, t);
            }
            Operator::Br { relative_depth } => {
                let target = self.target(*relative_depth)?;
                self.control[target].plain_back_edge |= self.control[target].is_loop();
                if self.is_plain_block_exit(*relative_depth) {
                    // Leaving a loop-less block from its own body: the rest is dead code and
                    // the block ends right here.
                    let n = self.control[target].branch_types().len();
                    let values = self.peek_n(n);
                    self.branch_store(target, &values);
                } else {
                    self.branch(target);
                }
                self.reachable = false;
            }
            Operator::BrIf { relative_depth } if self.is_plain_block_exit(*relative_depth) => {
                // The rest of the block runs under `if !condition` instead of a breakable loop.
                let target = self.control.len() - 1;
                let c = self.pop();
                let cond = self.to_bool(c);
                let n = self.control[target].branch_types().len();
                let values = self.peek_n(n);
                let taken = cond;
                self.b.open_block();
                self.branch_store(target, &values);
                let accept = self.b.close_block();
                self.b.stmt(Statement::If {
                    condition: taken,
                    accept,
                    reject: naga::Block::new(),
                });
                let rest = self.b.un(naga::UnaryOperator::LogicalNot, cond);
                let site = self.site_counter();
                self.control[target].rest_guards.push((rest, site));
                self.b.open_block();
            }
            Operator::BrIf { relative_depth } => {
                let target = self.target(*relative_depth)?;
                let c = self.pop();
                let mut cond = self.to_bool(c);
                // A `continue` straight to the enclosing loop is not taken once the thread has
                // trapped; when all of a loop's back-edges are such, it needs no trap check of
                // its own per iteration (`close_wasm_loop`).
                let direct = self.scc.is_none()
                    && self.control[target].is_loop()
                    && target == self.loop_frame(self.control.len() - 1);
                if direct && self.counted_back_edges.contains(&self.offset) {
                    // Counted: entered only while running, and ends by itself.
                    self.control[target].counted = true;
                } else if direct {
                    let clean = self.rt.running(&mut self.b);
                    cond = self.b.bin(B::LogicalAnd, cond, clean);
                } else {
                    self.control[target].plain_back_edge |= self.control[target].is_loop();
                }
                // Load the carried values here: they stay on the stack after the `if`.
                let n = self.control[target].branch_types().len();
                self.peek_n(n);
                self.b.open_block();
                self.branch(target);
                let accept = self.b.close_block();
                self.b.stmt(Statement::If {
                    condition: cond,
                    accept,
                    reject: naga::Block::new(),
                });
            }
            Operator::BrTable { targets } => {
                let mut table = Vec::new();
                for t in targets.targets() {
                    table.push(self.target(t?)?);
                }
                let default = self.target(targets.default())?;
                for &t in table.iter().chain([&default]) {
                    self.control[t].plain_back_edge |= self.control[t].is_loop();
                }
                self.br_table(&table, default);
                self.reachable = false;
            }
            Operator::Return => {
                self.branch(0);
                self.reachable = false;
            }
            _ => return Ok(false),
        }
        Ok(true)
    }

    /// A `br`/`br_if` with depth 0 whose frame is a loop-less `block` (see `targeted_frames`).
    pub(crate) fn is_plain_block_exit(&self, depth: u32) -> bool {
        let top = self.control.len() - 1;
        depth == 0
            && top > 0
            && !self.control[top].has_loop
            && matches!(self.control[top].kind, FrameKind::Block)
    }

    /// Closes the `if !condition` blocks a loop-less block's `br_if`s opened (innermost first).
    fn close_rest_guards(&mut self, frame: usize) {
        let guards = std::mem::take(&mut self.control[frame].rest_guards);
        for (rest, site) in guards.into_iter().rev() {
            let accept = self.b.close_block();
            // Resuming at a recursive call site inside: run the rest regardless.
            let end = self.site_counter();
            let condition = match self.sites_filter(site, end) {
                Some(filter) if site < end => {
                    let resume = self.scc.as_ref().map(|c| c.resume);
                    match resume {
                        Some(r) => {
                            let rv = self.b.load(r);
                            let zero = self.b.u32(0);
                            let idle = self.b.bin(B::Equal, rv, zero);
                            self.b.select(idle, rest, filter)
                        }
                        None => rest,
                    }
                }
                _ => rest,
            };
            self.b.stmt(Statement::If {
                condition,
                accept,
                reject: naga::Block::new(),
            });
        }
    }

    /// The absolute control-stack index of a relative branch depth.
    fn target(&self, depth: u32) -> Result<usize, TranslateError> {
        (self.control.len() - 1)
            .checked_sub(depth as usize)
            .ok_or_else(|| self.unsupported("branch depth out of range"))
    }

    /// `br_table`: a switch whose cases store the branch values and record the target; the
    /// jump itself happens after the switch, where `Break`/`Continue` reach the frame's loop.
    fn br_table(&mut self, table: &[usize], default: usize) {
        let index = self.pop();
        let current = self.control.len() - 1;
        let n = self.control[default].branch_types().len();
        let values = self.peek_n(n);
        let mut targets: Vec<usize> = table.to_vec();
        targets.push(default);
        targets.sort_unstable();
        targets.dedup();
        let mut cases = Vec::new();
        let mut needs_jump = false;
        for &t in targets.iter().filter(|t| **t != default) {
            let labels: Vec<u32> = (0..table.len() as u32)
                .filter(|i| table[*i as usize] == t)
                .collect();
            let body = self.br_table_arm(t, &values, &mut needs_jump);
            let last = labels.len().saturating_sub(1);
            for (k, label) in labels.iter().enumerate() {
                cases.push(SwitchCase {
                    value: SwitchValue::U32(*label),
                    body: if k == last {
                        body.clone()
                    } else {
                        naga::Block::new()
                    },
                    fall_through: k != last,
                });
            }
        }
        let body = self.br_table_arm(default, &values, &mut needs_jump);
        cases.push(SwitchCase {
            value: SwitchValue::Default,
            body,
            fall_through: false,
        });
        self.b.stmt(Statement::Switch {
            selector: index,
            cases,
        });
        if needs_jump {
            self.resolve_pending(current);
        }
    }

    /// One arm of a `br_table`: store the values and note the target in `brk`.
    fn br_table_arm(
        &mut self,
        target: usize,
        values: &[(naga::Handle<naga::Expression>, super::super::abi::ValType)],
        needs_jump: &mut bool,
    ) -> naga::Block {
        self.b.open_block();
        self.branch_store(target, values);
        let brk = self.brk();
        let t = self.b.u32(target as u32);
        self.b.store(brk, t);
        self.mark_escapes(target);
        *needs_jump = true;
        self.b.close_block()
    }
}

#[derive(Debug, Clone, Copy)]
enum Opening {
    Block,
    Loop,
    If,
}
