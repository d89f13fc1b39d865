// Drives a generic lane body over [0, n): 128-bit vectors while a whole vector fits, then the
// same body on scalars for the tail. The body is a template lambda `[=]<class V>(size_t i)`, so
// the vector loop and the tail run the same arithmetic in the same order.
//
// Codegen rules for the SIMD kernels (measured with bench/tools/kernel-loops.sh): capture by
// value, and turn every per-step flag into a template parameter with with_flags(). A by-reference
// closure or a runtime flag inside the loop made clang keep the closure in wasm linear memory,
// reloading ~24 pointers and splat constants every iteration (a 1.4x slowdown).
#pragma once

#include <cstddef>
#include <type_traits>

#include "core/simd.hpp"

namespace gs::optim {

template <class T, class Body>
inline void for_each_lane(size_t n, Body&& body) {
  using V = simd::Vec<T>;
  constexpr size_t kLanes = V::lanes;
  size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) body.template operator()<V>(i);
  for (; i < n; ++i) body.template operator()<T>(i);
}

// Calls f(std::bool_constant<b>{}...) for the runtime flags, so a kernel body sees them as
// compile-time constants (`if constexpr`) and its loop has no branches.
template <class F>
inline void with_flags(F&& f) {
  f();
}
template <class F, class... Rest>
inline void with_flags(F&& f, bool flag, Rest... rest) {
  if (flag) {
    with_flags([&](auto... flags) { f(std::true_type{}, flags...); }, rest...);
  } else {
    with_flags([&](auto... flags) { f(std::false_type{}, flags...); }, rest...);
  }
}

}  // namespace gs::optim
