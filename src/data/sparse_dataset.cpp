#include "data/sparse_dataset.hpp"

#include <algorithm>

#include "core/detmath.hpp"
#include "core/rng.hpp"

namespace gs::data {

namespace {

constexpr uint64_t kPolarityStream = 0x626f770000ULL;  // "bow"
constexpr uint64_t kClassStream = kPolarityStream + 1;
constexpr uint64_t kWordStream = kPolarityStream + 0x100;  // + pair of draws

// The unnormalised cumulative word distribution of one class.
std::vector<double> class_cdf(const BagOfWordsTaskParams& p, const std::vector<int>& polarity, double sign) {
  std::vector<double> cdf(p.vocabulary);
  double total = 0;
  for (size_t j = 0; j < p.vocabulary; ++j) {
    double weight = dm::pow(double(j + 1), -p.zipf);
    if (polarity[j] != 0) weight *= dm::exp(p.strength * double(polarity[j]) * sign);
    total += weight;
    cdf[j] = total;
  }
  return cdf;
}

uint32_t draw_word(const std::vector<double>& cdf, double u) {
  auto it = std::upper_bound(cdf.begin(), cdf.end(), u * cdf.back());
  if (it == cdf.end()) --it;
  return uint32_t(it - cdf.begin());
}

}  // namespace

SparseDataset make_bag_of_words(const BagOfWordsTaskParams& p) {
  std::vector<int> polarity(p.vocabulary, 0);
  for (size_t j = 0; j < p.vocabulary; ++j) {
    const rng::Block b = rng::block(p.seed, kPolarityStream, j);
    if (rng::to_open01(b.v0) < p.polar) polarity[j] = (b.v1 & 1) ? 1 : -1;
  }
  const std::vector<double> cdf[2] = {class_cdf(p, polarity, -1.0), class_cdf(p, polarity, 1.0)};
  SparseDataset out;
  out.params = p;
  out.train.x.cols = out.test.x.cols = p.vocabulary;
  std::vector<uint32_t> words;
  for (uint64_t t = 1; t <= p.train + p.test; ++t) {
    const rng::Block coin = rng::block(p.seed, kClassStream, t);
    const int y = int(coin.v1 & 1);
    words.clear();
    for (size_t k = 0; k < p.words; k += 2) {
      const rng::Block b = rng::block(p.seed, kWordStream + k / 2, t);
      words.push_back(draw_word(cdf[y], rng::to_open01(b.v0)));
      if (k + 1 < p.words) words.push_back(draw_word(cdf[y], rng::to_open01(b.v1)));
    }
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    SparseSet& set = t <= p.train ? out.train : out.test;
    set.x.indices.insert(set.x.indices.end(), words.begin(), words.end());
    set.x.values.insert(set.x.values.end(), words.size(), 1.0f);
    set.x.offsets.push_back(uint32_t(set.x.indices.size()));
    ++set.x.rows;
    const bool flipped = rng::to_open01(coin.v0) < p.label_noise;
    set.labels.push_back(float(flipped ? 1 - y : y));
  }
  return out;
}

}  // namespace gs::data
