#include "models/softmax_regression.hpp"

#include <algorithm>

#include "models/dense_kernels.hpp"
#include "models/losses.hpp"

namespace gs::models {

SoftmaxRegression::SoftmaxRegression(size_t inputs, size_t classes) : layer_(dense_layout(0, inputs, classes)) {}

void SoftmaxRegression::init(uint64_t seed, float* params) const { init_dense(layer_, Init::Glorot, seed, 0, params); }

double SoftmaxRegression::loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey&) {
  const size_t rows = batch.rows, out = layer_.out;
  logits_.resize(rows * out);
  dlogits_.resize(rows * out);
  dense_forward(batch.dense, rows, layer_.in, params + layer_.w, params + layer_.b, out, logits_.data());
  const float scale = 1.0f / float(rows);
  const double loss = softmax_cross_entropy(logits_.data(), batch.classes, rows, out, scale, dlogits_.data(), nullptr);
  std::fill(grad, grad + parameter_count(), 0.0f);
  dense_backward_params(batch.dense, dlogits_.data(), rows, layer_.in, out, grad + layer_.w, grad + layer_.b);
  return loss / double(rows);
}

Evaluation SoftmaxRegression::evaluate(const float* params, const Batch& batch, const NoiseKey&) {
  logits_.resize(batch.rows * layer_.out);
  dense_forward(batch.dense, batch.rows, layer_.in, params + layer_.w, params + layer_.b, layer_.out, logits_.data());
  Evaluation e;
  e.loss_sum = softmax_cross_entropy(logits_.data(), batch.classes, batch.rows, layer_.out, 1.0f, nullptr, &e.correct);
  return e;
}

}  // namespace gs::models
