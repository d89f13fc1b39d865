#include "train/shuffle.hpp"

#include <numeric>
#include <utility>

#include "core/rng.hpp"

namespace gs::train {

namespace {

constexpr uint64_t kShuffleStream = 0x7368756600ULL;  // "shuf"

}  // namespace

void shuffled_order(uint64_t seed, uint64_t epoch, size_t n, std::vector<uint32_t>& out) {
  out.resize(n);
  std::iota(out.begin(), out.end(), 0u);
  for (size_t i = n; i-- > 1;) {
    const uint64_t bits = rng::bits(seed, kShuffleStream + epoch, i);
    const size_t j = size_t(((bits >> 32) * uint64_t(i + 1)) >> 32);
    std::swap(out[i], out[j]);
  }
}

}  // namespace gs::train
