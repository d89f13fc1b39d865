// The run loops of the sweep passes, over whole SIMD vectors only (a batch pads its runs to a
// multiple of 4), forced inline. A pass body is large, and when the loop is a separate function
// the compiler passes it the closure by address and reloads every captured pointer and flag from
// memory on each iteration (clang does so for wasm); inlined, the captures become registers.
#pragma once

#include <cstddef>
#include <type_traits>

#include "core/simd.hpp"

namespace gs::sweep {

// The run count a batch pads its arrays to: whole vectors of float and of double.
inline constexpr size_t kRunQuantum = 4;
constexpr size_t padded_runs(size_t n) { return (n + kRunQuantum - 1) / kRunQuantum * kRunQuantum; }

// body<V>(i) for i = 0, lanes<V>, … < n with V = simd::Vec<T>; n is padded_runs(·), so there is
// no scalar tail (and no second copy of the body in the code).
template <class T, class Body>
[[gnu::always_inline]] inline void for_each_vector(size_t n, Body body) {
  using V = simd::Vec<T>;
  for (size_t i = 0; i < n; i += V::lanes) body.template operator()<V>(i);
}

// f(std::integral_constant<size_t, k>{}) for k = 0 … N − 1, unrolled: an array that a loop body
// indexes this way keeps constant indices, so its elements stay in registers (a runtime loop
// over k would keep the array in memory).
template <size_t N, size_t k = 0, class F>
[[gnu::always_inline]] inline void static_for(F&& f) {
  if constexpr (k < N) {
    f(std::integral_constant<size_t, k>{});
    static_for<N, k + 1>(f);
  }
}

}  // namespace gs::sweep
