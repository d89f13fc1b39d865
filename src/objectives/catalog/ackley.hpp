// Ackley, "A Connectionist Machine for Genetic Hillclimbing", Kluwer (1987), with a = 20, b = 0.2,
// c = 2π: −20 exp(−0.2 √((x² + y²)/2)) − exp((cos 2πx + cos 2πy)/2) + e + 20, evaluated as
// 20 (1 − e1) + (e − e2) so that f(0, 0) is exactly 0. The gradient of the cone term is taken as 0
// at the origin.
#pragma once

#include "objectives/catalog/entry_base.hpp"

namespace gs::objectives::catalog {

struct Ackley : EntryBase {
  static constexpr bool kLaneForm = false;
  static ObjectiveInfo info() {
    return {"ackley", "Ackley",
            R"(-20\,e^{-0.2\sqrt{(x^2 + y^2)/2}} - e^{(\cos 2\pi x + \cos 2\pi y)/2} + e + 20)",
            "Ackley (1987) with a = 20, b = 0.2, c = 2 pi: a nearly flat, rippled plateau around a "
            "deep funnel; global minimum f(0, 0) = 0 (a cone point, where the gradient is taken as 0).",
            {},
            {-5.0, 5.0, -5.0, 5.0},
            {-3.5, 3.0}};
  }

  static double evaluate(const Bound&, double x, double y, double* g) {
    const double r = std::sqrt(0.5 * (x * x + y * y));
    const double e1 = gs::dm::exp(-0.2 * r);
    const double e2 = gs::dm::exp(0.5 * (gs::dm::cos(kTwoPi * x) + gs::dm::cos(kTwoPi * y)));
    if (g) {
      const double cone = r > 0.0 ? 2.0 * e1 / r : 0.0;
      g[0] = cone * x + kPi * gs::dm::sin(kTwoPi * x) * e2;
      g[1] = cone * y + kPi * gs::dm::sin(kTwoPi * y) * e2;
    }
    return 20.0 * (1.0 - e1) + (kE - e2);
  }

  static std::vector<Minimum> minima(const Bound&) { return {{0.0, 0.0, 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
