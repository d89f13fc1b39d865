// The logistic loss of a margin m = y·⟨w, x⟩ and its derivative, in the overflow-free forms and
// with gs::dm's exp and log, so native and wasm builds agree bit for bit:
//   ℓ(m) = log(1 + e^{−m}) = max(−m, 0) + log(1 + e^{−|m|})
//   −ℓ'(m) = σ(−m) = 1/(1 + e^{m})   (e^{−m}/(1 + e^{−m}) for m > 0)
#pragma once

#include "core/detmath.hpp"

namespace gs::online {

inline double logistic_loss(double m) {
  return m > 0 ? dm::log(1 + dm::exp(-m)) : -m + dm::log(1 + dm::exp(m));
}

inline double logistic_weight(double m) {
  if (m > 0) {
    const double e = dm::exp(-m);
    return e / (1 + e);
  }
  return 1 / (1 + dm::exp(m));
}

}  // namespace gs::online
