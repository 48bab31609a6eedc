;; A counted loop (`counted_loops.rs`): its back-edge has no trap test, and the loop sits
;; under `if (trap_code == 0u)`, so that a count left behind by a trap is never used.
(module
  (memory 1)
  (func $sum (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
    (local.set $n (i32.load offset=4 (local.get $p)))
    (loop
      (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if 0 (local.tee $n (i32.add (local.get $n) (i32.const -1)))))
    (local.get $s)))
