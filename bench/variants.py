#!/usr/bin/env python3
"""Hand-edits of the translator's WGSL, to measure what a translator change would gain before
making it: `gpu-bench --a-shaders DIR` runs DIR/<workload>.wgsl in place of the translation
(same ABI, bindings and layout).

    gpu-bench --wasm bench_guest.wasm --emit-shaders OUT/emitted
    bench/variants.py OUT/emitted OUT        # writes OUT/{roundtrip,plain,nocheck,plain-nocheck}

Variants (all first fold what naga's WGSL front cannot read back of naga's WGSL output; each keeps the wasm semantics for these six race-free workloads; `plain` does not in
general: two threads storing bytes of one word would race):
- roundtrip: only that (the baseline: should time like the translation itself).
- plain: no atomics on linear memory: loads and stores plain accesses, sub-word stores a
  plain read-modify-write (since the fourth session `memory` is plain by default and only the
  sub-word stores through `memory_atomic` change).
- nocheck: `mem_oob` (the bounds check of every access) always false.
- plain-nocheck: both.
- noloopcheck: no `break if (trap_code != 0u)` at the end of every loop iteration.
- nostatus: no status word per thread in `results` (only right for entries without results,
  as all six are; the host's checks then see nothing: time only).
- lean: plain, nocheck, noloopcheck and nostatus together (the upper bound of those changes).
Parts of the bounds check, each on top of `plain`:
- norefresh: `mem_oob` compares with the cached memory size only (no atomic reload on a miss).
- branchtrap: the trap record is set under an `if` instead of by two `select`s per access.
- noguard: `mem_store` does not test `trap_code` first.
- cheapcheck: norefresh, branchtrap and noguard together; `cheap-lean`: with noloopcheck and
  nostatus too (compare with lean: what the checks still cost).
Parts of the entry point (third session):
- unhoist: the values an invocation loads once before its thread loop loaded per thread again.
- norecord: no trap record kept in locals in the thread loop (timing only).
- nocheck-unhoist, nocheck-norecord: each on top of nocheck.
- eager: `&&`/`||` written `&`/`|` (no short-circuit branches: what `roundtrip` differs in from
  the translator's own IR, whose `LogicalAnd`/`LogicalOr` evaluate both sides).
(Variants whose pattern the current translator no longer emits are skipped with a message.)
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
    """Memory without atomics: `memory` plain (it already is by default since the fourth
    session) and the partial-word stores through `memory_atomic` plain read-modify-writes."""
    text = text.replace(
        "var<storage, read_write> memory: array<atomic<u32>>;",
        "var<storage, read_write> memory: array<u32>;",
    )
    view = r"&memory(?:_atomic)?\["
    text = re.sub(r"atomicLoad\(\(" + view + r"([^\]]*)\]\)\)", r"memory[\1]", text)
    text = re.sub(r"atomicStore\(\(" + view + r"([^\]]*)\]\), (.*)\);", r"memory[\1] = \2;", text)
    text = re.sub(r"atomicAnd\(\(" + view + r"([^\]]*)\]\), (.*)\);", r"memory[\1] = memory[\1] & \2;", text)
    text = re.sub(r"atomicOr\(\(" + view + r"([^\]]*)\]\), (.*)\);", r"memory[\1] = memory[\1] | \2;", text)
    if re.search(r"atomic\w*\(\(&memory", text):
        raise SystemExit("an atomic on memory is left that this script does not rewrite")
    return text


def nocheck(text):
    head = "fn mem_oob(ea: u32, size: u32) -> bool {\n"
    if head not in text:
        raise SystemExit("no mem_oob in this shader")
    return text.replace(head, head + "    return false;\n", 1)


def edit_once(name, pattern, repl, text, flags=0):
    """`re.subn` that must match exactly once (else the translator no longer emits the shape
    this edit expects, and the variant is skipped)."""
    out, n = re.subn(pattern, repl, text, flags=flags)
    if n != 1:
        raise SystemExit(f"{name}: {n} matches")
    return out


def noloopcheck(text):
    out, n = re.subn(r"\n\s*continuing \{\n\s*let (_e\d+) = trap_code;\n\s*break if \(\1 != 0u\);\n\s*\}", "", text)
    return out


def nostatus(text):
    return edit_once("nostatus", r"\n\s*results\[\(\(_e\d+ - _e\d+\) \* 1u\)\] = [^;]*;", "", text)


def norefresh(text):
    return edit_once("norefresh", r"    if \(\((_e\d+) > (_e\d+)\) && !\((_e\d+)\)\) \{\n        let _e\d+ = atomicLoad\(\(&control\[0u\]\)\);\n        mem_bytes = _e\d+;\n        r = \(_e\d+ > _e\d+\);\n    \}",
                     r"    r = \3 || (\1 > \2);", text)


def branchtrap(text):
    out, n = re.subn(r"trap_code = select\((_e\d+), (\d+u), (_e\d+)\);\n(\s*)let (_e\d+) = trap_func;\n\s*trap_func = select\(\5, (\d+u), \3\);",
                     r"if \3 { trap_code = \2; trap_func = \6; }", text)
    out, m = re.subn(r"let (_e\d+) = trap_func;\n(\s*)trap_code = select\((_e\d+), (\d+u), (_e\d+)\);\n\s*trap_func = select\(\1, (\d+u), \5\);",
                     r"if \5 { trap_code = \4; trap_func = \6; }", out)
    return out


def noguard(text):
    return edit_once("noguard", r"(fn mem_store\([^)]*\) \{\n    let _e\d+ = )trap_code;", r"\g<1>0u;", text)


def cheapcheck(text):
    return noguard(branchtrap(norefresh(plain(text))))


def unhoist(text):
    """What each invocation loads once before its thread loop, loaded again per thread."""
    pat = re.compile(r"(        thread = \(_e\d+ \+ gid\.x\);\n)((?:        let [^\n]*\n)+)(        loop \{\n"
                     r"            let (_e\d+) = thread;\n            if \(\4 >= _e\d+\) \{\n"
                     r"                break;\n            \}\n)")
    return edit_once("unhoist", pat, lambda m: m[1] + m[3] + "".join("    " + l + "\n" for l in m[2].splitlines()), text)


def norecord(text):
    """The per-invocation trap record left out (timing only)."""
    pat = re.compile(r"(            \} else \{\n)                let (_e\d+) = trapped;\n.*?                trapped = \(\2 \+ 1u\);\n(            \})", re.S)
    return edit_once("norecord", pat, lambda m: m[1] + m[3], text)


def eager(text):
    """`&&` and `||` as `&` and `|` (both sides evaluated, no branch), as the translator's own
    naga IR has them; naga's WGSL front end turns `&&`/`||` into branches."""
    return text.replace(" && ", " & ").replace(" || ", " | ")


VARIANTS = {
    "roundtrip": lambda t: t,
    "plain": plain,
    "nocheck": nocheck,
    "plain-nocheck": lambda t: nocheck(plain(t)),
    "noloopcheck": noloopcheck,
    "nostatus": nostatus,
    "lean": lambda t: nostatus(noloopcheck(nocheck(plain(t)))),
    "norefresh": lambda t: norefresh(plain(t)),
    "branchtrap": lambda t: branchtrap(plain(t)),
    "noguard": lambda t: noguard(plain(t)),
    "cheapcheck": cheapcheck,
    "cheap-lean": lambda t: nostatus(noloopcheck(cheapcheck(t))),
    "lean-status": lambda t: noloopcheck(nocheck(plain(t))),
    "unhoist": unhoist,
    "norecord": norecord,
    "nocheck-unhoist": lambda t: unhoist(nocheck(t)),
    "nocheck-norecord": lambda t: norecord(nocheck(t)),
    "eager": eager,
}


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    src, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    for name, edit in VARIANTS.items():
        edited = {}
        try:
            for f in sorted(src.glob("*.wgsl")):
                edited[f.name] = edit(roundtrip(f.read_text()))
        except SystemExit as e:
            # The translator no longer emits what this edit changes.
            print(f"skipped {name}: {e}", file=sys.stderr)
            continue
        (out / name).mkdir(parents=True, exist_ok=True)
        for fname, text in edited.items():
            (out / name / fname).write_text(text)
    print(f"wrote the variants under {out}")


if __name__ == "__main__":
    main()
