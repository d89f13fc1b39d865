// The sparse data of the paper lab: bag-of-words documents like the Adam paper's IMDB features
// (Kingma & Ba 2015, Section 6.1: binary bag-of-words over the 10,000 most frequent words of movie
// reviews, two classes, logistic regression with 50% dropout noise on the features), generated
// from a seed. Two classes with different word distributions (a naive-Bayes generative model):
//   words    base frequencies p_j ∝ (j + 1)^−s over the vocabulary (Zipf 1949, s ≈ 1 for text);
//   polarity a fraction `polar` of the words lean to one class: σ_j = ±1 (a fair coin), else 0;
//   classes  y ~ Bernoulli(½); a document of class y draws `words` words from
//            p_{y,j} ∝ p_j·exp(strength·σ_j·(2y − 1)), and its features are the distinct words drawn
//            (binary, value 1); y is then flipped with probability label_noise.
// The classes are linearly separable in expectation (the log-odds are linear in the counts), so
// logistic regression can learn them, but a document's evidence is a few dozen polar words among
// a few hundred and the flipped labels cap the accuracy. The regret lab's generator
// (online/bag_of_words.hpp, labels from a hidden linear model over 10% of the words) is not used
// here: with 5,000 training documents every optimizer stayed below 73% test accuracy on it.
// Train and test documents are consecutive draws of one stream (documents 1..train, then
// train+1..train+test); every value is a pure function of the parameters (the counter-based RNG,
// gs::dm for pow and exp), the same natively and in wasm.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gs::data {

// Compressed sparse rows: row r holds columns indices[offsets[r] .. offsets[r+1]) (sorted,
// distinct) with values values[...] (here 1: a word is present).
struct CsrMatrix {
  size_t rows = 0, cols = 0;
  std::vector<uint32_t> offsets{0};
  std::vector<uint32_t> indices;
  std::vector<float> values;
  size_t nonzeros() const { return indices.size(); }
};

struct SparseSet {
  CsrMatrix x;
  std::vector<float> labels;  // 0 or 1
};

struct BagOfWordsTaskParams {
  size_t vocabulary = 10000;
  size_t train = 5000;
  size_t test = 1000;
  size_t words = 300;         // word draws per document (distinct words are fewer: Zipf repeats)
  double zipf = 1.0;
  double polar = 0.2;         // the fraction of words that lean to one class
  double strength = 0.4;      // how far they lean: a factor e^±strength on their frequency
  double label_noise = 0.05;
  uint64_t seed = 1;
};

struct SparseDataset {
  BagOfWordsTaskParams params;
  SparseSet train, test;
};

SparseDataset make_bag_of_words(const BagOfWordsTaskParams& params);

}  // namespace gs::data
