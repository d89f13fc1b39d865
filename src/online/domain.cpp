#include "online/domain.hpp"

#include <cmath>
#include <cstdint>

#include "core/detmath.hpp"
#include "core/simd.hpp"
#include "online/vector_ops.hpp"

namespace gs::online {

namespace {

// 1 when the bits are those of a NaN or an infinity (exponent all ones).
inline uint64_t non_finite_bit(double v) {
  constexpr uint64_t kExponent = 0x7ff0000000000000ULL;
  return (dm::to_bits(v) & kExponent) == kExponent;
}

// Clips to [lo, −lo] with the vectors' max (a < b ? b : a), which keeps NaN: max(v, lo) and
// −max(−a, lo) = min(a, −lo). Multiplying by −1 keeps the sign of a zero.
template <class V>
inline V clip(V v, V lo, V minus_one) {
  using simd::max;
  const V a = max(v, lo);
  return minus_one * max(minus_one * a, lo);
}

// The box projection in 128-bit vectors, two per iteration. v − v is 0 for a finite v and NaN
// otherwise; two independent running sums of it detect a non-finite value without a long
// dependency chain (d = 10,000 and more).
bool project_box(double* x, size_t n, double r) {
  using V = simd::Vec<double>;
  constexpr size_t kLanes = simd::lanes<V>();
  const V lo = simd::broadcast<V>(-r), minus_one = simd::broadcast<V>(-1.0);
  V check0 = simd::broadcast<V>(0.0), check1 = check0;
  size_t i = 0;
  for (; i + 2 * kLanes <= n; i += 2 * kLanes) {
    const V v0 = simd::load<V>(x + i), v1 = simd::load<V>(x + i + kLanes);
    check0 = check0 + (v0 - v0);
    check1 = check1 + (v1 - v1);
    simd::store(x + i, clip(v0, lo, minus_one));
    simd::store(x + i + kLanes, clip(v1, lo, minus_one));
  }
  double lanes[kLanes];
  simd::store(lanes, check0 + check1);
  uint64_t bad = 0;
  for (double l : lanes) bad |= non_finite_bit(l);
  for (; i < n; ++i) {
    bad |= non_finite_bit(x[i]);
    x[i] = clip(x[i], -r, -1.0);
  }
  return bad == 0;
}

}  // namespace

const char* domain_type_name(DomainType type) { return type == DomainType::Box ? "box" : "ball"; }

bool Domain::project(double* x, size_t n) const {
  const double r = radius;
  if (type == DomainType::Box) return project_box(x, n, r);
  const double norm2 = sum_of_squares(x, n);
  if (!std::isfinite(norm2)) {
    uint64_t bad = 0;
    for (size_t i = 0; i < n; ++i) bad |= non_finite_bit(x[i]);
    if (bad) return false;
    // Finite coordinates whose squares overflow: rescale before taking the norm.
    double largest = 0;
    for (size_t i = 0; i < n; ++i) largest = std::fabs(x[i]) > largest ? std::fabs(x[i]) : largest;
    double scaled = 0;
    for (size_t i = 0; i < n; ++i) scaled += (x[i] / largest) * (x[i] / largest);
    const double factor = r / (largest * std::sqrt(scaled));
    for (size_t i = 0; i < n; ++i) x[i] = x[i] * factor;
    return true;
  }
  if (norm2 > r * r) {
    const double factor = r / std::sqrt(norm2);
    for (size_t i = 0; i < n; ++i) x[i] = x[i] * factor;
  }
  return true;
}

bool Domain::contains(const double* x, size_t n, double slack) const {
  if (type == DomainType::Box) {
    for (size_t i = 0; i < n; ++i)
      if (!(std::fabs(x[i]) <= radius * (1 + slack))) return false;
    return true;
  }
  return std::sqrt(sum_of_squares(x, n)) <= radius * (1 + slack);
}

double Domain::diameter_l2(size_t n) const {
  return type == DomainType::Box ? 2 * radius * std::sqrt(static_cast<double>(n)) : 2 * radius;
}

double Domain::minimize_linear(const double* a, size_t n, double* x) const {
  const double r = radius;
  if (type == DomainType::Box) {
    double value = 0;
    for (size_t i = 0; i < n; ++i) {
      x[i] = a[i] > 0 ? -r : (a[i] < 0 ? r : 0);
      value += a[i] * x[i];
    }
    return value;
  }
  const double norm = std::sqrt(sum_of_squares(a, n));
  double value = 0;
  for (size_t i = 0; i < n; ++i) {
    x[i] = norm > 0 ? -r * (a[i] / norm) : 0;
    value += a[i] * x[i];
  }
  return value;
}

double Domain::duality_gap(const double* x, const double* g, size_t n) const {
  double inner = 0, support = 0;
  if (type == DomainType::Box) {
    for (size_t i = 0; i < n; ++i) {
      inner += g[i] * x[i];
      support += std::fabs(g[i]);
    }
    support *= radius;
  } else {
    inner = dot(g, x, n);
    support = radius * std::sqrt(sum_of_squares(g, n));
  }
  const double gap = inner + support;
  return gap > 0 ? gap : 0;
}

}  // namespace gs::online
