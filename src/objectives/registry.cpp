// The objective registry: the metadata from which the UI and the config
// validation are generated. The formulas themselves are in formulas.hpp and
// the known minima in minima.cpp.
#include <string_view>
#include <vector>

#include "objectives/objective.hpp"

namespace gs::objectives {

const std::vector<ObjectiveInfo>& registry() {
  static const std::vector<ObjectiveInfo> kRegistry = {
      {"rosenbrock", "Rosenbrock", R"((a - x)^2 + b\,(y - x^2)^2)",
       "Rosenbrock (1960): a curved, flat-bottomed banana valley; global minimum f(a, a^2) = 0 "
       "(for b = 0 every point with x = a is a minimum).",
       {{"a", 1.0, -5.0, 5.0, "x of the minimum (a, a^2)"},
        {"b", 100.0, 0.0, 1000.0, "steepness of the valley walls"}},
       {-2.0, 2.0, -1.0, 3.0},
       {-1.5, 2.0}},
      {"beale", "Beale", R"((1.5 - x + xy)^2 + (2.25 - x + xy^2)^2 + (2.625 - x + xy^3)^2)",
       "Beale (1958): flat plateaus between steep ridges; global minimum f(3, 0.5) = 0.",
       {},
       {-4.5, 4.5, -4.5, 4.5},
       {1.0, 1.5}},
      {"himmelblau", "Himmelblau", R"((x^2 + y - 11)^2 + (x + y^2 - 7)^2)",
       "Himmelblau (1972): four global minima with f = 0, at (3, 2), (-2.805, 3.131), "
       "(-3.779, -3.283) and (3.584, -1.848), around a local maximum near (-0.27, -0.92).",
       {},
       {-5.0, 5.0, -5.0, 5.0},
       {0.0, 0.0}},
      {"booth", "Booth", R"((x + 2y - 7)^2 + (2x + y - 5)^2)",
       "Booth: a convex quadratic with Hessian eigenvalues 18 and 2; global minimum f(1, 3) = 0.",
       {},
       {-10.0, 10.0, -10.0, 10.0},
       {-8.0, 8.0}},
      {"quadratic", "Ill-conditioned quadratic",
       R"(\tfrac12\left(u^2 + \kappa\,w^2\right),\quad u = x\cos\theta - y\sin\theta,\ )"
       R"(w = x\sin\theta + y\cos\theta,\ \theta = \text{angle}\cdot\pi/180)",
       "A convex quadratic with condition number kappa whose principal axes are rotated by "
       "angle degrees; minimum f(0, 0) = 0.",
       {{"kappa", 10.0, 1.0, 1e4, "condition number: curvature along w over curvature along u"},
        {"angle", 0.0, -180.0, 180.0, "rotation of the principal axes, in degrees"}},
       {-3.0, 3.0, -3.0, 3.0},
       {-2.5, 1.5}},
      {"saddle", "Saddle", R"(x^2 - y^2)",
       "A saddle point at the origin; unbounded below along y, so there is no minimum.",
       {},
       {-2.0, 2.0, -2.0, 2.0},
       {-1.5, 0.01}},
      {"rastrigin", "Rastrigin", R"(2A + \sum_{i=1}^{2}\left(x_i^2 - A\cos(2\pi x_i)\right))",
       "Rastrigin (1974): a bowl covered by a regular grid of local minima; global minimum "
       "f(0, 0) = 0.",
       {{"A", 10.0, 0.0, 100.0, "amplitude of the cosine ripples"}},
       {-5.12, 5.12, -5.12, 5.12},
       {-4.3, 3.7}},
      {"ackley", "Ackley",
       R"(-20\,e^{-0.2\sqrt{(x^2 + y^2)/2}} - e^{(\cos 2\pi x + \cos 2\pi y)/2} + e + 20)",
       "Ackley (1987) with a = 20, b = 0.2, c = 2 pi: a nearly flat, rippled plateau around a "
       "deep funnel; global minimum f(0, 0) = 0 (a cone point, where the gradient is taken as 0).",
       {},
       {-5.0, 5.0, -5.0, 5.0},
       {-3.5, 3.0}},
      {"styblinski_tang", "Styblinski-Tang", R"(\tfrac12\sum_{i=1}^{2}\left(x_i^4 - 16x_i^2 + 5x_i\right))",
       "Styblinski-Tang (1990): four basins; global minimum f(-2.9035, -2.9035) = -78.332, "
       "local minima where a coordinate is 2.7468 instead.",
       {},
       {-5.0, 5.0, -5.0, 5.0},
       {4.0, 4.5}},
      {"goldstein_price", "Goldstein-Price",
       R"(\left[1 + (x + y + 1)^2\left(19 - 14x + 3x^2 - 14y + 6xy + 3y^2\right)\right])"
       R"(\left[30 + (2x - 3y)^2\left(18 - 32x + 12x^2 + 48y - 36xy + 27y^2\right)\right])",
       "Goldstein-Price (1971): steep walls and values over six orders of magnitude; global "
       "minimum f(0, -1) = 3, local minima f(-0.6, -0.4) = 30, f(1.8, 0.2) = 84, f(1.2, 0.8) = 840.",
       {},
       {-2.0, 2.0, -2.0, 2.0},
       {-1.0, 1.0}},
      {"local_minima", "Shallow and deep basin",
       R"(\tfrac{1}{10}\left(x^2 + y^2\right) - e^{-2\left((x + 1)^2 + y^2\right)})"
       R"( - 3\,e^{-\frac12\left((x - 1.5)^2 + y^2\right)})",
       "A gentle bowl minus a narrow, shallow Gaussian dip at (-1, 0) and a wide, deep one at "
       "(1.5, 0): local minimum f(-0.835, 0) = -1.074 behind a barrier of height 0.115, global "
       "minimum f(1.406, 0) = -2.789. From the default start (-3, 0.5), SGD (lr 0.1) stops in "
       "the shallow basin; SGD with momentum 0.9 at the same lr rolls on into the deep one.",
       {},
       {-4.0, 4.0, -3.0, 3.0},
       {-3.0, 0.5}},
  };
  return kRegistry;
}

const ObjectiveInfo* find(std::string_view name) {
  for (const ObjectiveInfo& info : registry()) {
    if (name == info.name) return &info;
  }
  return nullptr;
}

}  // namespace gs::objectives
