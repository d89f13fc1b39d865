// One run's step on n parameters through its rule's update body: 128-bit vectors while a whole
// vector fits, then the same body on scalars for the tail, so the vector loop and the tail run the
// same arithmetic in the same order. The coefficients are the rule's (computed in double from the
// step's scalars, rounded to T once per step) and the flags become template parameters.
#pragma once

#include <array>
#include <cstddef>
#include <utility>

#include "core/simd.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim {

// body<V>(i) for i = 0, lanes, … over whole vectors, then body<T>(i) for the tail. The body is a
// template lambda `[=]<class V>(size_t i)` that captures by value (rules/rule_base.hpp's codegen notes).
template <class T, class Body>
inline void for_each_lane(size_t n, Body&& body) {
  using V = simd::Vec<T>;
  constexpr size_t kLanes = V::lanes;
  size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) body.template operator()<V>(i);
  for (; i < n; ++i) body.template operator()<T>(i);
}

template <class V, class T, size_t N, size_t... k>
inline std::array<V, N> broadcast_all(const std::array<T, N>& c, std::index_sequence<k...>) {
  return {simd::broadcast<V>(c[k])...};
}

template <class Rule, class T, bool... kFlags>
void simd_loop(const std::array<T, Rule::kCount> c, T* p, const T* g, T* const* state, size_t n) {
  T* slot[kMaxSlots] = {};
  for (int k = 0; k < Rule::kSlots; ++k) slot[k] = state[k];
  for_each_lane<T>(n, [=]<class V>(size_t i) {
    const std::array<V, Rule::kCount> cv = broadcast_all<V>(c, std::make_index_sequence<Rule::kCount>{});
    simd::store(p + i, Rule::template update<kFlags...>(cv, simd::load<V>(p + i), simd::load<V>(g + i), slot, i));
  });
}

// The SIMD form of Rule's step (a KernelFn, beside Rule::reference).
template <class Rule, class T>
void simd_kernel(const StepScalars& s, T* p, const T* g, T* const* state, size_t n) {
  const std::array<double, Rule::kCount> wide = Rule::coefficients(static_cast<const ScalarLanes<double>&>(s), s.hyper);
  std::array<T, Rule::kCount> c;
  for (size_t k = 0; k < Rule::kCount; ++k) c[k] = static_cast<T>(wide[k]);
  Rule::dispatch(s.flags, [&](auto... flags) { simd_loop<Rule, T, decltype(flags)::value...>(c, p, g, state, n); });
}

}  // namespace gs::optim
