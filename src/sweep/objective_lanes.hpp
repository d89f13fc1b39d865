// Value and gradient of the 2-D objectives on double lanes (W = double or simd::F64x2), for the
// sweep engine, where each lane is a run at its own point.
//
// The polynomial objectives have a lane form: objectives/formulas.hpp's own templates, the code
// Objective::value_and_gradient runs, on W, so every lane has the bits of the Objective at its
// point (tests/cpp/sweep_objective_test.cpp checks every objective bit for bit). The
// transcendental objectives (rastrigin, ackley, local_minima) have no lane form: the engine calls
// Objective::value_and_gradient lane by lane for them (gs::dm is scalar).
#pragma once

#include "core/simd.hpp"
#include "objectives/formulas.hpp"
#include "objectives/objective.hpp"

namespace gs::sweep {

enum class LaneObjective {
  Rosenbrock,
  Beale,
  Himmelblau,
  Booth,
  Quadratic,
  Saddle,
  StyblinskiTang,
  GoldsteinPrice,
  PerLane,  // no lane form: Objective::value_and_gradient on each lane
};

// Which lane form an objective has, and its parameters (the quadratic's cos and sin of the angle
// computed as the Objective computes them).
struct ObjectiveLanes {
  LaneObjective kind = LaneObjective::PerLane;
  double p0 = 0, p1 = 0;  // rosenbrock a, b; quadratic kappa
  double c = 1, s = 0;    // quadratic: cos, sin of the rotation
};

ObjectiveLanes objective_lanes(const objectives::Objective& objective);


// f at (x, y) on every lane, and its gradient, for an objective with a lane form (kind != PerLane).
template <LaneObjective K, class W>
inline W value_and_gradient(const ObjectiveLanes& o, W x, W y, W& gx, W& gy) {
  namespace f = objectives::formulas;
  W g[2];
  W value;
  if constexpr (K == LaneObjective::Rosenbrock) value = f::rosenbrock(o.p0, o.p1, x, y, g);
  else if constexpr (K == LaneObjective::Beale) value = f::beale(x, y, g);
  else if constexpr (K == LaneObjective::Himmelblau) value = f::himmelblau(x, y, g);
  else if constexpr (K == LaneObjective::Booth) value = f::booth(x, y, g);
  else if constexpr (K == LaneObjective::Quadratic) value = f::quadratic(o.p0, o.c, o.s, x, y, g);
  else if constexpr (K == LaneObjective::Saddle) value = f::saddle(x, y, g);
  else if constexpr (K == LaneObjective::StyblinskiTang) value = f::styblinski_tang(x, y, g);
  else value = f::goldstein_price(x, y, g);
  gx = g[0];
  gy = g[1];
  return value;
}

}  // namespace gs::sweep
