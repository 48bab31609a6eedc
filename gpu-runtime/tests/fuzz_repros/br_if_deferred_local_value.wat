;; Found while minimising br_if_deferred_local_scope.wat. Translator bug, fixed in f5f392d.
;;
;; Same cause, but the value left by `br_if` feeds an `i32.add`: naga validation passed and
;; the GPU read the load that only the taken branch executed, returning 0 for f(0).
;;
;; Expected: f(0) = 1 (branch not taken: 0 + 1), f(5) = 5 (branch taken, returns 5).
(module
  (func (export "f") (param i32) (result i32)
    local.get 0
    local.get 0
    br_if 0
    i32.const 1
    i32.add))
