#include "models/noise.hpp"

#include "core/rng.hpp"

namespace gs::models {

namespace {

// The counter of element block k of a step: the step in the high 32 bits.
constexpr uint64_t counter(const NoiseKey& key, size_t block) { return key.step << 32 | uint64_t(block); }

}  // namespace

void dropout_mask(const NoiseKey& key, uint64_t stream, float rate, float* mask, size_t n) {
  const double threshold = double(rate) * 0x1p32;
  const float kept = 1.0f / (1.0f - rate);
  for (size_t k = 0; k < n; k += 4) {
    const rng::Block b = rng::block(key.seed, stream, counter(key, k / 4));
    const uint32_t words[4] = {uint32_t(b.v0), uint32_t(b.v0 >> 32), uint32_t(b.v1), uint32_t(b.v1 >> 32)};
    for (size_t j = 0; j < 4 && k + j < n; ++j) mask[k + j] = double(words[j]) >= threshold ? kept : 0.0f;
  }
}

void gaussian_noise(const NoiseKey& key, uint64_t stream, float* out, size_t n) {
  for (size_t k = 0; k < n; ++k) out[k] = float(rng::gaussian(key.seed, stream, counter(key, k)));
}

}  // namespace gs::models
