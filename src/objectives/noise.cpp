// GradientNoise: reproducible additive Gaussian noise and coordinate dropout, then norm clipping.
#include <algorithm>
#include <cmath>
#include <cstdint>

#include "core/rng.hpp"
#include "objectives/objective.hpp"

namespace gs::objectives {

void GradientNoise::apply(std::uint64_t t, double* g, int n) const {
  perturb(t, g, n);
  clip(g, n);
}

void GradientNoise::clip(double* g, int n) const {
  if (!(clip_norm > 0)) return;
  double squares = 0;
  for (int i = 0; i < n; ++i) squares += g[i] * g[i];
  // torch's max_norm / (norm + 1e-6) is a Python scalar over a tensor: reciprocal, then times.
  const double coefficient = std::min(1.0, 1.0 / (std::sqrt(squares) + 1e-6) * clip_norm);
  for (int i = 0; i < n; ++i) g[i] *= coefficient;
}

void GradientNoise::perturb(std::uint64_t t, double* g, int n) const {
  for (int i = 0; i < n; ++i) {
    const std::uint64_t coord = static_cast<std::uint64_t>(i);
    if (sparsity > 0 && gs::rng::uniform01(seed, 2 * coord + 1, t) < sparsity) {
      g[i] = 0.0;
      continue;
    }
    if (sigma > 0) g[i] += sigma * gs::rng::gaussian(seed, 2 * coord, t);
  }
}

}  // namespace gs::objectives
