// The minibatch of each step, as torch's DataLoader(shuffle=True) draws them: every epoch is a fresh
// permutation of the points, cut into batches of batch_size in order (the last one of an epoch
// holds what is left). Step t (1-based) takes batch (t − 1) mod B of epoch (t − 1) div B, with
// B = ⌈m / batch_size⌉ batches per epoch. The permutation is Fisher–Yates on gs::rng Philox bits
// keyed by the seed, with stream 2³² + epoch and counter = position, so the same (seed, step) gives
// the same batch on every platform, for every optimizer of a run and every run of a sweep.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gs::objectives::data {

class Minibatches {
 public:
  Minibatches() = default;
  Minibatches(std::size_t points, std::size_t batch_size, std::uint64_t seed);
  // The indices of step t's batch (valid until the next call).
  std::span<const std::uint32_t> batch(std::uint64_t t) const;
  bool full() const { return batch_size_ >= points_; }

 private:
  std::size_t points_ = 0, batch_size_ = 1;
  std::uint64_t seed_ = 1;
  mutable std::uint64_t epoch_ = UINT64_MAX;  // the epoch `order_` holds
  mutable std::vector<std::uint32_t> order_;
};

}  // namespace gs::objectives::data
