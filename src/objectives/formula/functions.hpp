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

}  // namespace gs::formula
