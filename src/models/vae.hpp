// A variational auto-encoder with a Bernoulli likelihood: the model of the Adam paper's bias-
// correction ablation (Kingma & Ba 2015, Section 6.4 and Figure 4, after Kingma & Welling 2014).
//   encoder  h = relu(W₁ᵀx + b₁),  [μ, log σ²] = W₂ᵀh + b₂
//   sample   z = μ + σ ⊙ ε,  ε ~ N(0, I) from the NoiseKey  (reparameterisation, K&W Section 2.4)
//   decoder  g = relu(W₃ᵀz + b₃),  logits = W₄ᵀg + b₄,  p(x|z) = Bernoulli(σ(logits)), x ∈ [0, 1]
//   loss     −ELBO = Σ_k [softplus(logit_k) − x_k·logit_k] + ½ Σ_j (μ_j² + σ_j² − 1 − log σ_j²)
//            per example (K&W Appendix B's closed-form KL), one ε sample, mean over the minibatch.
// The paper's VAE has 500 softplus hidden units and 50 latents; this one 784 → 200 → 20 → 200 → 784
// with ReLU hidden units by default (the same dense and ReLU kernels as the MLP).
// Parameters (flat): W₁ [in × H], b₁ [H], W₂ [H × 2L] (μ in columns 0..L, log σ² in L..2L), b₂ [2L],
// W₃ [L × H], b₃ [H], W₄ [H × in], b₄ [in], one after the other (layer(0..3) gives the offsets).
#pragma once

#include <vector>

#include "models/layer_layout.hpp"
#include "models/model.hpp"

namespace gs::models {

struct VaeShape {
  size_t inputs = 784;
  size_t hidden = 200;
  size_t latent = 20;
};

class Vae final : public Model {
 public:
  explicit Vae(const VaeShape& shape);
  size_t parameter_count() const override { return layers_[3].end(); }
  const DenseLayout& layer(size_t i) const { return layers_[i]; }
  void init(uint64_t seed, float* params) const override;
  double loss_and_grad(const float* params, const Batch& batch, float* grad, const NoiseKey& noise) override;
  Evaluation evaluate(const float* params, const Batch& batch, const NoiseKey& noise) override;
  bool classifies() const override { return false; }

 private:
  // Forward pass with the ε of `noise`; returns the summed −ELBO; with `dlogits_scale` > 0 it
  // also leaves ∂(scale·loss)/∂logits in dlogits_.
  double forward(const float* params, const Batch& batch, const NoiseKey& noise, float dlogits_scale);

  VaeShape shape_;
  DenseLayout layers_[4];
  std::vector<float> h_, stats_, eps_, sigma_, z_, g_, logits_;
  std::vector<float> dlogits_, dg_, dz_, dstats_, dh_;
};

}  // namespace gs::models
