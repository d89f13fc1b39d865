// The hyperparameters several optimizers share, as registry entries (HyperInfo): one definition of
// each name, default, range, slider and description, used by the rules' info() (src/optim/rules/);
// and own()/own_flag(), which declare a hyperparameter only one rule has.
#pragma once

#include "optim/registry.hpp"

namespace gs::optim::fields {

using check::ParamType;
using check::Range;

inline constexpr Range kPositive{0, 1e3, true, false};
inline constexpr Range kUnitOpen{0, 1, false, true};
inline constexpr Range kUnitClosed{0, 1, false, false};

inline HyperInfo lr(double def, const char* description = "learning rate α (before the schedule)") {
  return {"lr", ParamType::Real, def, kPositive, 1e-5, 10, "log", description, &OptimizerSpec::lr};
}
inline HyperInfo weight_decay(double def = 0, const char* description = "L2 penalty λ added to the gradient: g + λθ") {
  return {"weight_decay", ParamType::Real, def, Range{0, 100}, 0, 1, "linear", description, &OptimizerSpec::weight_decay};
}
inline HyperInfo eps(double def, const char* description = "ε added to the denominator for numerical stability") {
  return {"eps", ParamType::Real, def, Range{0, 10}, 1e-10, 1, "log", description, &OptimizerSpec::eps};
}
inline HyperInfo beta1(double def = 0.9) {
  return {"beta1", ParamType::Real, def, kUnitOpen, 0, 0.999, "linear",
          "β1: decay rate of the first-moment (mean) estimate", &OptimizerSpec::beta1};
}
inline HyperInfo beta2(double def = 0.999) {
  return {"beta2", ParamType::Real, def, kUnitOpen, 0.5, 0.99999, "log1m",
          "β2: decay rate of the second-moment (uncentered variance) estimate", &OptimizerSpec::beta2};
}
inline HyperInfo momentum(double def, const char* description) {
  return {"momentum", ParamType::Real, def, kUnitOpen, 0, 0.999, "linear", description, &OptimizerSpec::momentum};
}
inline HyperInfo flag(const char* name, bool def, const char* description, bool OptimizerSpec::*field) {
  return {name, ParamType::Bool, def ? 1.0 : 0.0, Range{0, 1}, 0, 1, "linear", description, nullptr, field};
}
// λ of Theorem 4.1's β1,t = β1·λ^(t−1), which every rule with a first moment takes (OptimizerSpec::beta1_decay).
inline HyperInfo beta1_decay() {
  HyperInfo h{"beta1_decay", ParamType::Real, 1, Range{0, 1, true, false}, 0.9, 1, "log1m",
              "λ: β₁,ₜ = β₁·λᵗ⁻¹, the decaying first-moment coefficient of Theorem 4.1 (1: no decay)"};
  h.real = &OptimizerSpec::beta1_decay;
  return h;
}
inline HyperInfo bias_correction() {
  return flag("bias_correction", true,
              "divide the moments by (1 − βᵗ) (Adam paper Section 3); false gives the uncorrected form",
              &OptimizerSpec::bias_correction);
}
inline HyperInfo amsgrad() {
  return flag("amsgrad", false, "AMSGrad (Reddi et al. 2018): use the running maximum of v", &OptimizerSpec::amsgrad);
}

// An optimizer's own hyperparameter: OptimizerSpec::own[index], the index from its rule's `Own` enum.
inline HyperInfo own(const char* name, int index, ParamType type, double def, Range range, double slider_min,
                     double slider_max, const char* scale, const char* description) {
  HyperInfo h{name, type, def, range, slider_min, slider_max, scale, description};
  h.own_index = index;
  return h;
}
inline HyperInfo own_flag(const char* name, int index, bool def, const char* description) {
  return own(name, index, ParamType::Bool, def ? 1.0 : 0.0, Range{0, 1}, 0, 1, "linear", description);
}

// An optimizer's own choice between names: OptimizerSpec::own[index] holds the chosen name's index.
inline HyperInfo own_choice(const char* name, int index, std::vector<const char*> choices, int default_index,
                            const char* description) {
  HyperInfo h = own(name, index, ParamType::Choice, default_index, Range{0, double(choices.size() - 1)}, 0,
                    double(choices.size() - 1), "linear", description);
  h.choices = std::move(choices);
  return h;
}

}  // namespace gs::optim::fields
