;; The Phase 4 program: sum 1..=n with a loop.
(module
  (func $main (export "main") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (local.set $i (i32.const 1))
    (block $done
      (loop $next
        (br_if $done (i32.gt_s (local.get $i) (local.get $n)))
        (local.set $acc (i32.add (local.get $acc) (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc)))
