#!/usr/bin/env python3
"""Hand-edits of the translator's WGSL, to measure what a translator change would gain before
making it: `gpu-bench --a-shaders DIR` runs DIR/<workload>.wgsl in place of the translation
(same ABI, bindings and layout).

    gpu-bench --wasm bench_guest.wasm --emit-shaders OUT/emitted
    bench/variants.py OUT/emitted OUT        # writes OUT/{roundtrip,plain,nocheck,plain-nocheck}

Variants (all first fold what naga's WGSL front cannot read back of naga's WGSL output; each keeps the wasm semantics for these six race-free workloads; `plain` does not in
general: two threads storing bytes of one word would race):
- roundtrip: only that (the baseline: should time like the translation itself).
- plain: linear memory as `array<u32>` instead of `array<atomic<u32>>`; loads and stores are
  plain accesses, sub-word stores a plain read-modify-write.
- nocheck: `mem_oob` (the bounds check of every access) always false.
- plain-nocheck: both.
"""
import pathlib
import re
import sys


def roundtrip(text):
    """What naga's WGSL front cannot read back of naga's WGSL output: u64 literals converted to
    u32 (`u32(1lu)`, `u32((1lu >> 32u))`), folded here."""
    text = re.sub(r"u32\(\((\d+)lu >> (\d+)u\)\)",
                  lambda m: f"{(int(m[1]) >> int(m[2])) & 0xFFFFFFFF}u", text)
    return re.sub(r"u32\((\d+)lu\)", lambda m: f"{int(m[1]) & 0xFFFFFFFF}u", text)


def plain(text):
    text = text.replace(
        "var<storage, read_write> memory: array<atomic<u32>>;",
        "var<storage, read_write> memory: array<u32>;",
    )
    text = re.sub(r"atomicLoad\(\(&memory\[([^\]]*)\]\)\)", r"memory[\1]", text)
    text = re.sub(r"atomicStore\(\(&memory\[([^\]]*)\]\), (.*)\);", r"memory[\1] = \2;", text)
    text = re.sub(r"atomicAnd\(\(&memory\[([^\]]*)\]\), (.*)\);", r"memory[\1] = memory[\1] & \2;", text)
    text = re.sub(r"atomicOr\(\(&memory\[([^\]]*)\]\), (.*)\);", r"memory[\1] = memory[\1] | \2;", text)
    if "&memory" in text:
        raise SystemExit("an atomic on memory is left that this script does not rewrite")
    return text


def nocheck(text):
    head = "fn mem_oob(ea: u32, size: u32) -> bool {\n"
    if head not in text:
        raise SystemExit("no mem_oob in this shader")
    return text.replace(head, head + "    return false;\n", 1)


VARIANTS = {
    "roundtrip": lambda t: t,
    "plain": plain,
    "nocheck": nocheck,
    "plain-nocheck": lambda t: nocheck(plain(t)),
}


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    for name, edit in VARIANTS.items():
        (out / name).mkdir(parents=True, exist_ok=True)
        for f in sorted(src.glob("*.wgsl")):
            (out / name / f.name).write_text(edit(roundtrip(f.read_text())))
    print(f"wrote {', '.join(VARIANTS)} under {out}")


if __name__ == "__main__":
    main()
