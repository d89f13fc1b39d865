// Deterministic elementary functions: exp, log, pow, sin, cos (and atan, atan2, log1p, sinh, tanh,
// cbrt, hypot built from them).
//
// Why: glibc (native) and musl (Emscripten) implement these differently and
// disagree in the last bit for some arguments, which is enough to make a
// native trajectory and a wasm trajectory drift apart. Every transcendental
// function that feeds a trajectory therefore goes through gs::dm instead of
// <cmath>.
//
// How: the code uses only IEEE-754 double +, -, *, /, comparisons, std::sqrt,
// std::fabs, std::floor, std::trunc (all correctly rounded or exact) and
// exact bit manipulation. Built with -ffp-contract=off (no FMA contraction)
// and with the default round-to-nearest mode, every IEEE platform computes
// the same bits. The algorithms and minimax coefficients are those of Sun's
// fdlibm (see detmath.cpp for the notice); the large-argument reduction of
// sin/cos is an integer Payne-Hanek reduction written for this project.
//
// Accuracy (fdlibm's analyses bound exp, log, sin and cos below 1 ulp; the
// largest errors measured against 1200-bit mpmath on 100000 samples per
// function are listed; tests/detmath_test.cpp checks <= 2 ulp against <cmath>
// continuously):
//   exp  0.85 ulp over the whole range (subnormal results: within 1 ulp of
//        the subnormal spacing, one rounding only).
//   log  0.83 ulp over the whole range, subnormal arguments included.
//   sin, cos  0.75 ulp over the WHOLE finite range: |x| < 2^20 * pi/2
//        (~1.6e6) uses a three-stage Cody-Waite reduction (pi/2 split into
//        33-bit pieces, 118 to 151 correct bits), larger |x| an integer
//        Payne-Hanek reduction with a 192-bit window of 2/pi, wide enough
//        for the hardest double (6381956970095103 * 2^797, within 2^-61 of
//        a multiple of pi/2).
//   pow  0.81 ulp (fdlibm's extra-precise log2 / exp2 split).
// Special values follow C99 Annex F (NaN, +-inf, +-0, overflow to inf,
// underflow to 0 or a subnormal). Floating-point exception flags are not
// raised deliberately.
#pragma once

#include <cstdint>

namespace gs::dm {

// e^x. exp(1) returns the double nearest to e.
double exp(double x);
// Natural logarithm; log(+-0) = -inf, log(x < 0) = NaN.
double log(double x);
// x^y. Full C semantics, including negative x with integer y;
// pow(+-0, y > 0) = +0 (or -0 for odd integer y and x = -0).
double pow(double x, double y);
// Sine and cosine of x in radians.
double sin(double x);
double cos(double x);

// Built from the five above and IEEE arithmetic (detmath_functions.cpp), so deterministic too:
// the formula language's functions (src/objectives/formula) and the optimizer rules that need them.
double atan(double x);
double atan2(double y, double x);
double log1p(double x);
double sinh(double x);
double tanh(double x);
double cbrt(double x);
double hypot(double a, double b);

// Exact reinterpretation between a double and its IEEE-754 bits.
// (std::bit_cast is missing from Emscripten 3.1.6's libc++.)
constexpr std::uint64_t to_bits(double x) { return __builtin_bit_cast(std::uint64_t, x); }
constexpr double from_bits(std::uint64_t b) { return __builtin_bit_cast(double, b); }

// Exact 64 x 64 -> 128-bit unsigned product, from 32-bit halves (portable to
// wasm32 without __int128).
constexpr void mul_wide(std::uint64_t a, std::uint64_t b, std::uint64_t& hi, std::uint64_t& lo) {
  const std::uint64_t a0 = a & 0xffffffffULL, a1 = a >> 32;
  const std::uint64_t b0 = b & 0xffffffffULL, b1 = b >> 32;
  const std::uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
  const std::uint64_t mid = (p00 >> 32) + (p01 & 0xffffffffULL) + (p10 & 0xffffffffULL);
  lo = (mid << 32) | (p00 & 0xffffffffULL);
  hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

}  // namespace gs::dm
