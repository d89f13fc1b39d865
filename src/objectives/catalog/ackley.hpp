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

  // The cone term's Hessian is 2e1/r·I − e1(0.2r + 1)/r · (x, y)(x, y)ᵀ/r², written with x/r and y/r
  // (at most √2) so that nothing underflows; the ripple term's is e2 times π(2π cos 2πx − π sin² 2πx)
  // on the diagonal (likewise in y) and −π² sin 2πx sin 2πy off it. At the origin, where the cone
  // term's curvature grows without bound like 1/r, its Hessian is taken as 0 (as its gradient is),
  // so h(0, 0) = 2π²e·I, the ripple term's alone.
  static void hessian(const Bound&, double x, double y, double h[3]) {
    const double r = std::sqrt(0.5 * (x * x + y * y));
    const double e1 = gs::dm::exp(-0.2 * r);
    const double sx = gs::dm::sin(kTwoPi * x), sy = gs::dm::sin(kTwoPi * y);
    const double cx = gs::dm::cos(kTwoPi * x), cy = gs::dm::cos(kTwoPi * y);
    const double e2 = gs::dm::exp(0.5 * (cx + cy));
    h[0] = kPi * e2 * (kTwoPi * cx - kPi * sx * sx);
    h[1] = -kPi * kPi * sx * sy * e2;
    h[2] = kPi * e2 * (kTwoPi * cy - kPi * sy * sy);
    if (r > 0.0) {
      const double cone = 2.0 * e1 / r;
      const double m = e1 * (0.2 * r + 1.0) / r;
      const double u = x / r, v = y / r;
      h[0] += cone - m * u * u;
      h[1] += -m * u * v;
      h[2] += cone - m * v * v;
    }
  }

  static std::vector<Minimum> minima(const Bound&) { return {{0.0, 0.0, 0.0, true}}; }
};

}  // namespace gs::objectives::catalog
