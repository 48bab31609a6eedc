;; Integer traps, shifts, rotates, bit counts, float min/max, conversions.
(module
  (func (export "int") (param $a i32) (param $b i32) (result i32)
    (i32.add
      (i32.add (i32.div_s (local.get $a) (local.get $b)) (i32.rem_u (local.get $a) (local.get $b)))
      (i32.add (i32.rotl (local.get $a) (local.get $b)) (i32.clz (local.get $a)))))
  (func (export "long") (param $a i64) (param $b i64) (result i64)
    (i64.add (i64.rem_s (local.get $a) (local.get $b))
      (i64.add (i64.shr_s (local.get $a) (local.get $b)) (i64.popcnt (local.get $a)))))
  (func (export "float") (param $x f32) (param $y f64) (result f64)
    (f64.add (f64.promote_f32 (f32.min (local.get $x) (f32.const nan)))
      (f64.max (local.get $y) (f64.copysign (f64.const 1) (local.get $y)))))
  (func (export "conv") (param $x f64) (result i32)
    (i32.add (i32.trunc_f64_s (local.get $x)) (i32.trunc_sat_f64_u (local.get $x)))))
