// 128-bit SIMD vectors for the optimizer kernels: Vec<float> has 4 lanes, Vec<double> 2.
//
// Backends, picked at compile time:
//   wasm128 : WebAssembly SIMD (<wasm_simd128.h>, built with -msimd128)
//   sse2    : native x86-64 (every x86-64 CPU has SSE2), so native figures use 128-bit vectors too
//   scalar  : portable lane loops (the wasm scalar build, other native targets)
// Every operation is an IEEE-exact lane-wise operation (add, sub, mul, div, sqrt, max, select),
// so a kernel written with Vec gives bit-identical results on every backend when compiled with
// -ffp-contract=off. max(a, b) is defined as (a < b ? b : a) on every backend, matching std::max.
#pragma once

#include <cmath>
#include <cstddef>
#include <type_traits>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#define GS_SIMD_BACKEND_WASM128 1
#elif defined(__SSE2__) && !defined(GS_FORCE_SCALAR_SIMD)
#include <emmintrin.h>
#define GS_SIMD_BACKEND_SSE2 1
#else
#define GS_SIMD_BACKEND_SCALAR 1
#endif

namespace gs::simd {

constexpr const char* backend_name() {
#if defined(GS_SIMD_BACKEND_WASM128)
  return "wasm128";
#elif defined(GS_SIMD_BACKEND_SSE2)
  return "sse2";
#else
  return "scalar";
#endif
}

#if defined(GS_SIMD_BACKEND_WASM128)

struct F32x4 {
  static constexpr size_t lanes = 4;
  v128_t v;
  static F32x4 load(const float* p) { return {wasm_v128_load(p)}; }
  static F32x4 splat(float x) { return {wasm_f32x4_splat(x)}; }
  void store(float* p) const { wasm_v128_store(p, v); }
  friend F32x4 operator+(F32x4 a, F32x4 b) { return {wasm_f32x4_add(a.v, b.v)}; }
  friend F32x4 operator-(F32x4 a, F32x4 b) { return {wasm_f32x4_sub(a.v, b.v)}; }
  friend F32x4 operator*(F32x4 a, F32x4 b) { return {wasm_f32x4_mul(a.v, b.v)}; }
  friend F32x4 operator/(F32x4 a, F32x4 b) { return {wasm_f32x4_div(a.v, b.v)}; }
  friend F32x4 sqrt(F32x4 a) { return {wasm_f32x4_sqrt(a.v)}; }
  friend F32x4 abs(F32x4 a) { return {wasm_f32x4_abs(a.v)}; }
  friend F32x4 max(F32x4 a, F32x4 b) { return {wasm_f32x4_pmax(a.v, b.v)}; }
  // Lanes where a == b take x, the others y.
  friend F32x4 select_eq(F32x4 a, F32x4 b, F32x4 x, F32x4 y) {
    return {wasm_v128_bitselect(x.v, y.v, wasm_f32x4_eq(a.v, b.v))};
  }
};

struct F64x2 {
  static constexpr size_t lanes = 2;
  v128_t v;
  static F64x2 load(const double* p) { return {wasm_v128_load(p)}; }
  static F64x2 splat(double x) { return {wasm_f64x2_splat(x)}; }
  void store(double* p) const { wasm_v128_store(p, v); }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {wasm_f64x2_add(a.v, b.v)}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {wasm_f64x2_sub(a.v, b.v)}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {wasm_f64x2_mul(a.v, b.v)}; }
  friend F64x2 operator/(F64x2 a, F64x2 b) { return {wasm_f64x2_div(a.v, b.v)}; }
  friend F64x2 sqrt(F64x2 a) { return {wasm_f64x2_sqrt(a.v)}; }
  friend F64x2 abs(F64x2 a) { return {wasm_f64x2_abs(a.v)}; }
  friend F64x2 max(F64x2 a, F64x2 b) { return {wasm_f64x2_pmax(a.v, b.v)}; }
  friend F64x2 select_eq(F64x2 a, F64x2 b, F64x2 x, F64x2 y) {
    return {wasm_v128_bitselect(x.v, y.v, wasm_f64x2_eq(a.v, b.v))};
  }
};

#elif defined(GS_SIMD_BACKEND_SSE2)

struct F32x4 {
  static constexpr size_t lanes = 4;
  __m128 v;
  static F32x4 load(const float* p) { return {_mm_loadu_ps(p)}; }
  static F32x4 splat(float x) { return {_mm_set1_ps(x)}; }
  void store(float* p) const { _mm_storeu_ps(p, v); }
  friend F32x4 operator+(F32x4 a, F32x4 b) { return {_mm_add_ps(a.v, b.v)}; }
  friend F32x4 operator-(F32x4 a, F32x4 b) { return {_mm_sub_ps(a.v, b.v)}; }
  friend F32x4 operator*(F32x4 a, F32x4 b) { return {_mm_mul_ps(a.v, b.v)}; }
  friend F32x4 operator/(F32x4 a, F32x4 b) { return {_mm_div_ps(a.v, b.v)}; }
  friend F32x4 sqrt(F32x4 a) { return {_mm_sqrt_ps(a.v)}; }
  friend F32x4 abs(F32x4 a) { return {_mm_andnot_ps(_mm_set1_ps(-0.0f), a.v)}; }
  // _mm_max_ps(x, y) is (x > y ? x : y); with x = b, y = a that is (a < b ? b : a).
  friend F32x4 max(F32x4 a, F32x4 b) { return {_mm_max_ps(b.v, a.v)}; }
  friend F32x4 select_eq(F32x4 a, F32x4 b, F32x4 x, F32x4 y) {
    __m128 m = _mm_cmpeq_ps(a.v, b.v);
    return {_mm_or_ps(_mm_and_ps(m, x.v), _mm_andnot_ps(m, y.v))};
  }
};

struct F64x2 {
  static constexpr size_t lanes = 2;
  __m128d v;
  static F64x2 load(const double* p) { return {_mm_loadu_pd(p)}; }
  static F64x2 splat(double x) { return {_mm_set1_pd(x)}; }
  void store(double* p) const { _mm_storeu_pd(p, v); }
  friend F64x2 operator+(F64x2 a, F64x2 b) { return {_mm_add_pd(a.v, b.v)}; }
  friend F64x2 operator-(F64x2 a, F64x2 b) { return {_mm_sub_pd(a.v, b.v)}; }
  friend F64x2 operator*(F64x2 a, F64x2 b) { return {_mm_mul_pd(a.v, b.v)}; }
  friend F64x2 operator/(F64x2 a, F64x2 b) { return {_mm_div_pd(a.v, b.v)}; }
  friend F64x2 sqrt(F64x2 a) { return {_mm_sqrt_pd(a.v)}; }
  friend F64x2 abs(F64x2 a) { return {_mm_andnot_pd(_mm_set1_pd(-0.0), a.v)}; }
  friend F64x2 max(F64x2 a, F64x2 b) { return {_mm_max_pd(b.v, a.v)}; }
  friend F64x2 select_eq(F64x2 a, F64x2 b, F64x2 x, F64x2 y) {
    __m128d m = _mm_cmpeq_pd(a.v, b.v);
    return {_mm_or_pd(_mm_and_pd(m, x.v), _mm_andnot_pd(m, y.v))};
  }
};

#else

template <class T, size_t N>
struct LaneVec {
  static constexpr size_t lanes = N;
  T v[N];
  static LaneVec load(const T* p) {
    LaneVec r;
    for (size_t i = 0; i < N; ++i) r.v[i] = p[i];
    return r;
  }
  static LaneVec splat(T x) {
    LaneVec r;
    for (size_t i = 0; i < N; ++i) r.v[i] = x;
    return r;
  }
  void store(T* p) const {
    for (size_t i = 0; i < N; ++i) p[i] = v[i];
  }
  template <class F>
  static LaneVec map(LaneVec a, LaneVec b, F f) {
    LaneVec r;
    for (size_t i = 0; i < N; ++i) r.v[i] = f(a.v[i], b.v[i]);
    return r;
  }
  friend LaneVec operator+(LaneVec a, LaneVec b) { return map(a, b, [](T x, T y) { return x + y; }); }
  friend LaneVec operator-(LaneVec a, LaneVec b) { return map(a, b, [](T x, T y) { return x - y; }); }
  friend LaneVec operator*(LaneVec a, LaneVec b) { return map(a, b, [](T x, T y) { return x * y; }); }
  friend LaneVec operator/(LaneVec a, LaneVec b) { return map(a, b, [](T x, T y) { return x / y; }); }
  friend LaneVec max(LaneVec a, LaneVec b) { return map(a, b, [](T x, T y) { return x < y ? y : x; }); }
  friend LaneVec sqrt(LaneVec a) { return map(a, a, [](T x, T) { return std::sqrt(x); }); }
  friend LaneVec abs(LaneVec a) { return map(a, a, [](T x, T) { return std::fabs(x); }); }
  friend LaneVec select_eq(LaneVec a, LaneVec b, LaneVec x, LaneVec y) {
    LaneVec r;
    for (size_t i = 0; i < N; ++i) r.v[i] = a.v[i] == b.v[i] ? x.v[i] : y.v[i];
    return r;
  }
};

using F32x4 = LaneVec<float, 4>;
using F64x2 = LaneVec<double, 2>;

#endif

template <class T>
struct VecOf;
template <>
struct VecOf<float> {
  using type = F32x4;
};
template <>
struct VecOf<double> {
  using type = F64x2;
};
// The 128-bit vector of T: Vec<float> is F32x4, Vec<double> is F64x2.
template <class T>
using Vec = typename VecOf<T>::type;

// Scalar overloads so one generic kernel body serves both the vector loop and its tail.
inline float sqrt(float a) { return std::sqrt(a); }
inline double sqrt(double a) { return std::sqrt(a); }
inline float abs(float a) { return std::fabs(a); }
inline double abs(double a) { return std::fabs(a); }
inline float max(float a, float b) { return a < b ? b : a; }
inline double max(double a, double b) { return a < b ? b : a; }
inline float select_eq(float a, float b, float x, float y) { return a == b ? x : y; }
inline double select_eq(double a, double b, double x, double y) { return a == b ? x : y; }

// broadcast<V>(x): x itself for a scalar V, x in every lane for a vector V.
template <class V, class T>
inline V broadcast(T x) {
  if constexpr (std::is_floating_point_v<V>) {
    return static_cast<V>(x);
  } else {
    return V::splat(x);
  }
}
template <class V, class T>
inline V load(const T* p) {
  if constexpr (std::is_floating_point_v<V>) {
    return *p;
  } else {
    return V::load(p);
  }
}
template <class V, class T>
inline void store(T* p, V v) {
  if constexpr (std::is_floating_point_v<V>) {
    *p = v;
  } else {
    v.store(p);
  }
}
template <class V>
constexpr size_t lanes() {
  if constexpr (std::is_floating_point_v<V>) {
    return 1;
  } else {
    return V::lanes;
  }
}

}  // namespace gs::simd
