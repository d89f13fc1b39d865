// Lane operations beyond core/simd.hpp that the optimizer rules (src/optim/rules) and the sweep
// engine (src/sweep) use, for every backend (wasm128, sse2, scalar) and for plain float/double
// (the scalar tail of a single run, lanes of an objective without a lane form, the per-step
// scalars of the first run of a batch):
//   - indicators: comparisons as 1.0 / 0.0 lanes (lt, le, ne), so masks are ordinary values that
//     multiply (and) and feed select_eq(mask, 1, x, y);
//   - any_ne: does any lane differ (a rare-event test, e.g. a lane just diverged);
//   - lane-wise deterministic functions (det_exp, det_log, det_pow, det_tanh, lane_min): core/detmath.hpp
//     on each lane in double, so every backend computes the bits of the scalar call;
//   - the double lanes of a float vector: split an F32x4 into two F64x2 and join two F64x2 into
//     one F32x4 (whole vectors: Emscripten 3.1.6's clang turns a demoted pair stored on its own into
//     scalar code). Float ↔ double conversion is exact one way and correctly rounded the other, so
//     a lane converted here has the bits of a scalar cast.
#pragma once

#include <cstddef>
#include <type_traits>

#include "core/detmath.hpp"
#include "core/simd.hpp"

namespace gs::simd {

// The double-precision lane type matching V: double for a scalar V, F64x2 for a vector.
template <class V>
using WideOf = std::conditional_t<std::is_floating_point_v<V>, double, F64x2>;

// ---- scalars ----
inline float indicator_lt(float a, float b) { return a < b ? 1.0f : 0.0f; }
inline double indicator_lt(double a, double b) { return a < b ? 1.0 : 0.0; }
inline float indicator_le(float a, float b) { return a <= b ? 1.0f : 0.0f; }
inline double indicator_le(double a, double b) { return a <= b ? 1.0 : 0.0; }
inline float indicator_ne(float a, float b) { return a != b ? 1.0f : 0.0f; }
inline double indicator_ne(double a, double b) { return a != b ? 1.0 : 0.0; }
inline bool any_ne(float a, float b) { return a != b; }
inline bool any_ne(double a, double b) { return a != b; }

#if defined(GS_SIMD_BACKEND_WASM128)

inline F32x4 indicator_lt(F32x4 a, F32x4 b) { return {wasm_v128_and(wasm_f32x4_lt(a.v, b.v), wasm_f32x4_splat(1.0f))}; }
inline F64x2 indicator_lt(F64x2 a, F64x2 b) { return {wasm_v128_and(wasm_f64x2_lt(a.v, b.v), wasm_f64x2_splat(1.0))}; }
inline F32x4 indicator_le(F32x4 a, F32x4 b) { return {wasm_v128_and(wasm_f32x4_le(a.v, b.v), wasm_f32x4_splat(1.0f))}; }
inline F64x2 indicator_le(F64x2 a, F64x2 b) { return {wasm_v128_and(wasm_f64x2_le(a.v, b.v), wasm_f64x2_splat(1.0))}; }
inline F32x4 indicator_ne(F32x4 a, F32x4 b) { return {wasm_v128_and(wasm_f32x4_ne(a.v, b.v), wasm_f32x4_splat(1.0f))}; }
inline F64x2 indicator_ne(F64x2 a, F64x2 b) { return {wasm_v128_and(wasm_f64x2_ne(a.v, b.v), wasm_f64x2_splat(1.0))}; }
inline bool any_ne(F32x4 a, F32x4 b) { return wasm_v128_any_true(wasm_f32x4_ne(a.v, b.v)); }
inline bool any_ne(F64x2 a, F64x2 b) { return wasm_v128_any_true(wasm_f64x2_ne(a.v, b.v)); }

inline void split(F32x4 v, F64x2& lo, F64x2& hi) {
  lo = {wasm_f64x2_promote_low_f32x4(v.v)};
  hi = {wasm_f64x2_promote_low_f32x4(wasm_i32x4_shuffle(v.v, v.v, 2, 3, 2, 3))};
}
inline F32x4 join(F64x2 lo, F64x2 hi) {
  return {wasm_i32x4_shuffle(wasm_f32x4_demote_f64x2_zero(lo.v), wasm_f32x4_demote_f64x2_zero(hi.v), 0, 1, 4, 5)};
}

#elif defined(GS_SIMD_BACKEND_SSE2)

inline F32x4 indicator_lt(F32x4 a, F32x4 b) { return {_mm_and_ps(_mm_cmplt_ps(a.v, b.v), _mm_set1_ps(1.0f))}; }
inline F64x2 indicator_lt(F64x2 a, F64x2 b) { return {_mm_and_pd(_mm_cmplt_pd(a.v, b.v), _mm_set1_pd(1.0))}; }
inline F32x4 indicator_le(F32x4 a, F32x4 b) { return {_mm_and_ps(_mm_cmple_ps(a.v, b.v), _mm_set1_ps(1.0f))}; }
inline F64x2 indicator_le(F64x2 a, F64x2 b) { return {_mm_and_pd(_mm_cmple_pd(a.v, b.v), _mm_set1_pd(1.0))}; }
inline F32x4 indicator_ne(F32x4 a, F32x4 b) { return {_mm_and_ps(_mm_cmpneq_ps(a.v, b.v), _mm_set1_ps(1.0f))}; }
inline F64x2 indicator_ne(F64x2 a, F64x2 b) { return {_mm_and_pd(_mm_cmpneq_pd(a.v, b.v), _mm_set1_pd(1.0))}; }
inline bool any_ne(F32x4 a, F32x4 b) { return _mm_movemask_ps(_mm_cmpneq_ps(a.v, b.v)) != 0; }
inline bool any_ne(F64x2 a, F64x2 b) { return _mm_movemask_pd(_mm_cmpneq_pd(a.v, b.v)) != 0; }

inline void split(F32x4 v, F64x2& lo, F64x2& hi) {
  lo = {_mm_cvtps_pd(v.v)};
  hi = {_mm_cvtps_pd(_mm_movehl_ps(v.v, v.v))};
}
inline F32x4 join(F64x2 lo, F64x2 hi) { return {_mm_movelh_ps(_mm_cvtpd_ps(lo.v), _mm_cvtpd_ps(hi.v))}; }

#else

template <class V, class F>
inline V indicator_map(V a, V b, F f) {
  V r;
  for (size_t i = 0; i < V::lanes; ++i) r.v[i] = f(a.v[i], b.v[i]);
  return r;
}
template <class V>
inline bool any_ne_map(V a, V b) {
  for (size_t i = 0; i < V::lanes; ++i)
    if (a.v[i] != b.v[i]) return true;
  return false;
}
inline F32x4 indicator_lt(F32x4 a, F32x4 b) { return indicator_map(a, b, [](float x, float y) { return indicator_lt(x, y); }); }
inline F64x2 indicator_lt(F64x2 a, F64x2 b) { return indicator_map(a, b, [](double x, double y) { return indicator_lt(x, y); }); }
inline F32x4 indicator_le(F32x4 a, F32x4 b) { return indicator_map(a, b, [](float x, float y) { return indicator_le(x, y); }); }
inline F64x2 indicator_le(F64x2 a, F64x2 b) { return indicator_map(a, b, [](double x, double y) { return indicator_le(x, y); }); }
inline F32x4 indicator_ne(F32x4 a, F32x4 b) { return indicator_map(a, b, [](float x, float y) { return indicator_ne(x, y); }); }
inline F64x2 indicator_ne(F64x2 a, F64x2 b) { return indicator_map(a, b, [](double x, double y) { return indicator_ne(x, y); }); }
inline bool any_ne(F32x4 a, F32x4 b) { return any_ne_map(a, b); }
inline bool any_ne(F64x2 a, F64x2 b) { return any_ne_map(a, b); }

inline void split(F32x4 v, F64x2& lo, F64x2& hi) {
  lo.v[0] = double(v.v[0]);
  lo.v[1] = double(v.v[1]);
  hi.v[0] = double(v.v[2]);
  hi.v[1] = double(v.v[3]);
}
inline F32x4 join(F64x2 lo, F64x2 hi) {
  F32x4 r;
  r.v[0] = float(lo.v[0]);
  r.v[1] = float(lo.v[1]);
  r.v[2] = float(hi.v[0]);
  r.v[3] = float(hi.v[1]);
  return r;
}

#endif

// The double lanes of V: parts[0] for a scalar V or F64x2, parts[0] and parts[1] (low and high
// pair) for F32x4.
template <class V>
inline void widen(V v, WideOf<V>* parts) {
  if constexpr (std::is_same_v<V, F32x4>) {
    split(v, parts[0], parts[1]);
  } else if constexpr (std::is_floating_point_v<V>) {
    parts[0] = static_cast<double>(v);
  } else {
    parts[0] = v;
  }
}

// The T lanes of V from the double lanes that compute them (the inverse layout of widen).
template <class V>
inline V narrow(const WideOf<V>* parts) {
  if constexpr (std::is_same_v<V, F32x4>) {
    return join(parts[0], parts[1]);
  } else if constexpr (std::is_floating_point_v<V>) {
    return static_cast<V>(parts[0]);
  } else {
    return parts[0];
  }
}

// How many double-lane parts make up one V.
template <class V>
constexpr size_t parts_of() {
  return lanes<V>() / lanes<WideOf<V>>();
}

// The scalar type of V's lanes.
template <class V>
struct LaneScalar {
  using type = V;
};
template <>
struct LaneScalar<F32x4> {
  using type = float;
};
template <>
struct LaneScalar<F64x2> {
  using type = double;
};

// f(a, b) on every lane, computed in double and rounded to the lane type once.
template <class V, class F>
inline V lanewise(V a, V b, F f) {
  if constexpr (std::is_floating_point_v<V>) {
    return static_cast<V>(f(static_cast<double>(a), static_cast<double>(b)));
  } else {
    using T = typename LaneScalar<V>::type;
    T x[V::lanes], y[V::lanes];
    a.store(x);
    b.store(y);
    for (size_t i = 0; i < V::lanes; ++i) x[i] = static_cast<T>(f(static_cast<double>(x[i]), static_cast<double>(y[i])));
    return V::load(x);
  }
}

template <class V>
inline V det_exp(V a) {
  return lanewise(a, a, [](double x, double) { return dm::exp(x); });
}
template <class V>
inline V det_log(V a) {
  return lanewise(a, a, [](double x, double) { return dm::log(x); });
}
template <class V>
inline V det_pow(V a, V b) {
  return lanewise(a, b, [](double x, double y) { return dm::pow(x, y); });
}
template <class V>
inline V det_tanh(V a) {
  return lanewise(a, a, [](double x, double) { return dm::tanh(x); });
}
// (b < a ? b : a), the mirror of max.
template <class V>
inline V lane_min(V a, V b) {
  return lanewise(a, b, [](double x, double y) { return y < x ? y : x; });
}

}  // namespace gs::simd
