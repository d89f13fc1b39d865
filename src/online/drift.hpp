// The drifting target c_t ∈ R^d of the non-stationary problems (online_linear, online_quadratic):
// coordinates come in pairs that rotate slowly around a centre, plus seeded noise,
//   c_{t,2k}   = center + A·cos(ωt + θ_k) + ξ_{t,2k}
//   c_{t,2k+1} = center + A·sin(ωt + θ_k) + ξ_{t,2k+1},    ω = 2π/period,
// a full turn every `period` rounds (a lone last coordinate takes the cosine). The phases θ_k are
// uniform in [0, 2π) and the noise ξ uniform in [−√3σ, √3σ] (standard deviation σ), both drawn
// with Philox from the seed: a uniform costs a quarter of a block, so d = 10,000 stays cheap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::online {

struct DriftParams {
  size_t d = 1;
  double amplitude = 1, period = 1000, center = 0.25, noise = 0.1;
  uint64_t seed = 1;
};

class DriftingTarget {
 public:
  explicit DriftingTarget(const DriftParams& p);
  // Writes c_t[0..d).
  void draw(uint64_t t, double* c) const;

 private:
  DriftParams p_;
  std::vector<double> cos_phase_, sin_phase_;  // per pair
};

}  // namespace gs::online
