#include "models/vae.hpp"

#include <algorithm>

#include "core/detmath.hpp"
#include "models/dense_kernels.hpp"
#include "models/losses.hpp"

namespace gs::models {

Vae::Vae(const VaeShape& shape) : shape_(shape) {
  layers_[0] = dense_layout(0, shape.inputs, shape.hidden);
  layers_[1] = dense_layout(layers_[0].end(), shape.hidden, 2 * shape.latent);
  layers_[2] = dense_layout(layers_[1].end(), shape.latent, shape.hidden);
  layers_[3] = dense_layout(layers_[2].end(), shape.hidden, shape.inputs);
}

void Vae::init(uint64_t seed, float* params) const {
  init_dense(layers_[0], Init::He, seed, 0, params);
  init_dense(layers_[1], Init::Glorot, seed, 1, params);
  init_dense(layers_[2], Init::He, seed, 2, params);
  init_dense(layers_[3], Init::Glorot, seed, 3, params);
}

double Vae::forward(const float* params, const Batch& batch, const NoiseKey& noise, float dlogits_scale) {
  const size_t rows = batch.rows, in = shape_.inputs, h = shape_.hidden, l = shape_.latent;
  const DenseLayout &e1 = layers_[0], &e2 = layers_[1], &d1 = layers_[2], &d2 = layers_[3];
  h_.resize(rows * h);
  stats_.resize(rows * 2 * l);
  eps_.resize(rows * l);
  sigma_.resize(rows * l);
  z_.resize(rows * l);
  g_.resize(rows * h);
  logits_.resize(rows * in);
  dense_forward(batch.dense, rows, in, params + e1.w, params + e1.b, h, h_.data());
  relu_forward(h_.data(), rows * h);
  dense_forward(h_.data(), rows, h, params + e2.w, params + e2.b, 2 * l, stats_.data());
  gaussian_noise(noise, kLatentNoiseStream, eps_.data(), rows * l);
  double kl = 0;
  for (size_t r = 0; r < rows; ++r)
    for (size_t j = 0; j < l; ++j) {
      const double mu = stats_[r * 2 * l + j], log_var = stats_[r * 2 * l + l + j];
      const double var = dm::exp(log_var);
      sigma_[r * l + j] = float(dm::exp(0.5 * log_var));
      z_[r * l + j] = float(mu + double(sigma_[r * l + j]) * double(eps_[r * l + j]));
      kl += 0.5 * (mu * mu + var - 1.0 - log_var);
    }
  dense_forward(z_.data(), rows, l, params + d1.w, params + d1.b, h, g_.data());
  relu_forward(g_.data(), rows * h);
  dense_forward(g_.data(), rows, h, params + d2.w, params + d2.b, in, logits_.data());
  float* dlogits = nullptr;
  if (dlogits_scale > 0) {
    dlogits_.resize(rows * in);
    dlogits = dlogits_.data();
  }
  return bernoulli_nll(logits_.data(), batch.dense, rows * in, dlogits_scale, dlogits) + kl;
}

double Vae::loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) {
  const size_t rows = batch.rows, in = shape_.inputs, h = shape_.hidden, l = shape_.latent;
  const DenseLayout &e1 = layers_[0], &e2 = layers_[1], &d1 = layers_[2], &d2 = layers_[3];
  const float scale = 1.0f / float(rows);
  const double loss = forward(params, batch, noise, scale);
  dg_.resize(rows * h);
  dz_.resize(rows * l);
  dstats_.resize(rows * 2 * l);
  dh_.resize(rows * h);
  std::fill(grad, grad + parameter_count(), 0.0f);
  dense_backward_params(g_.data(), dlogits_.data(), rows, h, in, grad + d2.w, grad + d2.b);
  dense_backward_input(dlogits_.data(), params + d2.w, rows, h, in, dg_.data());
  relu_backward(g_.data(), dg_.data(), rows * h);
  dense_backward_params(z_.data(), dg_.data(), rows, l, h, grad + d1.w, grad + d1.b);
  dense_backward_input(dg_.data(), params + d1.w, rows, l, h, dz_.data());
  // z = μ + σε with σ = exp(½ log σ²): ∂z/∂μ = 1, ∂z/∂log σ² = ½σε; the KL term adds μ and ½(σ² − 1).
  for (size_t r = 0; r < rows; ++r)
    for (size_t j = 0; j < l; ++j) {
      const double mu = stats_[r * 2 * l + j], log_var = stats_[r * 2 * l + l + j];
      const double dz = dz_[r * l + j], s = scale;
      dstats_[r * 2 * l + j] = float(dz + mu * s);
      dstats_[r * 2 * l + l + j] =
          float(dz * 0.5 * double(sigma_[r * l + j]) * double(eps_[r * l + j]) + 0.5 * (dm::exp(log_var) - 1.0) * s);
    }
  dense_backward_params(h_.data(), dstats_.data(), rows, h, 2 * l, grad + e2.w, grad + e2.b);
  dense_backward_input(dstats_.data(), params + e2.w, rows, h, 2 * l, dh_.data());
  relu_backward(h_.data(), dh_.data(), rows * h);
  dense_backward_params(batch.dense, dh_.data(), rows, in, h, grad + e1.w, grad + e1.b);
  return loss / double(rows);
}

Evaluation Vae::evaluate(const float* params, const Batch& batch, const NoiseKey& noise) {
  Evaluation e;
  e.loss_sum = forward(params, batch, noise, 0.0f);
  return e;
}

}  // namespace gs::models
