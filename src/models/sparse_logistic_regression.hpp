// Binary logistic regression on sparse bag-of-words features with dropout noise on the features:
// the Adam paper's Section 6.1 IMDB experiment (Kingma & Ba 2015, Figure 1 right: 10,000-word
// bag-of-words, 50% dropout noise applied to the input features "to prevent over-fitting",
// minibatch 128, α_t = α/√t; sparse features are where AdaGrad and Adam beat SGD).
//   x̃ = x ⊙ m / (1 − p),  m_j ~ Bernoulli(1 − p) per nonzero (inverted dropout, training only)
//   z = wᵀx̃ + b,  loss = softplus(z) − y·z = −log σ(±z)   (y ∈ {0, 1}, mean over the minibatch)
// Parameters (flat): w [features] at 0, b at `features`. The gradient is sparse (only the words of
// the batch's documents) but written densely: the optimizer steps every coordinate, as the paper's.
#pragma once

#include <vector>

#include "models/model.hpp"

namespace gs::models {

class SparseLogisticRegression final : public Model {
 public:
  SparseLogisticRegression(size_t features, float dropout);
  size_t parameter_count() const override { return features_ + 1; }
  size_t bias_offset() const { return features_; }
  float dropout() const { return dropout_; }
  void init(uint64_t seed, float* params) const override;
  double loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) override;
  Evaluation evaluate(const float* params, const Batch& batch, const NoiseKey& noise) override;

 private:
  size_t features_;
  float dropout_;
  std::vector<float> mask_;
};

}  // namespace gs::models
