#[gpu_macros::entry]
extern "system" fn other_abi(x: u32) -> u32 {
    x
}

#[gpu_macros::entry]
#[no_mangle]
fn exported_twice(x: u32) -> u32 {
    x
}

#[gpu_macros::entry(name = "x")]
fn with_arguments(x: u32) -> u32 {
    x
}

fn main() {}
