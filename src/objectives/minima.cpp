// Known minima of each objective as a function of its parameters.
//
// Closed-form minima carry their exact value. Minima known only numerically
// (roots computed offline to 200 bits with mpmath, rounded to the nearest
// double) carry f evaluated at the rounded location.
#include <iterator>
#include <vector>

#include "objectives/objective.hpp"

namespace gs::objectives {

namespace {

// Himmelblau's four zeros.
constexpr Minimum kHimmelblau[] = {
    {3.0, 2.0, 0.0, true},
    {-2.805118086952745, 3.131312518250573, 0.0, true},
    {-3.779310253377747, -3.2831859912861696, 0.0, true},
    {3.5844283403304917, -1.8481265269644036, 0.0, true},
};

// Roots of 4x^3 - 32x + 5 = 0 (Styblinski-Tang's 1-D stationary minima).
constexpr double kStDeep = -2.903534027771177;
constexpr double kStShallow = 2.746802770990837;

// Stationary points of local_minima on the x axis (y = 0 by symmetry).
constexpr double kLocalDeepX = 1.4058311956962792;
constexpr double kLocalShallowX = -0.8347715735883188;

}  // namespace

std::vector<Minimum> Objective::minima() const {
  switch (kind_) {
    case Kind::kRosenbrock: {
      const double a = params_[0];
      return {{a, a * a, 0.0, true}};
    }
    case Kind::kBeale: return {{3.0, 0.5, 0.0, true}};
    case Kind::kHimmelblau: return {std::begin(kHimmelblau), std::end(kHimmelblau)};
    case Kind::kBooth: return {{1.0, 3.0, 0.0, true}};
    case Kind::kQuadratic: return {{0.0, 0.0, 0.0, true}};
    case Kind::kSaddle: return {};
    case Kind::kRastrigin: return {{0.0, 0.0, 0.0, true}};
    case Kind::kAckley: return {{0.0, 0.0, 0.0, true}};
    case Kind::kStyblinskiTang:
      return {{kStDeep, kStDeep, value(kStDeep, kStDeep), true},
              {kStShallow, kStDeep, value(kStShallow, kStDeep), false},
              {kStDeep, kStShallow, value(kStDeep, kStShallow), false},
              {kStShallow, kStShallow, value(kStShallow, kStShallow), false}};
    case Kind::kGoldsteinPrice:
      return {{0.0, -1.0, 3.0, true},
              {-0.6, -0.4, 30.0, false},
              {1.8, 0.2, 84.0, false},
              {1.2, 0.8, 840.0, false}};
    case Kind::kLocalMinima:
      return {{kLocalDeepX, 0.0, value(kLocalDeepX, 0.0), true},
              {kLocalShallowX, 0.0, value(kLocalShallowX, 0.0), false}};
    case Kind::kUnknown: break;
  }
  return {};
}

}  // namespace gs::objectives
