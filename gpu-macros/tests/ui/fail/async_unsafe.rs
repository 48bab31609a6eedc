#[gpu_macros::entry]
async fn later(x: u32) -> u32 {
    x
}

#[gpu_macros::entry]
unsafe fn risky(x: u32) -> u32 {
    x
}

fn main() {}
