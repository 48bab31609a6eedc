//! A small builder over one naga function body: it owns the expression arena, a stack of
//! statement blocks and the pending `Emit` range, so callers never think about emission.
//!
//! Rule (naga's): every expression except the pre-emitted kinds (literals, variables, arguments,
//! call and atomic results, zero values) must be covered by exactly one `Emit` before its first
//! use. The builder keeps one open range and closes it into an `Emit` whenever a statement is
//! pushed, a block is opened or closed, or a pre-emitted expression is appended.

use naga::{
    BinaryOperator, Block, Expression, Function, Handle, Literal, LocalVariable, MathFunction,
    Scalar, ScalarKind, Span, Statement, Type, UnaryOperator,
};

/// Builds one naga function.
#[derive(Debug)]
pub struct IrBuilder {
    pub func: Function,
    blocks: Vec<Block>,
    emit_start: usize,
}

fn is_pre_emitted(e: &Expression) -> bool {
    matches!(
        e,
        Expression::Literal(_)
            | Expression::Constant(_)
            | Expression::Override(_)
            | Expression::ZeroValue(_)
            | Expression::FunctionArgument(_)
            | Expression::GlobalVariable(_)
            | Expression::LocalVariable(_)
            | Expression::CallResult(_)
            | Expression::AtomicResult { .. }
            | Expression::WorkGroupUniformLoadResult { .. }
            | Expression::SubgroupBallotResult
            | Expression::SubgroupOperationResult { .. }
    )
}

impl IrBuilder {
    pub fn new(func: Function) -> Self {
        let emit_start = func.expressions.len();
        IrBuilder {
            func,
            blocks: vec![Block::new()],
            emit_start,
        }
    }

    /// Closes the open emit range into the current block.
    fn flush(&mut self) {
        let len = self.func.expressions.len();
        if len > self.emit_start {
            let range = self.func.expressions.range_from(self.emit_start);
            self.current().push(Statement::Emit(range), Span::UNDEFINED);
        }
        self.emit_start = len;
    }

    fn current(&mut self) -> &mut Block {
        // The builder always holds at least the function's body block.
        let last = self.blocks.len() - 1;
        &mut self.blocks[last]
    }

    /// Appends an expression, evaluated here (after everything appended before it).
    pub fn expr(&mut self, e: Expression) -> Handle<Expression> {
        if is_pre_emitted(&e) {
            self.flush();
            let h = self.func.expressions.append(e, Span::UNDEFINED);
            self.emit_start = self.func.expressions.len();
            h
        } else {
            self.func.expressions.append(e, Span::UNDEFINED)
        }
    }

    /// Pushes a statement into the current block.
    pub fn stmt(&mut self, s: Statement) {
        self.flush();
        self.current().push(s, Span::UNDEFINED);
    }

    /// Opens a nested block; statements go there until [`IrBuilder::close_block`].
    pub fn open_block(&mut self) {
        self.flush();
        self.blocks.push(Block::new());
    }

    /// Closes the innermost nested block and returns it.
    pub fn close_block(&mut self) -> Block {
        self.flush();
        if self.blocks.len() > 1 {
            self.blocks.pop().unwrap_or_default()
        } else {
            Block::new()
        }
    }

    /// Finishes the function.
    pub fn finish(mut self) -> Function {
        self.flush();
        while self.blocks.len() > 1 {
            let b = self.close_block();
            self.current().push(Statement::Block(b), Span::UNDEFINED);
        }
        self.func.body = self.blocks.pop().unwrap_or_default();
        self.func
    }

    // ---- literals -------------------------------------------------------------------------

    pub fn lit(&mut self, l: Literal) -> Handle<Expression> {
        self.expr(Expression::Literal(l))
    }
    pub fn u32(&mut self, v: u32) -> Handle<Expression> {
        self.lit(Literal::U32(v))
    }
    pub fn u64(&mut self, v: u64) -> Handle<Expression> {
        self.lit(Literal::U64(v))
    }
    /// An f32 from raw bits; NaN and infinity go through a bitcast since naga rejects them as
    /// literals.
    pub fn f32_bits(&mut self, bits: u32) -> Handle<Expression> {
        let v = f32::from_bits(bits);
        if v.is_finite() {
            self.lit(Literal::F32(v))
        } else {
            let u = self.u32(bits);
            self.bitcast(u, ScalarKind::Float)
        }
    }
    pub fn f64_bits(&mut self, bits: u64) -> Handle<Expression> {
        let v = f64::from_bits(bits);
        if v.is_finite() {
            self.lit(Literal::F64(v))
        } else {
            let u = self.u64(bits);
            self.bitcast(u, ScalarKind::Float)
        }
    }

    // ---- operators ------------------------------------------------------------------------

    pub fn bin(
        &mut self,
        op: BinaryOperator,
        left: Handle<Expression>,
        right: Handle<Expression>,
    ) -> Handle<Expression> {
        self.expr(Expression::Binary { op, left, right })
    }
    pub fn un(&mut self, op: UnaryOperator, expr: Handle<Expression>) -> Handle<Expression> {
        self.expr(Expression::Unary { op, expr })
    }
    /// Bit-preserving reinterpretation to another kind of the same width.
    pub fn bitcast(&mut self, expr: Handle<Expression>, kind: ScalarKind) -> Handle<Expression> {
        self.expr(Expression::As {
            expr,
            kind,
            convert: None,
        })
    }
    /// Value conversion (truncating, extending, int<->float, bool->int).
    pub fn convert(
        &mut self,
        expr: Handle<Expression>,
        kind: ScalarKind,
        width: u8,
    ) -> Handle<Expression> {
        self.expr(Expression::As {
            expr,
            kind,
            convert: Some(width),
        })
    }
    pub fn select(
        &mut self,
        condition: Handle<Expression>,
        accept: Handle<Expression>,
        reject: Handle<Expression>,
    ) -> Handle<Expression> {
        self.expr(Expression::Select {
            condition,
            accept,
            reject,
        })
    }
    pub fn math1(&mut self, fun: MathFunction, arg: Handle<Expression>) -> Handle<Expression> {
        self.expr(Expression::Math {
            fun,
            arg,
            arg1: None,
            arg2: None,
            arg3: None,
        })
    }
    pub fn load(&mut self, pointer: Handle<Expression>) -> Handle<Expression> {
        self.expr(Expression::Load { pointer })
    }
    pub fn access(
        &mut self,
        base: Handle<Expression>,
        index: Handle<Expression>,
    ) -> Handle<Expression> {
        self.expr(Expression::Access { base, index })
    }
    pub fn access_index(&mut self, base: Handle<Expression>, index: u32) -> Handle<Expression> {
        self.expr(Expression::AccessIndex { base, index })
    }

    // ---- variables and statements ---------------------------------------------------------

    /// A new local variable initialised to `init` (a literal or zero value), returning its
    /// pointer expression.
    pub fn local(
        &mut self,
        name: impl Into<String>,
        ty: Handle<Type>,
        init: Option<Handle<Expression>>,
    ) -> Handle<Expression> {
        let var = self.func.local_variables.append(
            LocalVariable {
                name: Some(name.into()),
                ty,
                init,
            },
            Span::UNDEFINED,
        );
        self.expr(Expression::LocalVariable(var))
    }

    pub fn store(&mut self, pointer: Handle<Expression>, value: Handle<Expression>) {
        self.stmt(Statement::Store { pointer, value });
    }

    /// `if condition { accept }` where `accept` is built by the closure.
    pub fn if_then(&mut self, condition: Handle<Expression>, accept: impl FnOnce(&mut Self)) {
        self.open_block();
        accept(self);
        let accept = self.close_block();
        self.stmt(Statement::If {
            condition,
            accept,
            reject: Block::new(),
        });
    }

    /// `if condition { accept } else { reject }`.
    pub fn if_else(
        &mut self,
        condition: Handle<Expression>,
        accept: impl FnOnce(&mut Self),
        reject: impl FnOnce(&mut Self),
    ) {
        self.open_block();
        accept(self);
        let accept = self.close_block();
        self.open_block();
        reject(self);
        let reject = self.close_block();
        self.stmt(Statement::If {
            condition,
            accept,
            reject,
        });
    }

    /// `loop { body }` (leave it with `Break`).
    pub fn loop_(&mut self, body: impl FnOnce(&mut Self)) {
        self.open_block();
        body(self);
        let body = self.close_block();
        self.stmt(Statement::Loop {
            body,
            continuing: Block::new(),
            break_if: None,
        });
    }

    pub fn ret(&mut self, value: Option<Handle<Expression>>) {
        self.stmt(Statement::Return { value });
    }

    /// Calls `function`; returns the result expression when `has_result`.
    pub fn call(
        &mut self,
        function: Handle<Function>,
        arguments: Vec<Handle<Expression>>,
        has_result: bool,
    ) -> Option<Handle<Expression>> {
        let result = has_result.then(|| self.expr(Expression::CallResult(function)));
        self.stmt(Statement::Call {
            function,
            arguments,
            result,
        });
        result
    }

    /// An atomic read-modify-write on `pointer` (to an `atomic<u32>`), returning the old value.
    pub fn atomic(
        &mut self,
        pointer: Handle<Expression>,
        fun: naga::AtomicFunction,
        value: Handle<Expression>,
        result_ty: Option<Handle<Type>>,
    ) -> Option<Handle<Expression>> {
        let result = result_ty.map(|ty| {
            self.expr(Expression::AtomicResult {
                ty,
                comparison: false,
            })
        });
        self.stmt(Statement::Atomic {
            pointer,
            fun,
            value,
            result,
        });
        result
    }
}

/// Inserts (or finds) the type of a scalar.
pub fn scalar_type(types: &mut naga::UniqueArena<Type>, scalar: Scalar) -> Handle<Type> {
    types.insert(
        Type {
            name: None,
            inner: naga::TypeInner::Scalar(scalar),
        },
        Span::UNDEFINED,
    )
}
