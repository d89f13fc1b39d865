// What every objective of the catalog (src/objectives/catalog/<name>.hpp) is made of:
//   info()            its registry metadata: name, LaTeX, description, parameters, view box, start
//   bind(params)      the parameters as the formula reads them (Bound), computed once per objective
//   kLaneForm         whether evaluate is a template over the lane type W (double for one point,
//                     simd::F64x2 for the sweep's runs); the transcendental ones (gs::dm is scalar)
//                     are double only, and the sweep evaluates them run by run
//   evaluate(b, x, y, g)  f(x, y), and the analytic gradient into g[0], g[1] when g is non-null;
//                     the value expression is the same either way, so value() and
//                     value_and_gradient() agree bit for bit
//   hessian(b, x, y, h)  the exact Hessian {f_xx, f_xy, f_yy} into h[0], h[1], h[2]: double only,
//                     derived by hand from evaluate's formula with the same gs::dm functions (so
//                     native and wasm agree bit for bit); where f is not twice differentiable the
//                     entry documents what it returns. There is no default: a missing one fails to
//                     compile (tests/cpp/objective_hessian_test.cpp checks every entry against
//                     central differences of its gradient)
//   minima(b)         the known minima for the bound parameters
// A constant enters as lit<W>(c), with products of constants such as 4.0·b formed in double first
// exactly as the left-to-right double expression forms them, so every lane has the bits of the
// scalar call. Sources of the standard forms: see each entry, and Jamil & Yang, "A literature
// survey of benchmark functions for global optimisation problems" (2013).
#pragma once

#include <array>
#include <cmath>
#include <vector>

#include "core/detmath.hpp"
#include "core/simd.hpp"
#include "objectives/objective_info.hpp"

namespace gs::objectives::catalog {

constexpr double kPi = 0x1.921fb54442d18p+1;
constexpr double kTwoPi = 0x1.921fb54442d18p+2;
constexpr double kE = 0x1.5bf0a8b145769p+1;  // gs::dm::exp(1.0)

// The constant c as a W: c itself for double, c in every lane of a vector.
template <class W>
inline W lit(double c) {
  return simd::broadcast<W>(c);
}

// An objective's parameters as its formula reads them.
using Bound = std::array<double, 4>;

struct EntryBase {
  static constexpr bool kLaneForm = true;
  static Bound bind(const std::vector<double>&) { return {}; }
};

}  // namespace gs::objectives::catalog
