// Where a fully connected layer's weights W (in × out, row-major, see dense_kernels.hpp) and bias
// b (out) sit in a model's flat parameter array, and their initialisation from a seed:
// Glorot & Bengio (2010) uniform, limit √(6/(in + out)), for layers followed by a softmax, a sigmoid
// or a Gaussian's parameters; He et al. (2015) uniform, limit √(6/in), for layers followed by a ReLU.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs::models {

enum class Init { Glorot, He };

struct DenseLayout {
  size_t in = 0, out = 0;
  size_t w = 0;  // offset of W
  size_t b = 0;  // offset of b = w + in·out
  size_t end() const { return b + out; }
};

// The layer placed at `offset` (its W first, then b).
constexpr DenseLayout dense_layout(size_t offset, size_t in, size_t out) {
  return {in, out, offset, offset + in * out};
}

// W uniform in ±limit from (seed, stream `layer`), b = 0.
void init_dense(const DenseLayout& layer, Init init, uint64_t seed, uint64_t layer_index, float* params);

}  // namespace gs::models
