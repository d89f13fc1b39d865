// Value and gradient of the 2-D objectives on double lanes (W = double or simd::F64x2), for the
// sweep engine, where each run is a run at its own point.
//
// An objective whose catalog entry has a lane form (catalog::EntryBase::kLaneForm: the polynomial
// ones) is evaluated on W with the same template the Objective runs on double, so every run has
// the bits of the Objective at its point (tests/cpp/sweep_objective_test.cpp checks every
// objective bit for bit). The transcendental ones (rastrigin, ackley, local_minima) have no run
// form: the engine calls Objective::value_and_gradient run by run for them (gs::dm is scalar).
#pragma once

#include "objectives/catalog/entry_base.hpp"
#include "objectives/objective.hpp"

namespace gs::sweep {

// f at (x, y) on every run, and its gradient, for Entry's lane form with bound parameters b.
template <class Entry, class W>
inline W value_and_gradient(const objectives::catalog::Bound& b, W x, W y, W& gx, W& gy) {
  W g[2];
  const W value = Entry::evaluate(b, x, y, g);
  gx = g[0];
  gy = g[1];
  return value;
}

}  // namespace gs::sweep
