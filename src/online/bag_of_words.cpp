#include "online/bag_of_words.hpp"

#include <algorithm>

#include "core/detmath.hpp"
#include "core/rng.hpp"

namespace gs::online {

namespace {

constexpr uint64_t kSignalStream = 5ULL << 40;
constexpr uint64_t kWeightStream = 6ULL << 40;
constexpr uint64_t kWordStream = 7ULL << 40;
constexpr uint64_t kLabelStream = 8ULL << 40;

}  // namespace

BagOfWords::BagOfWords(const BagOfWordsParams& p) : p_(p), cdf_(p.d), hidden_(p.d, 0.0), counts_(p.d, 0) {
  double total = 0;
  for (size_t j = 0; j < p.d; ++j) {
    total += dm::pow(static_cast<double>(j + 1), -p.zipf);
    cdf_[j] = total;
    if (rng::uniform01(p.seed, kSignalStream, j) < kSignalDensity) hidden_[j] = rng::gaussian(p.seed, kWeightStream, j);
  }
}

uint32_t BagOfWords::draw_rank(double u) const {
  const double target = u * cdf_.back();
  auto it = std::upper_bound(cdf_.begin(), cdf_.end(), target);
  if (it == cdf_.end()) --it;
  return static_cast<uint32_t>(it - cdf_.begin());
}

void BagOfWords::draw_next() {
  const uint64_t t = size() + 1;
  scratch_.clear();
  for (size_t k = 0; k < p_.words; k += 2) {
    const rng::Block b = rng::block(p_.seed, kWordStream + k / 2, t);
    scratch_.push_back(draw_rank(rng::to_open01(b.v0)));
    if (k + 1 < p_.words) scratch_.push_back(draw_rank(rng::to_open01(b.v1)));
  }
  std::sort(scratch_.begin(), scratch_.end());
  scratch_.erase(std::unique(scratch_.begin(), scratch_.end()), scratch_.end());
  double margin = 0;
  for (uint32_t j : scratch_) {
    margin += hidden_[j];
    ++counts_[j];
  }
  const rng::Block coin = rng::block(p_.seed, kLabelStream, t);
  double y = margin > 0 ? 1 : margin < 0 ? -1 : (coin.v1 & 1 ? 1 : -1);
  if (rng::to_open01(coin.v0) < p_.label_noise) y = -y;
  indices_.insert(indices_.end(), scratch_.begin(), scratch_.end());
  offsets_.push_back(static_cast<uint32_t>(indices_.size()));
  labels_.push_back(y);
}

}  // namespace gs::online
