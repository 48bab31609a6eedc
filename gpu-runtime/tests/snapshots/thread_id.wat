;; The gpu.thread_id intrinsic: each thread stores one byte at base + thread_id.
(module
  (import "gpu" "thread_id" (func $thread_id (result i32)))
  (memory 17)
  (func (export "main") (param $base i32) (result i32)
    (i32.store8 (i32.add (local.get $base) (call $thread_id)) (call $thread_id))
    (call $thread_id)))
