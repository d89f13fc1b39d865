// The randomness inside a model's loss: dropout masks (Srivastava et al. 2014, inverted dropout:
// a unit is kept with probability 1 − p and scaled by 1/(1 − p), so evaluation uses the network
// as it is) and the VAE's reparameterisation noise ε ~ N(0, 1) (Kingma & Welling 2014, Section 2.4).
// Every draw is a pure function of (seed, step, stream, element) through the counter-based Philox
// RNG (core/rng.hpp): a NoiseKey fixes every mask and ε of one minibatch, so a finite-difference
// check sees a deterministic loss, and native and wasm builds draw the same bits.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs::models {

struct NoiseKey {
  uint64_t seed = 0;
  uint64_t step = 0;  // the minibatch (1-based); evaluation uses none of it
};

// Streams, one per place noise enters a model.
inline constexpr uint64_t kInputDropoutStream = 0x64726f7000ULL;  // "drop"
inline constexpr uint64_t kHiddenDropoutStream = kInputDropoutStream + 1;  // + layer index
inline constexpr uint64_t kLatentNoiseStream = 0x65707300ULL;     // "eps"

// mask[k] = 0 with probability `rate`, else 1/(1 − rate), for element k of (key, stream).
// Four elements per Philox block (32 bits each: kept iff bits ≥ rate·2^32).
void dropout_mask(const NoiseKey& key, uint64_t stream, float rate, float* mask, size_t n);
// out[k] = ε_k ~ N(0, 1) for element k of (key, stream) (Box–Muller, core/rng.hpp).
void gaussian_noise(const NoiseKey& key, uint64_t stream, float* out, size_t n);

}  // namespace gs::models
