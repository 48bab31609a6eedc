#[gpu_macros::entry]
fn generic<T: Copy>(x: u32) -> u32 {
    x
}

#[gpu_macros::entry]
fn lifetime<'a>(x: u32) -> u32
where
    'a: 'static,
{
    x
}

fn main() {}
