// Drives a generic lane body over [0, n): 128-bit vectors while a whole vector fits, then the
// same body on scalars for the tail. The body is a template lambda `[&]<class V>(size_t i)`, so
// the vector loop and the tail run the same arithmetic in the same order.
#pragma once

#include <cstddef>

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

}  // namespace gs::optim
