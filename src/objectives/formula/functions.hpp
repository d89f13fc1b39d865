// The built-in functions' values and first and second derivatives, in double precision, built
// only from gs::dm (exp, log, pow, sin, cos) and IEEE +, -, *, /, sqrt, so native and wasm
// evaluations agree bit for bit.
//
// Non-smooth points take documented subgradients: abs'(0) = 0, sign' = 0 everywhere,
// relu'(0) = 0, and min/max take the first argument's derivative on ties.
#pragma once

namespace gs::formula {

// f(u), f'(u), f''(u) of a one-argument function.
struct Jet1 {
  double f, d, dd;
};
// f(a, b), its partials f_a, f_b and second partials f_aa, f_ab, f_bb.
struct Jet2 {
  double f, da, db, daa, dab, dbb;
};

// Deterministic building blocks (also used directly by the tests).
double det_atan(double x);
double det_atan2(double y, double x);
double det_log1p(double x);
double det_sinh(double x);
double det_tanh(double x);
double det_cbrt(double x);
double det_hypot(double a, double b);

}  // namespace gs::formula
