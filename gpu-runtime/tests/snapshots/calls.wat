;; Direct calls with multi-value results and call_indirect through a table.
(module
  (type $bin (func (param i32 i32) (result i32)))
  (table 4 funcref)
  (elem (i32.const 0) $add $sub $neg)
  (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
  (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
  (func $neg (param i32) (result i32) (i32.sub (i32.const 0) (local.get 0)))
  (func $swap (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
  (func (export "apply") (param $op i32) (param $a i32) (param $b i32) (result i32)
    (call $swap (local.get $a) (local.get $b))
    (call_indirect (type $bin) (local.get $op))))
