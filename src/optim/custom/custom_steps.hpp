// A custom rule's step of one coordinate in the run's precision T, shared by the single run
// (engine/run_session.cpp) and the sweep (sweep/batch_passes.hpp), so that a sweep cell is the
// single run bit for bit: θ, g and the states are stored in T, the rule computes in double
// (custom_rule.hpp) and its results are rounded to T (in f64 the rounding is the identity).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "optim/custom/custom_rule.hpp"

namespace gs::optim::custom {

// Step t of coordinate j: theta and slots[k][j] (state k) updated in place. False, with `why`
// ("line 4, column 12: …"), when the rule fails there; theta and the states are then unchanged.
template <class T>
inline bool step_coordinate(const CustomRule& rule, uint64_t t, const double* hyper, T& theta, T g, T* const* slots,
                            size_t j, std::string& why) {
  double state[kMaxStates];
  const size_t states = rule.states().size();
  for (size_t k = 0; k < states; ++k) state[k] = static_cast<double>(slots[k][j]);
  bool ok = false;
  const double next = rule.step(static_cast<double>(theta), static_cast<double>(g), static_cast<double>(t), hyper,
                                state, ok, why);
  if (!ok) return false;
  theta = static_cast<T>(next);
  for (size_t k = 0; k < states; ++k) slots[k][j] = static_cast<T>(state[k]);
  return true;
}

}  // namespace gs::optim::custom
