// Output losses of the paper lab's models, per minibatch, with their gradients with respect to
// the logits. The exponentials and logarithms go through gs::dm in double (core/detmath.hpp), so
// the same logits give the same loss bits natively and in wasm; they touch `classes` values per
// example (10), or one per pixel for the VAE, against `in × out` multiply-adds per example in the
// dense layers (dense_kernels.hpp), so they are scalar loops.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs::models {

// Softmax cross-entropy (multinomial logistic regression): Σ_r [log Σ_c e^{z_rc} − z_{r,y_r}],
// summed over the `rows` examples. If dz is not null it receives (softmax(z_r) − onehot(y_r))·scale.
// `correct` (if not null) is incremented by the examples whose largest logit is their label.
double softmax_cross_entropy(const float* z, const uint8_t* labels, size_t rows, size_t classes, float scale,
                             float* dz, size_t* correct);

// log(1 + e^z), without overflow.
double softplus(double z);
// 1/(1 + e^−z), without overflow.
double sigmoid(double z);

// Bernoulli negative log-likelihood of targets x ∈ [0, 1] under logits z: Σ_k softplus(z_k) − x_k·z_k
// (binary cross-entropy, the logistic loss for x ∈ {0, 1}). If dz is not null it receives
// (σ(z_k) − x_k)·scale.
double bernoulli_nll(const float* z, const float* x, size_t n, float scale, float* dz);

}  // namespace gs::models
