#include "online/drift.hpp"

#include <cmath>

#include "core/detmath.hpp"
#include "core/rng.hpp"

namespace gs::online {

namespace {

constexpr double kTwoPi = 0x1.921fb54442d18p+2;
constexpr uint64_t kPhaseStream = 1ULL << 40;
constexpr uint64_t kNoiseStream = 2ULL << 40;

// The uniform (k + 1/2)·2^−32 in (0, 1) from 32 bits.
inline double uniform32(uint64_t bits) { return (static_cast<double>(bits & 0xffffffffULL) + 0.5) * 0x1p-32; }

}  // namespace

DriftingTarget::DriftingTarget(const DriftParams& p) : p_(p) {
  const size_t pairs = (p.d + 1) / 2;
  cos_phase_.resize(pairs);
  sin_phase_.resize(pairs);
  for (size_t k = 0; k < pairs; ++k) {
    const double theta = kTwoPi * rng::uniform01(p.seed, kPhaseStream, k);
    cos_phase_[k] = dm::cos(theta);
    sin_phase_[k] = dm::sin(theta);
  }
}

void DriftingTarget::draw(uint64_t t, double* c) const {
  const double angle = kTwoPi / p_.period * static_cast<double>(t);
  const double cw = dm::cos(angle), sw = dm::sin(angle);
  const double a = p_.amplitude, center = p_.center;
  for (size_t i = 0; i < p_.d; ++i) {
    const size_t k = i / 2;
    // cos(ωt + θ) and sin(ωt + θ) by the angle-addition formulas: two dm calls per round.
    const double turn = i % 2 == 0 ? cw * cos_phase_[k] - sw * sin_phase_[k] : sw * cos_phase_[k] + cw * sin_phase_[k];
    c[i] = center + a * turn;
  }
  if (p_.noise <= 0) return;
  const double half_width = std::sqrt(3.0) * p_.noise;
  for (size_t i = 0; i < p_.d; i += 4) {
    const rng::Block b = rng::block(p_.seed, kNoiseStream + i / 4, t);
    const uint64_t words[4] = {b.v0, b.v0 >> 32, b.v1, b.v1 >> 32};
    for (size_t j = 0; j < 4 && i + j < p_.d; ++j) c[i + j] += half_width * (2 * uniform32(words[j]) - 1);
  }
}

}  // namespace gs::online
