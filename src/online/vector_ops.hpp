// Reductions over d coordinates in four interleaved partial sums combined in a fixed order: a
// quarter of the latency of one running sum (d = 10,000 and more), and the same bits on every
// platform (no reassociation is left to the compiler).
#pragma once

#include <cstddef>

namespace gs::online {

inline double dot(const double* a, const double* b, size_t n) {
  double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  size_t i = 0;
  for (; i + 4 <= n; i += 4) {
    s0 += a[i] * b[i];
    s1 += a[i + 1] * b[i + 1];
    s2 += a[i + 2] * b[i + 2];
    s3 += a[i + 3] * b[i + 3];
  }
  double tail = 0;
  for (; i < n; ++i) tail += a[i] * b[i];
  return ((s0 + s1) + (s2 + s3)) + tail;
}

inline double sum_of_squares(const double* x, size_t n) { return dot(x, x, n); }

}  // namespace gs::online
