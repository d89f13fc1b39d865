// The example stream of online_logistic: sparse bag-of-words documents as in the Adam paper's
// IMDB experiment (Kingma & Ba 2015, Section 6.1: bag-of-words features of the 10,000 most
// frequent words), made synthetic and seeded.
//   words   each document draws `words` word ranks from a Zipf law over d features,
//           P(rank j) ∝ j^−s (Zipf 1949; word frequencies in text follow it with s ≈ 1), and its
//           feature vector is the set of distinct words drawn (binary, value 1);
//   labels  y = sign⟨w*, x⟩ for a hidden sparse w* (10% of the features carry a N(0, 1) weight, a
//           fair coin breaks ties), flipped with probability label_noise.
// Document t is a pure function of (seed, t). Every document is kept (CSR: indices, offsets and
// labels; 4 bytes per word) because the comparator is a solve over all of them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::online {

struct BagOfWordsParams {
  size_t d = 1000;
  size_t words = 20;
  double zipf = 1.1;
  double label_noise = 0.05;
  uint64_t seed = 1;
};

// The fraction of features that carry a weight of the hidden model.
inline constexpr double kSignalDensity = 0.1;

class BagOfWords {
 public:
  explicit BagOfWords(const BagOfWordsParams& p);

  // Draws document t (t = size() + 1) and appends it.
  void draw_next();
  size_t size() const { return labels_.size(); }
  size_t dimension() const { return p_.d; }
  size_t nonzeros() const { return indices_.size(); }
  // Feature indices of document s (0-based, sorted, distinct) and its label ±1.
  const uint32_t* begin(size_t s) const { return indices_.data() + offsets_[s]; }
  const uint32_t* end(size_t s) const { return indices_.data() + offsets_[s + 1]; }
  double label(size_t s) const { return labels_[s]; }
  // Σ_s x_{s,j}: how many documents hold feature j.
  const std::vector<uint32_t>& counts() const { return counts_; }

 private:
  uint32_t draw_rank(double u) const;

  BagOfWordsParams p_;
  std::vector<double> cdf_;     // unnormalised Σ_{i≤j} (i+1)^−s
  std::vector<double> hidden_;  // w*
  std::vector<uint32_t> indices_;
  std::vector<uint32_t> offsets_{0};
  std::vector<double> labels_;
  std::vector<uint32_t> counts_;
  std::vector<uint32_t> scratch_;
};

}  // namespace gs::online
