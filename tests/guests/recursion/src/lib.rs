//! Recursion as ordinary Rust writes it. `black_box` keeps LLVM from turning the recursion
//! into loops (tail-recursion elimination), so the GPU really runs a call stack.

#![no_std]

use core::hint::black_box;

use gpu_std as _;

/// The `n`-th Fibonacci number, doubly recursive.
#[no_mangle]
pub extern "C" fn fib(n: u32) -> u32 {
    if n < 2 {
        n
    } else {
        // The outer black_box keeps the sum opaque, so no call is a tail call to turn into a loop.
        black_box(black_box(fib(n - 1)) + black_box(fib(n - 2)))
    }
}

/// `1 + 2 + ... + n`, one call per term (depth `n`).
#[no_mangle]
pub extern "C" fn sum(n: u32) -> u64 {
    if n == 0 {
        0
    } else {
        black_box(n as u64 + black_box(sum(n - 1)))
    }
}

/// The Ackermann function (A(2, n) = 2n + 3, with deep nested recursion).
#[no_mangle]
pub extern "C" fn ackermann(m: u32, n: u32) -> u32 {
    if m == 0 {
        n + 1
    } else if n == 0 {
        black_box(ackermann(m - 1, 1))
    } else {
        let inner = black_box(ackermann(m, n - 1));
        black_box(ackermann(m - 1, inner))
    }
}
