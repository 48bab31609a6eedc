//! The `gpu` intrinsics about the launch and its output (see [`Intrinsic`]): thread count,
//! workgroup and local ids, time, the framebuffer, and panics. Each reads a `params` word, a
//! private variable set by the entry point, or writes the `framebuffer` binding.

use naga::{BinaryOperator as B, Expression, Handle, MathFunction, ScalarKind};

use super::super::abi::{params, TrapKind, ValType, WORKGROUP_SIZE};
use super::super::func::FuncTranslator;
use super::super::intrinsics::Intrinsic;

type H = Handle<Expression>;

impl FuncTranslator<'_, '_> {
    /// Lowers every intrinsic but `thread_id` and math (in `call.rs`).
    pub(super) fn launch_intrinsic(&mut self, intrinsic: Intrinsic) {
        match intrinsic {
            // Lowered in `call.rs`.
            Intrinsic::ThreadId | Intrinsic::Math(_) => {}
            Intrinsic::ThreadCount => {
                let v = self.param_word(params::THREAD_COUNT);
                self.push(v, ValType::I32);
            }
            Intrinsic::WorkgroupId | Intrinsic::LocalId => {
                let p = self.b.expr(Expression::GlobalVariable(self.rt.invocation));
                let slot = self.b.load(p);
                let size = self.b.u32(WORKGROUP_SIZE);
                let op = if intrinsic == Intrinsic::WorkgroupId {
                    B::Divide
                } else {
                    B::Modulo
                };
                let v = self.b.bin(op, slot, size);
                self.push(v, ValType::I32);
            }
            Intrinsic::Time => {
                let bits = self.param_word(params::TIME);
                let v = self.b.bitcast(bits, ScalarKind::Float);
                self.push(v, ValType::F32);
            }
            Intrinsic::Width => {
                let v = self.param_word(params::FB_WIDTH);
                self.push(v, ValType::I32);
            }
            Intrinsic::Height => {
                let v = self.param_word(params::FB_HEIGHT);
                self.push(v, ValType::I32);
            }
            Intrinsic::SetPixel => self.set_pixel(),
            Intrinsic::Panic => self.panic(),
        }
    }

    /// Records a panic trap and, when it is the thread's first trap, where it happened.
    /// Recorded, not left at once: the panic handler's own `unreachable` follows, and the first
    /// trap wins, so the thread reports a panic.
    fn panic(&mut self) {
        let args = self.pop_n(4);
        let first = self.rt.running(&mut self.b);
        for ((value, _), var) in args.into_iter().zip(self.rt.panic_at) {
            let p = self.b.expr(Expression::GlobalVariable(var));
            let old = self.b.load(p);
            let v = self.b.select(first, value, old);
            self.b.store(p, v);
        }
        self.record_trap(None, TrapKind::Panic);
    }

    fn param_word(&mut self, word: u32) -> H {
        let g = self.b.expr(Expression::GlobalVariable(self.rt.params));
        let i = self.b.u32(word);
        let p = self.b.access(g, i);
        self.b.load(p)
    }

    /// `framebuffer[y * width + x] = rgba8(r, g, b, a)` when `x < width`, `y < height`
    /// (unsigned: negative coordinates are outside too) and the thread has not trapped.
    fn set_pixel(&mut self) {
        let args: Vec<H> = self.pop_n(6).into_iter().map(|(h, _)| h).collect();
        let (x, y) = (args[0], args[1]);
        let w = self.param_word(params::FB_WIDTH);
        let h = self.param_word(params::FB_HEIGHT);
        let in_x = self.b.bin(B::Less, x, w);
        let in_y = self.b.bin(B::Less, y, h);
        let inside = self.b.bin(B::LogicalAnd, in_x, in_y);
        let running = self.rt.running(&mut self.b);
        let write = self.b.bin(B::LogicalAnd, inside, running);
        let mut word = None;
        for (k, c) in args[2..].iter().enumerate() {
            let byte = self.channel_byte(*c);
            let v = if k == 0 {
                byte
            } else {
                let shift = self.b.u32(8 * k as u32);
                self.b.bin(B::ShiftLeft, byte, shift)
            };
            word = Some(match word {
                None => v,
                Some(acc) => self.b.bin(B::InclusiveOr, acc, v),
            });
        }
        let Some(word) = word else { return };
        let row = self.b.bin(B::Multiply, y, w);
        let index = self.b.bin(B::Add, row, x);
        let fb = self.rt.framebuffer;
        self.b.if_then(write, |b| {
            let g = b.expr(Expression::GlobalVariable(fb));
            let p = b.access(g, index);
            b.store(p, word);
        });
    }

    /// A channel in `[0, 1]` as a byte: `trunc(clamp(c, 0, 1) * 255 + 0.5)`; NaN is 0.
    fn channel_byte(&mut self, c: H) -> H {
        let zero = self.b.f32_bits(0);
        let one = self.b.f32_bits(1.0f32.to_bits());
        let positive = self.b.bin(B::Greater, c, zero);
        let at_most_one = self.b.expr(Expression::Math {
            fun: MathFunction::Min,
            arg: c,
            arg1: Some(one),
            arg2: None,
            arg3: None,
        });
        let clamped = self.b.select(positive, at_most_one, zero);
        let scale = self.b.f32_bits(255.0f32.to_bits());
        let half = self.b.f32_bits(0.5f32.to_bits());
        let scaled = self.b.bin(B::Multiply, clamped, scale);
        let rounded = self.b.bin(B::Add, scaled, half);
        self.b.convert(rounded, ScalarKind::Uint, 4)
    }
}
