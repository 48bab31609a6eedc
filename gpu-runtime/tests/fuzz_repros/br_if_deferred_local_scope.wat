;; Found by fuzz-translate-bytes (a generated module, seed 34677), minimised by hand.
;; Translator bug, fixed in f5f392d ("fix br_if carrying deferred locals").
;;
;; `br_if` to the function's label carries the value of a deferred `local.get`. The translator
;; loaded the local inside the naga `if` of the branch and left that load on the operand stack,
;; so the function's result used an expression from inside the `if`: naga validation failed with
;; "Used by a statement before it was introduced into the scope by any of the dominating blocks".
;;
;; Expected: translates; f(x) = x for every x (the branch returns x, or falls through with x).
(module
  (func (export "f") (param i32) (result i32)
    local.get 0
    local.get 0
    br_if 0))
