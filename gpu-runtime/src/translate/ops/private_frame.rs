//! Loads, stores, fills, copies and calls on a private frame (`private_frames.rs`): the frame
//! is an `array<u32, W>`, and every access is at a byte offset known at translation time, so
//! each becomes whole-word reads and writes at constant indices with constant shifts and masks.
//! No frame access can trap (the analysis proved it inside the frame; only the memory end of a
//! `memory.copy` is checked), and none needs the "has this thread trapped" guard of memory
//! stores: nobody else sees the frame.

use naga::{BinaryOperator as B, Expression, Handle};

use super::super::abi::{TrapKind, ValType};
use super::super::func::FuncTranslator;
use super::super::private_frames::{Event, SpecKey};
use super::super::TranslateError;

type H = Handle<Expression>;

/// The mask of the low `bytes` bytes of a word.
fn low_mask(bytes: u32) -> u32 {
    if bytes >= 4 {
        u32::MAX
    } else {
        (1u32 << (8 * bytes)) - 1
    }
}

impl FuncTranslator<'_, '_> {
    /// What the operator at the current offset does with the private frame, if anything,
    /// with the pointer to the frame's array.
    pub(super) fn frame_event(&self) -> Option<(H, Event)> {
        let f = self.private_frame.as_ref()?;
        f.events.get(&self.offset).map(|e| (f.ptr, e.clone()))
    }

    /// The `bytes` (1 to 4) frame bytes from `at`, zero-extended.
    fn frame_read(&mut self, frame: H, at: u32, bytes: u32) -> H {
        let shift = (at % 4) * 8;
        let p = self.b.access_index(frame, at / 4);
        let mut v = self.b.load(p);
        if shift != 0 {
            let k = self.b.u32(shift);
            v = self.b.bin(B::ShiftRight, v, k);
            if shift + 8 * bytes > 32 {
                let p = self.b.access_index(frame, at / 4 + 1);
                let hi = self.b.load(p);
                let k = self.b.u32(32 - shift);
                let up = self.b.bin(B::ShiftLeft, hi, k);
                v = self.b.bin(B::InclusiveOr, v, up);
            }
        }
        if bytes < 4 {
            let m = self.b.u32(low_mask(bytes));
            v = self.b.bin(B::And, v, m);
        }
        v
    }

    /// Writes the low `bytes` (1 to 4) bytes of `v` to the frame from `at`.
    fn frame_write(&mut self, frame: H, at: u32, v: H, bytes: u32) {
        let shift = (at % 4) * 8;
        let mask = low_mask(bytes);
        let (m0, v0) = if shift == 0 {
            (mask, v)
        } else {
            let k = self.b.u32(shift);
            (mask << shift, self.b.bin(B::ShiftLeft, v, k))
        };
        self.merge_word(frame, at / 4, v0, m0);
        if shift != 0 && shift + 8 * bytes > 32 {
            let k = self.b.u32(32 - shift);
            let v1 = self.b.bin(B::ShiftRight, v, k);
            self.merge_word(frame, at / 4 + 1, v1, mask >> (32 - shift));
        }
    }

    /// Frame word `index` takes the bits of `v` under `mask`.
    fn merge_word(&mut self, frame: H, index: u32, v: H, mask: u32) {
        let p = self.b.access_index(frame, index);
        if mask == u32::MAX {
            self.b.store(p, v);
            return;
        }
        let old = self.b.load(p);
        let keep = self.b.u32(!mask);
        let kept = self.b.bin(B::And, old, keep);
        let m = self.b.u32(mask);
        let new = self.b.bin(B::And, v, m);
        let merged = self.b.bin(B::InclusiveOr, kept, new);
        self.b.store(p, merged);
    }

    /// A load from the frame: pops the (unused) address, pushes the value.
    pub(super) fn frame_load(&mut self, frame: H, at: u32, size: u32, signed: bool, t: ValType) {
        let _address = self.pop();
        let lo = self.frame_read(frame, at, size.min(4));
        let hi = (size == 8).then(|| self.frame_read(frame, at + 4, 4));
        self.push_loaded(lo, hi, size, signed, t);
    }

    /// A store to the frame: pops the value and the (unused) address.
    pub(super) fn frame_store(&mut self, frame: H, at: u32, size: u32) {
        let (lo, hi) = self.pop_store_value(size);
        let _address = self.pop();
        self.frame_write(frame, at, lo, size.min(4));
        if let Some(hi) = hi {
            self.frame_write(frame, at + 4, hi, 4);
        }
    }

    /// `memory.fill` of the frame bytes `[at, at + len)`: pops its three operands.
    pub(super) fn frame_fill(&mut self, frame: H, at: u32, len: u32) {
        let _n = self.pop();
        let value = self.pop();
        let _dst = self.pop();
        if len == 0 {
            return;
        }
        let ff = self.b.u32(0xff);
        let byte = self.b.bin(B::And, value, ff);
        let spread = self.b.u32(0x0101_0101);
        let pattern = self.b.bin(B::Multiply, byte, spread);
        let end = at + len;
        for word in at / 4..end.div_ceil(4) {
            let lo = (word * 4).max(at) - word * 4;
            let hi = (word * 4 + 4).min(end) - word * 4;
            let mask = low_mask(hi) & !low_mask(lo);
            self.merge_word(frame, word, pattern, mask);
        }
    }

    /// `memory.copy` of `len` bytes with one or both ends in the frame (`None`: that end is
    /// in linear memory): pops its three operands. The memory end is checked as a whole first
    /// (a copy that leaves memory traps before it writes anything); all bytes are read before
    /// any is written, so overlapping frame ranges copy as `memmove` does.
    pub(super) fn frame_copy(&mut self, frame: H, dst: Option<u32>, src: Option<u32>, len: u32) {
        let n = self.pop();
        let src_addr = self.pop();
        let dst_addr = self.pop();
        for (end, addr) in [(dst, dst_addr), (src, src_addr)] {
            if end.is_none() {
                let oob = self.rt.oob(self.module);
                if let Some(bad) = self.b.call(oob, vec![addr, n], true) {
                    self.trap_if(bad, TrapKind::MemoryOutOfBounds);
                }
            }
        }
        // 4-byte pieces, then single bytes.
        let pieces: Vec<(u32, u32)> = (0..len)
            .step_by(4)
            .map(|i| (i, (len - i).min(4)))
            .flat_map(|(i, n)| {
                if n == 4 {
                    vec![(i, 4)]
                } else {
                    (i..i + n).map(|j| (j, 1)).collect()
                }
            })
            .collect();
        let mut values = Vec::with_capacity(pieces.len());
        for &(i, size) in &pieces {
            let v = match src {
                Some(at) => self.frame_read(frame, at + i, size),
                None => {
                    let ea = self.offset_by(src_addr, i);
                    self.load_piece(ea, size)
                }
            };
            values.push(v);
        }
        for (&(i, size), v) in pieces.iter().zip(values) {
            match dst {
                Some(at) => self.frame_write(frame, at + i, v, size),
                None => {
                    let ea = self.offset_by(dst_addr, i);
                    self.store_piece(ea, v, size);
                }
            }
        }
    }

    fn offset_by(&mut self, addr: H, i: u32) -> H {
        if i == 0 {
            return addr;
        }
        let k = self.b.u32(i);
        self.b.bin(B::Add, addr, k)
    }

    /// A direct call passing frame addresses: the copy `key` with the frame pointer appended.
    pub(super) fn frame_call(&mut self, frame: H, key: &SpecKey) -> Result<(), TranslateError> {
        let Some(info) = self.spec_funcs.get(key).cloned() else {
            return Err(self.unsupported("call (frame copy missing: translator bug)"));
        };
        let args = self.pop_n(info.sig.params.len());
        let mut args: Vec<H> = args.into_iter().map(|(h, _)| h).collect();
        args.push(frame);
        let result = self.checked_call(info.handle, args, info.result_ty.is_some());
        self.push_results(&info, result);
        Ok(())
    }
}
