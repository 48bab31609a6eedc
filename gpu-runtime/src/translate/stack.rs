//! The control stack of a function being translated (cranelift's `translate/stack.rs`, wasmi's
//! `translator/func/stack`): one [`ControlFrame`] per open wasm construct.

use naga::{Block, Expression, Handle};

use super::abi::ValType;

/// What kind of construct a frame is.
#[derive(Debug)]
pub enum FrameKind {
    /// The function body: a branch to it is a `return`.
    Function,
    Block,
    Loop,
    If {
        /// The `bool` condition, emitted before the construct.
        condition: Handle<Expression>,
        /// The `then` block, once `else` was seen.
        then_block: Option<Block>,
        /// Whether the end of the `then` arm was reachable.
        then_reachable: bool,
        /// The first recursive call site id of the `else` arm (see `first_site`).
        else_site: u32,
    },
}

/// One open wasm `block`, `loop`, `if` or the function body.
#[derive(Debug)]
pub struct ControlFrame {
    pub kind: FrameKind,
    pub params: Vec<ValType>,
    pub results: Vec<ValType>,
    /// Operand stack height below the frame's parameters.
    pub height: usize,
    /// Pointers to the locals a branch to this frame stores its values into: the results for
    /// `block`/`if`, the parameters for `loop`.
    pub branch_locals: Vec<Handle<Expression>>,
    /// Pointers to the locals holding the frame's results after its end.
    pub result_locals: Vec<Handle<Expression>>,
    /// The parameter values of an `if`, pushed again for its `else` arm.
    pub if_params: Vec<(Handle<Expression>, ValType)>,
    /// The frame was opened in unreachable code: nothing is emitted for it.
    pub dead: bool,
    /// Some branch targets this frame (so its end is reachable even if its body's end is not).
    pub branched_to: bool,
    /// Some branch inside leaves this frame for an outer one: after this frame's construct,
    /// the parent must check the pending branch target.
    pub escapes: bool,
    /// The frame is a naga `loop` (breakable). Blocks and ifs that no branch targets are plain
    /// naga blocks and ifs instead: fewer loops for drivers to structure (lavapipe counts every
    /// loop pass against its per-invocation iteration cap).
    pub has_loop: bool,
    /// For a loop-less `block`: the `br_if`s to it from its own body, each of which put the rest
    /// of the body under `if !condition`: (the negated condition, the next site id then).
    pub rest_guards: Vec<(Handle<Expression>, u32)>,
    /// In a call-cycle member: the id the first recursive call site inside this frame gets
    /// (sites are numbered in program order, so a frame's sites are a contiguous range).
    pub first_site: u32,
    /// A wasm loop with a back-edge that is not a `br_if` straight to it (whose `continue` the
    /// translator guards with `!trapped`): the loop keeps the trap check in its continuing
    /// block, so that a trapped thread cannot go round forever.
    pub plain_back_edge: bool,
    /// A counted wasm loop (`counted_loops.rs`) whose one back-edge continues without asking
    /// whether the thread has trapped: it is entered only while the thread has not.
    pub counted: bool,
}

impl ControlFrame {
    pub fn is_loop(&self) -> bool {
        matches!(self.kind, FrameKind::Loop)
    }

    /// Types of the values a branch to this frame carries.
    pub fn branch_types(&self) -> &[ValType] {
        if self.is_loop() {
            &self.params
        } else {
            &self.results
        }
    }
}
