#include "models/mlp.hpp"

#include <algorithm>

#include "models/dense_kernels.hpp"
#include "models/losses.hpp"

namespace gs::models {

Mlp::Mlp(const MlpShape& shape) : shape_(shape) {
  layers_[0] = dense_layout(0, shape.inputs, shape.hidden);
  layers_[1] = dense_layout(layers_[0].end(), shape.hidden, shape.hidden);
  layers_[2] = dense_layout(layers_[1].end(), shape.hidden, shape.classes);
}

void Mlp::init(uint64_t seed, float* params) const {
  init_dense(layers_[0], Init::He, seed, 0, params);
  init_dense(layers_[1], Init::He, seed, 1, params);
  init_dense(layers_[2], Init::Glorot, seed, 2, params);
}

void Mlp::forward(const float* params, const Batch& batch, const NoiseKey* noise) {
  const size_t rows = batch.rows, in = shape_.inputs, h = shape_.hidden;
  const float* x = batch.dense;
  if (noise && shape_.input_dropout > 0) {
    input_.assign(x, x + rows * in);
    mask_.resize(rows * in);
    dropout_mask(*noise, kInputDropoutStream, shape_.input_dropout, mask_.data(), rows * in);
    multiply(input_.data(), mask_.data(), rows * in);
    x = input_.data();
  }
  h1_.resize(rows * h);
  h2_.resize(rows * h);
  logits_.resize(rows * shape_.classes);
  const DenseLayout &l1 = layers_[0], &l2 = layers_[1], &l3 = layers_[2];
  dense_forward(x, rows, in, params + l1.w, params + l1.b, h, h1_.data());
  relu_forward(h1_.data(), rows * h);
  const bool hidden_noise = noise && shape_.dropout > 0;
  if (hidden_noise) {
    mask1_.resize(rows * h);
    dropout_mask(*noise, kHiddenDropoutStream, shape_.dropout, mask1_.data(), rows * h);
    multiply(h1_.data(), mask1_.data(), rows * h);
  }
  dense_forward(h1_.data(), rows, h, params + l2.w, params + l2.b, h, h2_.data());
  relu_forward(h2_.data(), rows * h);
  if (hidden_noise) {
    mask2_.resize(rows * h);
    dropout_mask(*noise, kHiddenDropoutStream + 1, shape_.dropout, mask2_.data(), rows * h);
    multiply(h2_.data(), mask2_.data(), rows * h);
  }
  dense_forward(h2_.data(), rows, h, params + l3.w, params + l3.b, shape_.classes, logits_.data());
}

double Mlp::loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) {
  forward(params, batch, &noise);
  const size_t rows = batch.rows, in = shape_.inputs, h = shape_.hidden, c = shape_.classes;
  const DenseLayout &l1 = layers_[0], &l2 = layers_[1], &l3 = layers_[2];
  dlogits_.resize(rows * c);
  dh1_.resize(rows * h);
  dh2_.resize(rows * h);
  const double loss =
      softmax_cross_entropy(logits_.data(), batch.classes, rows, c, 1.0f / float(rows), dlogits_.data(), nullptr);
  std::fill(grad, grad + parameter_count(), 0.0f);
  const bool hidden_noise = shape_.dropout > 0;
  // Where dropout zeroed a unit, its ReLU output h is 0 too, so relu_backward on the dropped-out
  // h also clears the gradient of dropped units; the mask then scales the kept ones.
  dense_backward_params(h2_.data(), dlogits_.data(), rows, h, c, grad + l3.w, grad + l3.b);
  dense_backward_input(dlogits_.data(), params + l3.w, rows, h, c, dh2_.data());
  if (hidden_noise) multiply(dh2_.data(), mask2_.data(), rows * h);
  relu_backward(h2_.data(), dh2_.data(), rows * h);
  dense_backward_params(h1_.data(), dh2_.data(), rows, h, h, grad + l2.w, grad + l2.b);
  dense_backward_input(dh2_.data(), params + l2.w, rows, h, h, dh1_.data());
  if (hidden_noise) multiply(dh1_.data(), mask1_.data(), rows * h);
  relu_backward(h1_.data(), dh1_.data(), rows * h);
  const float* x = shape_.input_dropout > 0 ? input_.data() : batch.dense;
  dense_backward_params(x, dh1_.data(), rows, in, h, grad + l1.w, grad + l1.b);
  return loss / double(rows);
}

Evaluation Mlp::evaluate(const float* params, const Batch& batch, const NoiseKey&) {
  forward(params, batch, nullptr);
  Evaluation e;
  e.loss_sum =
      softmax_cross_entropy(logits_.data(), batch.classes, batch.rows, shape_.classes, 1.0f, nullptr, &e.correct);
  return e;
}

}  // namespace gs::models
