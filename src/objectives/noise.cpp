// GradientNoise: reproducible additive Gaussian noise and coordinate dropout.
#include <cstdint>

#include "core/rng.hpp"
#include "objectives/objective.hpp"

namespace gs::objectives {

void GradientNoise::apply(std::uint64_t t, double* g, int n) const {
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
