// gs::dm implementation (see detmath.hpp for what and why).
//
// exp, log, pow, the sin/cos kernels and the Cody-Waite reduction restate, in
// C++ with exact bit access, the algorithms and constants of fdlibm 5.3
// (e_exp.c, e_log.c, e_pow.c, k_sin.c, k_cos.c, e_rem_pio2.c, with the
// FreeBSD msun refinements of k_cos.c and e_rem_pio2.c), which carry this
// notice:
//   ====================================================
//   Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
//   Developed at SunSoft, a Sun Microsystems, Inc. business.
//   Permission to use, copy, modify, and distribute this
//   software is freely granted, provided that this notice
//   is preserved.
//   ====================================================
// The reduction of huge sin/cos arguments (Payne & Hanek, "Radian reduction
// for trigonometric functions", SIGNUM Newsletter 18(1), 1983) is an integer
// version written for this project. Every constant is a hexadecimal float, so
// no decimal-to-binary conversion is involved.
#include "core/detmath.hpp"

#include <cmath>
#include <limits>

namespace gs::dm {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// ---- exact word access ------------------------------------------------------

constexpr std::int32_t high_word(double x) { return static_cast<std::int32_t>(to_bits(x) >> 32); }
constexpr std::uint32_t low_word(double x) { return static_cast<std::uint32_t>(to_bits(x)); }
constexpr double from_words(std::uint32_t hi, std::uint32_t lo) {
  return from_bits((static_cast<std::uint64_t>(hi) << 32) | lo);
}
constexpr double with_high_word(double x, std::int32_t hi) {
  return from_words(static_cast<std::uint32_t>(hi), low_word(x));
}
constexpr double clear_low_word(double x) { return from_bits(to_bits(x) & 0xffffffff00000000ULL); }

// 2^k for -1022 <= k <= 1023, assembled from the exponent field.
constexpr double two_pow(int k) { return from_bits(static_cast<std::uint64_t>(k + 1023) << 52); }

// y * 2^k with a single rounding, for normal y and -1100 < k < 1100: the
// first factor keeps the intermediate normal (exact), only the last multiply
// can round (subnormal result) or overflow.
double scale(double y, int k) {
  if (k > 1023) return (y * two_pow(1023)) * two_pow(k - 1023);
  if (k < -1022) return (y * two_pow(k + 1000)) * two_pow(-1000);
  return y * two_pow(k);
}

// ---- exp ----------------------------------------------------------------------
// x = k*ln2 + r, |r| <= ln2/2; exp(r) = 1 + r + r*c/(2-c) with
// c = r - r^2*(P1 + ... + P5*r^8), a Remez fit of r*(e^r+1)/(e^r-1) (2^-59).

constexpr double kExpOverflow = 0x1.62e42fefa39efp+9;    // 709.78...
constexpr double kExpUnderflow = -0x1.74910d52d3051p+9;  // -745.13...
constexpr double kLn2Hi = 0x1.62e42fee00000p-1;          // 32 bits: k*kLn2Hi exact
constexpr double kLn2Lo = 0x1.a39ef35793c76p-33;         // ln2 - kLn2Hi
constexpr double kHalfLn2 = 0x1.62e42fefa39efp-2;
constexpr double kInvLn2 = 0x1.71547652b82fep+0;
constexpr double kP1 = 0x1.555555555553ep-3;
constexpr double kP2 = -0x1.6c16c16bebd93p-9;
constexpr double kP3 = 0x1.1566aaf25de2cp-14;
constexpr double kP4 = -0x1.bbd41c5d26bf1p-20;
constexpr double kP5 = 0x1.6376972bea4d0p-25;

// The polynomial c(r) shared by exp and pow.
double exp_c(double r, double r2) { return r - r2 * (kP1 + r2 * (kP2 + r2 * (kP3 + r2 * (kP4 + r2 * kP5)))); }

// ---- log ----------------------------------------------------------------------
// x = 2^k*(1+f), sqrt(2)/2 < 1+f < sqrt(2); s = f/(2+f);
// log(1+f) = f - (f^2/2 - s*(f^2/2 + R(s^2))), R a Remez fit (2^-58.45).

constexpr double kLg1 = 0x1.5555555555593p-1;
constexpr double kLg2 = 0x1.999999997fa04p-2;
constexpr double kLg3 = 0x1.2492494229359p-2;
constexpr double kLg4 = 0x1.c71c51d8e78afp-3;
constexpr double kLg5 = 0x1.7466496cb03dep-3;
constexpr double kLg6 = 0x1.39a09d078c69fp-3;
constexpr double kLg7 = 0x1.2f112df3e5244p-3;

// ---- sin / cos kernels on [-pi/4, pi/4], argument x + y (y the tail) -----------

constexpr double kS1 = -0x1.5555555555549p-3;
constexpr double kS2 = 0x1.111111110f8a6p-7;
constexpr double kS3 = -0x1.a01a019c161d5p-13;
constexpr double kS4 = 0x1.71de357b1fe7dp-19;
constexpr double kS5 = -0x1.ae5e68a2b9cebp-26;
constexpr double kS6 = 0x1.5d93a5acfd57cp-33;
constexpr double kC1 = 0x1.555555555554cp-5;
constexpr double kC2 = -0x1.6c16c16c15177p-10;
constexpr double kC3 = 0x1.a01a019cb1590p-16;
constexpr double kC4 = -0x1.27e4f809c52adp-22;
constexpr double kC5 = 0x1.1ee9ebdb4b1c4p-29;
constexpr double kC6 = -0x1.8fae9be8838d4p-37;

// sin(x + y) ~ x + S1*x^3 + ... + S6*x^13 (relative Remez error 2^-58), with
// the first-order correction (1 - x^2/2)*y when there is a tail.
double kernel_sin(double x, double y, bool has_tail) {
  const double z = x * x;
  const double w = z * z;
  const double r = kS2 + z * (kS3 + z * kS4) + z * w * (kS5 + z * kS6);
  const double v = z * x;
  if (!has_tail) return x + v * (kS1 + z * r);
  return x - ((z * (0.5 * y - v * r) - y) - v * kS1);
}

// cos(x + y) ~ 1 - x^2/2 + C1*x^4 + ... + C6*x^14 (Remez error 2^-58), with
// the correction -x*y; 1 - x^2/2 is split as w + ((1 - w) - x^2/2).
double kernel_cos(double x, double y) {
  const double z = x * x;
  const double w = z * z;
  const double r = z * (kC1 + z * (kC2 + z * kC3)) + w * w * (kC4 + z * (kC5 + z * kC6));
  const double hz = 0.5 * z;
  const double one_minus_hz = 1.0 - hz;
  return one_minus_hz + (((1.0 - one_minus_hz) - hz) + (z * r - x * y));
}

// ---- range reduction: x = n*pi/2 + (hi + lo), |hi + lo| <= ~pi/4 --------------

struct Reduced {
  int n;
  double hi, lo;
};

constexpr double kInvPio2 = 0x1.45f306dc9c883p-1;
constexpr double kPio2_1 = 0x1.921fb54400000p+0;     // first 33 bits of pi/2
constexpr double kPio2_1t = 0x1.0b4611a626331p-34;   // pi/2 - kPio2_1
constexpr double kPio2_2 = 0x1.0b4611a600000p-34;    // next 33 bits
constexpr double kPio2_2t = 0x1.3198a2e037073p-69;   // pi/2 - (kPio2_1 + kPio2_2)
constexpr double kPio2_3 = 0x1.3198a2e000000p-69;    // next 33 bits
constexpr double kPio2_3t = 0x1.b839a252049c1p-104;  // pi/2 - (kPio2_1 + kPio2_2 + kPio2_3)
constexpr double kPio2Hi = 0x1.921fb54442d18p+0;     // pi/2 as a double-double
constexpr double kPio2Lo = 0x1.1a62633145c07p-54;
constexpr std::int32_t kMediumLimit = 0x413921fb;  // high word of 2^20 * pi/2

// Cody-Waite reduction, valid for |x| < 2^20 * pi/2: n < 2^20, so n*kPio2_k is
// exact (33-bit constants); a second and third stage are added when the first
// one cancels more than 16 (then 49) bits, which covers every double in range.
Reduced reduce_medium(double x) {
  const double fn = (x * kInvPio2 + 0x1.8p52) - 0x1.8p52;  // round to nearest
  const int n = static_cast<int>(fn);
  double r = x - fn * kPio2_1;
  double w = fn * kPio2_1t;
  double y0 = r - w;
  const int ex = (high_word(x) >> 20) & 0x7ff;
  if (ex - ((high_word(y0) >> 20) & 0x7ff) > 16) {
    double t = r;
    w = fn * kPio2_2;
    r = t - w;
    w = fn * kPio2_2t - ((t - r) - w);
    y0 = r - w;
    if (ex - ((high_word(y0) >> 20) & 0x7ff) > 49) {
      t = r;
      w = fn * kPio2_3;
      r = t - w;
      w = fn * kPio2_3t - ((t - r) - w);
      y0 = r - w;
    }
  }
  return {n, y0, (r - y0) - w};
}

// Bits of 2/pi after the binary point: word j holds the bits of weight
// 2^-(64j+1) ... 2^-(64j+64). 1280 bits cover every finite double.
constexpr std::uint64_t kTwoOverPi[20] = {
    0xa2f9836e4e441529ULL, 0xfc2757d1f534ddc0ULL, 0xdb6295993c439041ULL, 0xfe5163abdebbc561ULL,
    0xb7246e3a424dd2e0ULL, 0x06492eea09d1921cULL, 0xfe1deb1cb129a73eULL, 0xe88235f52ebb4484ULL,
    0xe99c7026b45f7e41ULL, 0x3991d639835339f4ULL, 0x9c845f8bbdf9283bULL, 0x1ff897ffde05980fULL,
    0xef2f118b5a0a6d1fULL, 0x6d367ecf27cb09b7ULL, 0x4f463f669e5fea2dULL, 0x7527bac7ebe5f17bULL,
    0x3d0739f78a5292eaULL, 0x6bfb5fb11f8d5d08ULL, 0x56033046fc7b6babULL, 0xf0cfbc209af4361dULL,
};

// 64 bits of 2/pi starting at bit position pos (position 0 has weight 2^-1);
// positions before 0 read as zeros (2/pi < 1). Requires -64 < pos <= 1152.
std::uint64_t two_over_pi_window(int pos) {
  if (pos < 0) return kTwoOverPi[0] >> (-pos);
  const int word = pos >> 6, shift = pos & 63;
  if (shift == 0) return kTwoOverPi[word];
  return (kTwoOverPi[word] << shift) | (kTwoOverPi[word + 1] >> (64 - shift));
}

int leading_zeros(std::uint64_t v) { return v == 0 ? 64 : __builtin_clzll(v); }

// Shift the 192-bit integer (l2:l1:l0, l2 most significant) left by s < 192.
void shift_left_192(std::uint64_t& l2, std::uint64_t& l1, std::uint64_t& l0, int s) {
  while (s >= 64) {
    l2 = l1;
    l1 = l0;
    l0 = 0;
    s -= 64;
  }
  if (s == 0) return;
  l2 = (l2 << s) | (l1 >> (64 - s));
  l1 = (l1 << s) | (l0 >> (64 - s));
  l0 <<= s;
}

// Payne-Hanek reduction for finite |x| >= 2^20 * pi/2, in integer arithmetic.
// |x| = m * 2^(e-52) with a 53-bit integer m. Bits of 2/pi of weight 2^-i with
// i < e - 53 contribute multiples of 4 to |x|*2/pi and are skipped; the next
// 192 bits W give |x|*2/pi = m*W*2^-190 (mod 4) with an absolute error below
// 2^-137. The low 192 bits of m*W hold the quadrant (2 bits) and 190 bits of
// fraction; since no double lies closer than ~2^-61 to a multiple of pi/2,
// at least 128 significant fraction bits remain, of which 106 are converted
// to a double-double and multiplied by pi/2.
Reduced reduce_large(double x) {
  const std::uint64_t u = to_bits(x) & 0x7fffffffffffffffULL;
  const int e = static_cast<int>(u >> 52) - 1023;
  const std::uint64_t m = (u & 0x000fffffffffffffULL) | 0x0010000000000000ULL;
  const int pos = e - 54;
  std::uint64_t h0, l0, h1, l1, h2, l2;
  mul_wide(m, two_over_pi_window(pos + 128), h0, l0);
  mul_wide(m, two_over_pi_window(pos + 64), h1, l1);
  mul_wide(m, two_over_pi_window(pos), h2, l2);
  (void)h2;  // weight >= 2^2: a multiple of 4
  std::uint64_t f0 = l0;
  std::uint64_t f1 = h0 + l1;
  const std::uint64_t carry = f1 < h0 ? 1 : 0;
  std::uint64_t f2 = h1 + l2 + carry;
  int q = static_cast<int>(f2 >> 62);
  constexpr std::uint64_t kFracMask = (1ULL << 62) - 1;
  f2 &= kFracMask;
  bool negative = false;
  if (f2 >> 61) {  // fraction >= 1/2: round the quadrant up, remainder 1 - fraction
    q = (q + 1) & 3;
    negative = true;
    f0 = ~f0 + 1;
    f1 = ~f1 + (f0 == 0 ? 1 : 0);
    f2 = (~f2 + (f0 == 0 && f1 == 0 ? 1 : 0)) & kFracMask;
  }
  double hi = 0.0, lo = 0.0;
  if ((f2 | f1 | f0) != 0) {
    const int lz = f2 != 0 ? leading_zeros(f2) : f1 != 0 ? 64 + leading_zeros(f1) : 128 + leading_zeros(f0);
    shift_left_192(f2, f1, f0, lz);
    // fraction = (f2:f1:f0) * 2^(-190-lz); take bits 191..139 and 138..86.
    const std::uint64_t a = f2 >> 11;
    const std::uint64_t b = ((f2 & 0x7ffULL) << 42) | (f1 >> 22);
    const double fa = static_cast<double>(a) * two_pow(-51 - lz);
    const double fb = static_cast<double>(b) * two_pow(-104 - lz);
    // (fa + fb) * (kPio2Hi + kPio2Lo), with fa*kPio2Hi exact (Dekker).
    constexpr double kSplit = 134217729.0;  // 2^27 + 1
    const double ca = kSplit * fa, cb = kSplit * kPio2Hi;
    const double ah = ca - (ca - fa), al = fa - ah;
    const double bh = cb - (cb - kPio2Hi), bl = kPio2Hi - bh;
    const double p = fa * kPio2Hi;
    const double err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
    const double tail = err + (fa * kPio2Lo + fb * kPio2Hi);
    hi = p + tail;
    lo = tail - (hi - p);
  }
  if (negative) {
    hi = -hi;
    lo = -lo;
  }
  if (x < 0) return {-q, -hi, -lo};
  return {q, hi, lo};
}

Reduced reduce(double x) {
  if ((high_word(x) & 0x7fffffff) < kMediumLimit) return reduce_medium(x);
  return reduce_large(x);
}

// ---- pow ----------------------------------------------------------------------
// log2(|x|) = t1 + t2 to ~2^-64 (t1 has 21 significant bits), y*log2|x| =
// n + z with |z| <= 1/2 split as p_h + p_l, and 2^z = exp(z*ln2) with the exp
// polynomial; the result is 2^n * 2^z.

constexpr double kDpH = 0x1.2b80340000000p-1;  // log2(1.5), high 24 bits
constexpr double kDpL = 0x1.cfdeb43cfd006p-27;  // log2(1.5) - kDpH
constexpr double kL1 = 0x1.3333333333303p-1;
constexpr double kL2 = 0x1.b6db6db6fabffp-2;
constexpr double kL3 = 0x1.55555518f264dp-2;
constexpr double kL4 = 0x1.17460a91d4101p-2;
constexpr double kL5 = 0x1.d864a93c9db65p-3;
constexpr double kL6 = 0x1.a7e284a454eefp-3;
constexpr double kLn2 = 0x1.62e42fefa39efp-1;   // ln 2
constexpr double kLn2H = 0x1.62e4300000000p-1;  // ln 2, 21 bits
constexpr double kLn2L = -0x1.05c610ca86c39p-29;
constexpr double kOvt = 0x1.71547652b82fep-54;  // -(1024 - log2(DBL_MAX + ulp/2))
constexpr double kCp = 0x1.ec709dc3a03fdp-1;    // 2/(3 ln 2)
constexpr double kCpH = 0x1.ec709e0000000p-1;
constexpr double kCpL = -0x1.e2fe0145b01f5p-28;
constexpr double kIvln2 = 0x1.71547652b82fep+0;  // 1/ln 2
constexpr double kIvln2H = 0x1.7154760000000p+0;
constexpr double kIvln2L = 0x1.4ae0bf85ddf44p-26;

// 0: y is not an integer, 1: odd integer, 2: even integer (y finite).
int integer_kind(double y) {
  const double ay = std::fabs(y);
  if (ay >= 0x1p53) return 2;
  if (std::floor(ay) != ay) return 0;
  const double half = 0.5 * ay;
  return std::floor(half) == half ? 2 : 1;
}

// log2(ax) as t1 + t2, for finite ax > 0 (the |y| <= 2^31 case of fdlibm).
void log2_split(double ax, double& t1, double& t2) {
  std::int32_t ix = high_word(ax);
  int n = 0;
  if (ix < 0x00100000) {  // subnormal
    ax *= 0x1p53;
    n -= 53;
    ix = high_word(ax);
  }
  n += (ix >> 20) - 0x3ff;
  const std::int32_t j = ix & 0x000fffff;
  ix = j | 0x3ff00000;
  int k = 0;  // reduce against bp = 1 (k = 0) or 1.5 (k = 1)
  if (j <= 0x3988e) {
    k = 0;
  } else if (j < 0xbb67a) {
    k = 1;
  } else {
    n += 1;
    ix -= 0x00100000;
  }
  ax = with_high_word(ax, ix);
  const double bp = k == 0 ? 1.0 : 1.5;
  const double dp_h = k == 0 ? 0.0 : kDpH;
  const double dp_l = k == 0 ? 0.0 : kDpL;
  // ss = s_h + s_l = (ax - bp)/(ax + bp)
  double u = ax - bp;
  double v = 1.0 / (ax + bp);
  const double ss = u * v;
  const double s_h = clear_low_word(ss);
  double t_h = from_words(static_cast<std::uint32_t>(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18)), 0);
  double t_l = ax - (t_h - bp);
  const double s_l = v * ((u - s_h * t_h) - s_h * t_l);
  // log(ax) = 2ss + 2/3 ss^3 + ...; r holds the terms beyond ss^3
  double s2 = ss * ss;
  double r = s2 * s2 * (kL1 + s2 * (kL2 + s2 * (kL3 + s2 * (kL4 + s2 * (kL5 + s2 * kL6)))));
  r += s_l * (s_h + ss);
  s2 = s_h * s_h;
  t_h = clear_low_word(3.0 + s2 + r);
  t_l = r - ((t_h - 3.0) - s2);
  u = s_h * t_h;
  v = s_l * t_h + t_l * ss;
  const double p_h = clear_low_word(u + v);
  const double p_l = v - (p_h - u);
  const double z_h = kCpH * p_h;
  const double z_l = kCpL * p_h + p_l * kCp + dp_l;
  const double t = n;
  t1 = clear_low_word(((z_h + z_l) + dp_h) + t);
  t2 = z_l - (((t1 - t) - dp_h) - z_h);
}

}  // namespace

double exp(double x) {
  if (x != x) return x + x;
  if (x > kExpOverflow) return kInf;
  if (x < kExpUnderflow) return 0.0;
  if (x == 1.0) return 0x1.5bf0a8b145769p+1;  // e correctly rounded (fdlibm gives 1 ulp above)
  const double ax = std::fabs(x);
  if (ax < 0x1p-28) return 1.0 + x;
  int k = 0;
  double hi = x, lo = 0.0;
  if (ax > kHalfLn2) {
    k = static_cast<int>(kInvLn2 * x + (x < 0 ? -0.5 : 0.5));
    const double t = k;
    hi = x - t * kLn2Hi;
    lo = t * kLn2Lo;
  }
  const double r = hi - lo;
  const double c = exp_c(r, r * r);
  if (k == 0) return 1.0 - ((r * c) / (c - 2.0) - r);
  return scale(1.0 - ((lo - (r * c) / (2.0 - c)) - hi), k);
}

double log(double x) {
  std::int32_t hx = high_word(x);
  int k = 0;
  if (hx < 0x00100000) {  // negative, zero or subnormal
    if (((hx & 0x7fffffff) | static_cast<std::int32_t>(low_word(x))) == 0) return -kInf;
    if (hx < 0) return kNaN;
    k -= 54;
    x *= 0x1p54;
    hx = high_word(x);
  }
  if (hx >= 0x7ff00000) return x + x;  // +inf, NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const std::int32_t i = (hx + 0x95f64) & 0x100000;  // 1 if the mantissa >= sqrt(2)
  x = with_high_word(x, hx | (i ^ 0x3ff00000));      // normalise x or x/2
  k += i >> 20;
  const double f = x - 1.0;
  const double dk = k;
  if ((0x000fffff & (2 + hx)) < 3) {  // -2^-20 <= f < 2^-20
    if (f == 0.0) return dk * kLn2Hi + dk * kLn2Lo;
    const double r = f * f * (0.5 - 0x1.5555555555555p-2 * f);
    return dk * kLn2Hi - ((r - dk * kLn2Lo) - f);
  }
  const double s = f / (2.0 + f);
  const double z = s * s;
  const double w = z * z;
  const double t1 = w * (kLg2 + w * (kLg4 + w * kLg6));
  const double t2 = z * (kLg1 + w * (kLg3 + w * (kLg5 + w * kLg7)));
  const double r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {  // f not small: use f^2/2 for accuracy
    const double hfsq = 0.5 * f * f;
    return dk * kLn2Hi - ((hfsq - (s * (hfsq + r) + dk * kLn2Lo)) - f);
  }
  return dk * kLn2Hi - ((s * (f - r) - dk * kLn2Lo) - f);
}

double sin(double x) {
  const std::int32_t ix = high_word(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {         // |x| <= ~pi/4
    if (ix < 0x3e500000) return x;  // |x| < 2^-26: sin x == x after rounding
    return kernel_sin(x, 0.0, false);
  }
  if (ix >= 0x7ff00000) return x - x;  // inf, NaN
  const Reduced r = reduce(x);
  switch (r.n & 3) {
    case 0: return kernel_sin(r.hi, r.lo, true);
    case 1: return kernel_cos(r.hi, r.lo);
    case 2: return -kernel_sin(r.hi, r.lo, true);
    default: return -kernel_cos(r.hi, r.lo);
  }
}

double cos(double x) {
  const std::int32_t ix = high_word(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) {
    if (ix < 0x3e46a09e) return 1.0;  // |x| < 2^-27*sqrt(2): cos x == 1 after rounding
    return kernel_cos(x, 0.0);
  }
  if (ix >= 0x7ff00000) return x - x;
  const Reduced r = reduce(x);
  switch (r.n & 3) {
    case 0: return kernel_cos(r.hi, r.lo);
    case 1: return -kernel_sin(r.hi, r.lo, true);
    case 2: return -kernel_cos(r.hi, r.lo);
    default: return kernel_sin(r.hi, r.lo, true);
  }
}

double pow(double x, double y) {
  if (y == 0.0) return 1.0;  // even for NaN x
  if (x == 1.0) return 1.0;  // even for NaN y
  if (x != x || y != y) return x + y;
  const bool x_negative = std::signbit(x);
  const double ax = std::fabs(x);
  const double ay = std::fabs(y);
  if (ay == kInf) {
    if (ax == 1.0) return 1.0;  // (-1)^(+-inf)
    return (ax > 1.0) == (y > 0) ? kInf : 0.0;
  }
  const int kind = x_negative ? integer_kind(y) : 2;
  const double sign = kind == 1 ? -1.0 : 1.0;  // (-x)^odd = -(x^odd)
  if (ax == 0.0 || ax == kInf || ax == 1.0) {
    if (x_negative && kind == 0 && ax == 1.0) return kNaN;  // (-1)^non-integer
    const double z = y < 0 ? 1.0 / ax : ax;
    return sign * z;
  }
  if (x_negative && kind == 0) return kNaN;  // (-x)^non-integer
  // Exactly rounded shortcuts.
  if (y == 1.0) return x;
  if (y == -1.0) return 1.0 / x;
  if (y == 2.0) return x * x;
  if (y == 0.5 && !x_negative) return std::sqrt(x);

  const std::int32_t ix = high_word(ax);
  double t1 = 0.0, t2 = 0.0;
  if (ay > 0x1p31) {
    if (ay > 0x1p64) return (ax < 1.0) == (y < 0) ? kInf : 0.0;  // even integer y
    if (ix < 0x3fefffff) return y < 0 ? sign * kInf : sign * 0.0;
    if (ix > 0x3ff00000) return y > 0 ? sign * kInf : sign * 0.0;
    // |1 - ax| <= 2^-20: log2(ax) from log(1+t) = t - t^2/2 + t^3/3 - t^4/4.
    const double t = ax - 1.0;
    const double w = (t * t) * (0.5 - t * (0x1.5555555555555p-2 - t * 0.25));
    const double u = kIvln2H * t;
    const double v = t * kIvln2L - w * kIvln2;
    t1 = clear_low_word(u + v);
    t2 = v - (t1 - u);
  } else {
    log2_split(ax, t1, t2);
  }

  // (y1 + y2) * (t1 + t2) with y1 = y truncated to 21 bits: p_h exact.
  const double y1 = clear_low_word(y);
  const double p_l = (y - y1) * t1 + y * t2;
  double p_h = y1 * t1;
  const double z = p_l + p_h;
  if (z >= 1024.0) {
    if (z > 1024.0 || p_l + kOvt > z - p_h) return sign * kInf;
  } else if (z <= -1075.0) {
    if (z < -1075.0 || p_l <= z - p_h) return sign * 0.0;
  }
  // 2^(p_h + p_l) = 2^n * 2^(z'), |z'| <= 1/2 (p_h - n is exact).
  int n = 0;
  if (std::fabs(z) > 0.5) {
    const double tn = std::trunc(z + (z < 0 ? -0.5 : 0.5));
    n = static_cast<int>(tn);
    p_h -= tn;
  }
  const double t = clear_low_word(p_l + p_h);
  const double u = t * kLn2H;
  const double v = (p_l - (t - p_h)) * kLn2 + t * kLn2L;
  const double zz = u + v;
  const double w = v - (zz - u);
  const double c = exp_c(zz, zz * zz);
  const double r = (zz * c) / (c - 2.0) - (w + zz * w);
  const double e = 1.0 - (r - zz);
  return sign * scale(e, n);
}

}  // namespace gs::dm
