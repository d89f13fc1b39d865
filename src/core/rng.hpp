// Counter-based random numbers: Philox-2x64-10.
//
// Salmon, Moraes, Dror & Shaw, "Parallel random numbers: as easy as 1, 2, 3"
// (SC'11); the round function, multiplier and Weyl key increment are those of
// Random123's philox2x64 with 10 rounds, and the known-answer vectors of
// Random123's kat_vectors are checked in tests/detmath_test.cpp.
//
// A draw is a pure function of (seed, stream, counter): the 128-bit counter is
// (counter, stream) and the 64-bit key is the seed. Nothing is stateful, so
// any step of any run can be reproduced on its own, on every platform:
// integer arithmetic is exact, and the floating-point transforms use only
// exact scaling and gs::dm.
#pragma once

#include <cmath>
#include <cstdint>

#include "core/detmath.hpp"

namespace gs::rng {

struct Block {
  std::uint64_t v0, v1;
};

// The full 128-bit Philox-2x64-10 output for counter (c0, c1) and key k.
constexpr Block philox2x64_10(std::uint64_t c0, std::uint64_t c1, std::uint64_t k) {
  constexpr std::uint64_t kMultiplier = 0xD2B74407B1CE6E93ULL;
  constexpr std::uint64_t kWeyl = 0x9E3779B97F4A7C15ULL;  // golden ratio
  for (int round = 0; round < 10; ++round) {
    if (round > 0) k += kWeyl;
    std::uint64_t hi = 0, lo = 0;
    gs::dm::mul_wide(kMultiplier, c0, hi, lo);
    c0 = hi ^ k ^ c1;
    c1 = lo;
  }
  return {c0, c1};
}

// Both 64-bit words for (seed, stream, counter).
constexpr Block block(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter) {
  return philox2x64_10(counter, stream, seed);
}

// 64 uniformly distributed bits (the first word of the block).
constexpr std::uint64_t bits(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter) {
  return block(seed, stream, counter).v0;
}

// Map 64 bits to (k + 1/2) * 2^-52 with k the top 52 bits: exact, uniform on
// a grid of 2^52 points, strictly inside (0, 1) (smallest 2^-53).
constexpr double to_open01(std::uint64_t b) {
  return (static_cast<double>(b >> 12) + 0.5) * 0x1p-52;
}

// Uniform in (0, 1), never 0 or 1.
constexpr double uniform01(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter) {
  return to_open01(bits(seed, stream, counter));
}

// Standard normal via Box-Muller, using both words of one block:
// sqrt(-2 ln u1) * cos(2 pi u2). |result| <= sqrt(106 ln 2) ~ 8.57.
inline double gaussian(std::uint64_t seed, std::uint64_t stream, std::uint64_t counter) {
  constexpr double kTwoPi = 0x1.921fb54442d18p+2;
  const Block b = block(seed, stream, counter);
  const double u1 = to_open01(b.v0);
  const double u2 = to_open01(b.v1);
  return std::sqrt(-2.0 * gs::dm::log(u1)) * gs::dm::cos(kTwoPi * u2);
}

}  // namespace gs::rng
