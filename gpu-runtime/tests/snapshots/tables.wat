;; A table kept in `control` (the module uses table operators): table.get/set/grow, elem.drop,
;; table.init from a passive segment, and call_indirect through the loaded reference word.
(module
  (type $ii (func (param i32) (result i32)))
  (table $t 2 funcref)
  (elem $p func $inc $dbl)
  (func $inc (type $ii) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (type $ii) (i32.mul (local.get 0) (i32.const 2)))
  (func (export "init") (table.init $t $p (i32.const 0) (i32.const 0) (i32.const 2)) (elem.drop $p))
  (func (export "swap")
    (local $r funcref)
    (local.set $r (table.get $t (i32.const 0)))
    (table.set $t (i32.const 0) (table.get $t (i32.const 1)))
    (table.set $t (i32.const 1) (local.get $r)))
  (func (export "grow") (result i32) (table.grow $t (ref.func $inc) (i32.const 1)))
  (func (export "call") (param i32 i32) (result i32)
    (call_indirect $t (type $ii) (local.get 1) (local.get 0))))
