// Prodigy: K. Mishchenko and A. Defazio, "Prodigy: An Expeditiously Adaptive Parameter-Free
// Learner", ICML 2024, Section 5 (the Adam version), as the official
// konstmish/prodigy prodigyopt/prodigy.py (commit 3efb213, Prodigy.step) computes it; the NumPy
// port tests/fixtures/ports/prodigy.py follows that file line for line and prodigy.cpp follows
// the port. With k the steps taken before this one and d the distance estimate before the update:
//   η_k = d·lr·bc,  bc = √(1 − β2^(k+1))/(1 − β1^(k+1)) with use_bias_correction, else 1
//   g ← g + λθ                                   (coupled weight decay, decouple false)
//   r ← β3·r + (d/d0)·η_k·⟨g, θ0 − θ⟩            (d_numerator)
//   m ← β1·m + (d(1 − β1))·g;  v ← β2·v + (d²(1 − β2))·g·g
//   s ← β3·s + (d/d0)·(safeguard_warmup ? d : η_k)·g
//   d̂ = d_coef·r/‖s‖₁;  d ← max(d, d̂) while d = d0;  d_max ← max(d_max, d̂);  d ← min(d_max, γ·d)
//   θ ← θ − η_k·λ·θ                              (decoupled weight decay, decouple true)
//   θ ← θ − η_k·m/(√v + d·ε)                     (β1 = 0: θ − (η_k·d)·g/(√v + d·ε)), with the new d
// β3 defaults to √β2 (the reference's None; here beta3 = 0) and γ = growth_rate to ∞ (the
// reference's inf; here growth_rate = 0), so d is the running maximum of d0 and every d̂.
//
// What differs from the paper: its Adam version decays r and s by √β2 and takes
// d_{k+1} = max(d_k, d̂); β3, d_coef, growth_rate, safeguard_warmup and the bias correction are
// options of the reference, all kept (their defaults give the paper's form). If ‖s‖₁ = 0 (a zero
// gradient) the reference returns after updating m, v and s, without storing r, d or k or moving
// θ; so does this port.
// Arithmetic: every product left to right as the reference writes it, the two-coordinate sums
// index 0 then 1, β^(k+1) and (·)^0.5 through gs::dm::pow as Python's `**`, Python's max/min
// (the first argument unless the second is strictly larger/smaller), no FMA. The reference under
// torch 1.13 fuses add_(alpha)/addcmul_ into FMAs, so it and this port agree to about 3e-12
// relative over 200 steps, not bit for bit (the port's NOTES).
//
// State: d, d_max, r (d_numerator), k; per coordinate θ0 (the start), m (exp_avg, absent for
// β1 = 0), v (exp_avg_sq), s. report().curve is d after the step, report().lr is η_k.
#pragma once

#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

WholeEntry prodigy_entry();

}  // namespace gs::optim::whole
