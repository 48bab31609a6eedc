;; Multi-level branches, br_table, if/else with results, multi-value blocks.
(module
  (func $classify (export "classify") (param $x i32) (result i32)
    (block $c (block $b (block $a
      (br_table $a $b $c (local.get $x)))
      (return (i32.const 10)))
      (return (i32.const 20)))
    (i32.const 30))
  (func $nested (export "nested") (param $x i32) (result i32)
    (block $outer (result i32)
      (loop $l
        (if (i32.gt_u (local.get $x) (i32.const 100))
          (then (br $outer (i32.const 1))))
        (local.set $x (i32.add (local.get $x) (i32.const 7)))
        (br_if $l (i32.lt_u (local.get $x) (i32.const 50))))
      (i32.const 2)))
  (func $pair (export "pair") (param i32) (result i32 i32)
    (block (result i32 i32)
      (local.get 0) (i32.const 1) (i32.add)
      (if (param i32) (result i32 i32) (local.get 0)
        (then (i32.const 5))
        (else (i32.const 6))))))
