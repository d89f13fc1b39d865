#include "models/layer_layout.hpp"

#include <cmath>

#include "core/rng.hpp"

namespace gs::models {

namespace {

constexpr uint64_t kInitStream = 0x696e697400ULL;  // "init"

}  // namespace

void init_dense(const DenseLayout& layer, Init init, uint64_t seed, uint64_t layer_index, float* params) {
  const double fan = init == Init::Glorot ? double(layer.in + layer.out) : double(layer.in);
  const double limit = std::sqrt(6.0 / fan);
  const size_t n = layer.in * layer.out;
  for (size_t k = 0; k < n; ++k)
    params[layer.w + k] = float((2.0 * rng::uniform01(seed, kInitStream + layer_index, k) - 1.0) * limit);
  for (size_t k = 0; k < layer.out; ++k) params[layer.b + k] = 0.0f;
}

}  // namespace gs::models
