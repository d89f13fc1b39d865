// A multilayer perceptron with two ReLU hidden layers and dropout: the Adam paper's Section 6.2
// (Kingma & Ba 2015, Figure 2: 784 → 1000 → 1000 → 10 with ReLU, dropout, minibatch 128, on MNIST;
// here the width H is a parameter, 256 by default so that a browser trains it in seconds).
//   x̃ = x ⊙ m₀,  h₁ = relu(W₁ᵀx̃ + b₁) ⊙ m₁,  h₂ = relu(W₂ᵀh₁ + b₂) ⊙ m₂,  z = W₃ᵀh₂ + b₃,
//   loss = −log softmax(z)_y (mean over the minibatch); m₀ inverted dropout at rate input_dropout,
//   m₁, m₂ at rate dropout (Srivastava et al. 2014), all 1 in evaluation.
// Parameters (flat): W₁ [in × H] at 0, b₁ [H], W₂ [H × H], b₂ [H], W₃ [H × classes], b₃ [classes],
// one after the other (layer(0..2) gives the offsets).
#pragma once

#include <vector>

#include "models/layer_layout.hpp"
#include "models/model.hpp"

namespace gs::models {

struct MlpShape {
  size_t inputs = 784;
  size_t hidden = 256;
  size_t classes = 10;
  float input_dropout = 0.2f;
  float dropout = 0.5f;
};

class Mlp final : public Model {
 public:
  explicit Mlp(const MlpShape& shape);
  size_t parameter_count() const override { return layers_[2].end(); }
  const DenseLayout& layer(size_t i) const { return layers_[i]; }
  void init(uint64_t seed, float* params) const override;
  double loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) override;
  Evaluation evaluate(const float* params, const Batch& batch, const NoiseKey& noise) override;

 private:
  // Forward pass over the batch; with `noise`, the dropout masks of its step.
  void forward(const float* params, const Batch& batch, const NoiseKey* noise);

  MlpShape shape_;
  DenseLayout layers_[3];
  std::vector<float> input_, mask_, h1_, h2_, logits_;  // h1_, h2_: after ReLU and dropout
  std::vector<float> mask1_, mask2_, dlogits_, dh1_, dh2_;
};

}  // namespace gs::models
