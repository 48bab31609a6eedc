;; Found by the differential fuzzer (seeds 450, 1205, 2016, 2295, 2375, 2685, 3851, 4465 and
;; 4819 of the first swarm configuration: "wasmi trap `integer divide by zero`, GPU [...]").
;; NOT a translator bug: the oracle, wasmi 2.0.0, is wrong, the GPU is right.
;;
;; wasmi fuses an `i32.eqz` (or `i32.eq`/`i32.ne` with 0) feeding `select` into the `select`
;; and drops the comparison; when the comparison's operand is a local the fused `select` tests
;; a stale register. wasm-smith's guard against division by zero (`select (i32.const 1) x
;; (i32.eqz x)`) has exactly this shape, so wasmi divided by zero where the module cannot.
;; The fuzzer routes every `select` condition through a local in wasmi's copy of the module
;; (tests/fuzz_common/wasmi_fix.rs), which wasmi does not fuse.
;;
;; Expected (spec): eqz(7, 16, 5) = 16, eqz(7, 16, 0) = 7; ne(7, 16, 5) = 7, ne(7, 16, 0) = 16.
;; wasmi 2.0.0 without the workaround: eqz(7, 16, 5) = 7, ne(7, 16, 5) = 16.
(module
  (func (export "eqz") (param i32 i32 i32) (result i32)
    local.get 0
    local.get 1
    local.get 2
    i32.eqz
    select)
  (func (export "ne") (param i32 i32 i32) (result i32)
    local.get 0
    local.get 1
    local.get 2
    i32.const 0
    i32.ne
    select))
