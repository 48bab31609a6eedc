struct Kernel;

impl Kernel {
    #[gpu_macros::entry]
    fn run(&self, x: u32) -> u32 {
        x
    }
}

fn main() {}
