// Whether this run is traced: `trace` is the tracer (internal/trace, which
// the bootstrap loads only for `tock trace`, `--trace` or `--diagnose`),
// undefined otherwise. Read it at call time.

// The label a traced Timeout or Immediate carries ("timer #3 (10 ms)").
exports.kTraceLabel = Symbol('traceLabel');
exports.trace = undefined;
