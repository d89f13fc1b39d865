// Theorem 4.1 of the Adam paper (Kingma & Ba, ICLR 2015), evaluated from a run's observed
// quantities. If ‖∇f_t‖∞ ≤ G∞, ‖θ_n − θ_m‖₂ ≤ D, ‖θ_n − θ_m‖∞ ≤ D∞, γ = β1²/√β2 < 1,
// α_t = α/√t and β1,t = β1·λ^(t−1) with λ ∈ (0, 1), then
//   R(T) ≤ D²/(2α(1−β1)) · Σ_i √(T·v̂_{T,i})
//        + α(1+β1)G∞/((1−β1)√(1−β2)(1−γ)²) · Σ_i ‖g_{1:T,i}‖₂
//        + Σ_i D∞²G∞√(1−β2)/(2α(1−β1)(1−λ)²).
// Here D and D∞ are the domain's diameters, G∞ the largest |g_{t,i}| observed so far, v̂_{T,i} the
// bias-corrected second moment v_{T,i}/(1−β2^T) (AMSGrad: its running maximum of v, so corrected),
// ‖g_{1:T,i}‖₂ the norm of coordinate i's gradients so far.
// Conditions checked: optimizer adam or adamw (Algorithm 1), schedule inv_sqrt, γ < 1, and
// λ = beta1_decay ∈ (0, 1) — except that with β1 = 0 every λ gives β1,t = 0, so the decay
// condition holds and the last term takes its infimum over λ ∈ (0, 1) (λ → 0, (1−λ)² → 1).
// Reddi, Kale & Kumar (ICLR 2018) show that the proof is flawed: on their problem (problem
// "reddi") Adam's regret grows linearly and crosses this bound.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "optim/spec.hpp"

namespace gs::online {

// "" when the theorem's conditions hold for `spec`; otherwise the first one that fails, in words.
std::string theorem41_failed_condition(const optim::OptimizerSpec& spec);

struct Theorem41Observed {
  uint64_t t = 0;
  size_t d = 0;
  double D = 0, D_inf = 0;
  double G_inf = 0;
  double sum_sqrt_t_vhat = 0;  // Σ_i √(t·v̂_{t,i})
  double sum_gradient_norms = 0;  // Σ_i ‖g_{1:t,i}‖₂
};

// The right-hand side; assumes theorem41_failed_condition(spec) is empty.
double theorem41_bound(const optim::OptimizerSpec& spec, const Theorem41Observed& observed);

}  // namespace gs::online
