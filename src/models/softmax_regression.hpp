// Multinomial logistic regression on images: the Adam paper's Section 6.1 first experiment
// (Kingma & Ba 2015, Figure 1 left: L2-free logistic regression on 784-pixel MNIST, minibatch 128,
// α_t = α/√t), here on Fashion-MNIST (data/image_dataset.hpp).
//   z = Wᵀx + b,  loss = −log softmax(z)_y   (mean over the minibatch)
// Parameters (flat): W  [inputs × classes] at 0 (row i: pixel i's weights), b [classes] after it.
#pragma once

#include <vector>

#include "models/layer_layout.hpp"
#include "models/model.hpp"

namespace gs::models {

class SoftmaxRegression final : public Model {
 public:
  SoftmaxRegression(size_t inputs, size_t classes);
  size_t parameter_count() const override { return layer_.end(); }
  const DenseLayout& layer() const { return layer_; }
  void init(uint64_t seed, float* params) const override;
  double loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) override;
  Evaluation evaluate(const float* params, const Batch& batch, const NoiseKey& noise) override;

 private:
  DenseLayout layer_;
  std::vector<float> logits_, dlogits_;
};

}  // namespace gs::models
