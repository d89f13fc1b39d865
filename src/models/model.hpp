// What the training engine (src/train) sees of a model: its parameters live in ONE flat f32
// array (documented offsets per model), so one optimizer instance (src/optim) updates them all
// in one fused kernel call per minibatch, and its gradient fills one flat array of the same layout.
#pragma once

#include <cstddef>
#include <cstdint>

#include "data/sparse_dataset.hpp"
#include "models/noise.hpp"

namespace gs::models {

// The examples of one minibatch, as the model reads them.
struct Batch {
  size_t rows = 0;
  const float* dense = nullptr;               // image models: rows × inputs, pixels in [0, 1]
  const uint8_t* classes = nullptr;           // softmax models: rows class labels
  const data::CsrMatrix* sparse = nullptr;    // the sparse model: rows sparse_rows[0..rows) of it
  const uint32_t* sparse_rows = nullptr;
  const float* targets = nullptr;             // the sparse model: rows labels, 0 or 1
};

struct Evaluation {
  double loss_sum = 0;  // Σ over the batch's examples of the per-example loss
  size_t correct = 0;   // examples classified correctly (0 for the VAE)
};

class Model {
 public:
  virtual ~Model() = default;
  virtual size_t parameter_count() const = 0;
  // Glorot/He-uniform weights drawn from `seed`, zero biases.
  virtual void init(uint64_t seed, float* params) const = 0;
  // The mean loss over the batch with the training noise of `noise` (dropout, the VAE's ε);
  // `grad` (parameter_count() values, overwritten) receives its gradient.
  virtual double loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) = 0;
  // The loss without dropout (the VAE keeps its ε from `noise`: the ELBO is an expectation over it).
  virtual Evaluation evaluate(const float* params, const Batch& batch, const NoiseKey& noise) = 0;
  virtual bool classifies() const { return true; }
};

}  // namespace gs::models
