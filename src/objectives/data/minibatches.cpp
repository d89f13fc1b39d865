// Minibatches: one Philox-shuffled permutation per epoch, cut into batches.
#include "objectives/data/minibatches.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/rng.hpp"

namespace gs::objectives::data {

Minibatches::Minibatches(std::size_t points, std::size_t batch_size, std::uint64_t seed)
    : points_(points), batch_size_(std::max<std::size_t>(1, std::min(batch_size, points))), seed_(seed) {}

std::span<const std::uint32_t> Minibatches::batch(std::uint64_t t) const {
  if (points_ == 0) return {};
  const std::uint64_t per_epoch = (points_ + batch_size_ - 1) / batch_size_;
  const std::uint64_t step = t > 0 ? t - 1 : 0;
  const std::uint64_t epoch = step / per_epoch, index = step % per_epoch;
  if (epoch != epoch_) {
    order_.resize(points_);
    std::iota(order_.begin(), order_.end(), 0u);
    for (std::size_t i = points_ - 1; i > 0; --i) {
      const std::uint64_t j = rng::bits(seed_, (std::uint64_t{1} << 32) + epoch, i) % (i + 1);
      std::swap(order_[i], order_[static_cast<std::size_t>(j)]);
    }
    epoch_ = epoch;
  }
  const std::size_t begin = static_cast<std::size_t>(index) * batch_size_;
  return std::span<const std::uint32_t>(order_).subspan(begin, std::min(batch_size_, points_ - begin));
}

}  // namespace gs::objectives::data
