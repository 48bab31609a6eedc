#[gpu_macros::entry]
struct NotAFunction;

fn main() {}
