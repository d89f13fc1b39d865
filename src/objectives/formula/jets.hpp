// Each operation's value and derivatives at a point (a "jet"), and its domain: the arithmetic
// behind both the double and the dual-number evaluation, so both compute identical values.
#pragma once

#include <string>

#include "objectives/formula/functions.hpp"
#include "objectives/formula/ops.hpp"

namespace gs::formula {

// Value of a one-argument operation, plus f' and f'' when `derivatives`.
Jet1 unary_jet(Op op, double u, bool derivatives);
// Value of a two-argument operation, plus its partials when `derivatives`. When `b_varies` is
// false (a constant second argument) the partials in b are not needed and are set to 0: this
// keeps x^2 differentiable at x = 0 and (-2)^k defined for integer k.
Jet2 binary_jet(Op op, double a, double b, bool derivatives, bool b_varies);
// False where the operation is undefined: log, log2, log10 of a <= 0, sqrt of a < 0, asin and
// acos outside [-1, 1], division by 0, a negative base to a non-integer power.
bool in_domain(Op op, double a, double b);

// Why an evaluation stopped at an operation written at `column`: its argument was outside the
// domain ("log of a number ≤ 0 at column 5", "division by 0 at column 3"), or else its value
// ("exp has no finite value at column 1") or only its derivatives ("sqrt has no finite
// derivative at column 1") were not finite.
std::string domain_exit_message(Op op, int column, bool argument_outside, bool value_finite);

}  // namespace gs::formula
