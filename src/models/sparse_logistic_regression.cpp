#include "models/sparse_logistic_regression.hpp"

#include <algorithm>

#include "models/layer_layout.hpp"
#include "models/losses.hpp"

namespace gs::models {

SparseLogisticRegression::SparseLogisticRegression(size_t features, float dropout)
    : features_(features), dropout_(dropout) {}

void SparseLogisticRegression::init(uint64_t seed, float* params) const {
  init_dense(dense_layout(0, features_, 1), Init::Glorot, seed, 0, params);
}

double SparseLogisticRegression::loss_and_grad(const float* params, const Batch& batch, float* grad,
                                               const NoiseKey& noise) {
  const data::CsrMatrix& x = *batch.sparse;
  size_t nonzeros = 0;
  for (size_t r = 0; r < batch.rows; ++r)
    nonzeros += x.offsets[batch.sparse_rows[r] + 1] - x.offsets[batch.sparse_rows[r]];
  mask_.assign(nonzeros, 1.0f);
  if (dropout_ > 0) dropout_mask(noise, kInputDropoutStream, dropout_, mask_.data(), nonzeros);
  std::fill(grad, grad + parameter_count(), 0.0f);
  const float* w = params;
  const float b = params[features_];
  const double scale = 1.0 / double(batch.rows);
  double loss = 0;
  size_t m = 0;
  for (size_t r = 0; r < batch.rows; ++r) {
    const uint32_t begin = x.offsets[batch.sparse_rows[r]], end = x.offsets[batch.sparse_rows[r] + 1];
    float z = b;
    for (uint32_t k = begin; k < end; ++k) z = z + x.values[k] * mask_[m + (k - begin)] * w[x.indices[k]];
    const double y = batch.targets[r];
    loss += softplus(z) - y * double(z);
    const float dz = float((sigmoid(z) - y) * scale);
    for (uint32_t k = begin; k < end; ++k) grad[x.indices[k]] += dz * x.values[k] * mask_[m + (k - begin)];
    grad[features_] += dz;
    m += end - begin;
  }
  return loss * scale;
}

Evaluation SparseLogisticRegression::evaluate(const float* params, const Batch& batch, const NoiseKey&) {
  const data::CsrMatrix& x = *batch.sparse;
  Evaluation e;
  for (size_t r = 0; r < batch.rows; ++r) {
    const uint32_t row = batch.sparse_rows[r];
    float z = params[features_];
    for (uint32_t k = x.offsets[row]; k < x.offsets[row + 1]; ++k) z = z + x.values[k] * params[x.indices[k]];
    const double y = batch.targets[r];
    e.loss_sum += softplus(z) - y * double(z);
    if ((z > 0) == (y > 0.5)) ++e.correct;
  }
  return e;
}

}  // namespace gs::models
