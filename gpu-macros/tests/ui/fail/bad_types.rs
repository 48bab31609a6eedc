#[gpu_macros::entry]
fn text(name: String, flag: bool) -> &'static str {
    let _ = (name, flag);
    ""
}

#[gpu_macros::entry]
fn unit_parameter(x: ()) -> Option<u32> {
    let _ = x;
    None
}

fn main() {}
