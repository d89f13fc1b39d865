// The order of the training examples in each epoch: a Fisher–Yates shuffle (Knuth, TAOCP vol. 2,
// Algorithm 3.4.2P) driven by the counter-based RNG, so epoch e of seed s is the same permutation
// on every platform. The index j ≤ i comes from the top 32 bits of a draw times (i + 1), a
// multiply-shift whose bias (< (i + 1)/2^32) no test can see at these sizes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::train {

void shuffled_order(uint64_t seed, uint64_t epoch, size_t n, std::vector<uint32_t>& out);

}  // namespace gs::train
