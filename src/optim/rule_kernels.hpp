// A rule's RuleOps (optimizer.hpp) but its reference twin: its SIMD kernel (simd_kernel.hpp, at full
// optimisation: the hot path) and its look-ahead point. The reference twins are entered apart
// (rule_references.cpp, optim/pack/pack_references.cpp), compiled for size. Instantiated by the
// core's table (rule_ops.cpp) and by the optimizer pack's (optim/pack/pack_kernels.cpp).
#pragma once

#include "optim/optimizer.hpp"
#include "optim/rules/all.hpp"
#include "optim/simd_kernel.hpp"

namespace gs::optim {

template <class Rule, class T>
void lookahead_point(double mu, const T* params, const T* const* state, T* out, size_t n) {
  const T m = T(mu);
  for (size_t i = 0; i < n; ++i) out[i] = Rule::template lookahead<T>(m, params[i], state, i);
}

template <class Rule, class T>
RuleOps<T> ops_of() {
  if constexpr (Rule::kLookahead) {
    return {Rule::kSlots, true, nullptr, simd_kernel<Rule, T>, lookahead_point<Rule, T>};
  } else {
    return {Rule::kSlots, false, nullptr, simd_kernel<Rule, T>, nullptr};
  }
}

}  // namespace gs::optim
