// The resolved description of one optimizer: which update rule, every hyperparameter, the
// learning-rate schedule and the β1 decay of the Adam paper's Theorem 4.1. Hyperparameters are
// plain values apart from the optimizer's state (optim/optimizer.hpp), so they can change mid-run.
// Names follow torch.optim 1.13, with `betas` split into beta1/beta2, Rprop's `etas` into
// etaminus/etaplus and its `step_sizes` into step_size_min/step_size_max.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace gs::optim {

namespace custom {
class CustomRule;
}

// Which optimizer: the position of its rule in rules::AllRules (src/optim/rules/all.hpp), the one
// list of optimizers. Code names an optimizer by its registry name (optimizer_kind("adam")).
struct Kind {
  uint8_t index = 0;
  friend constexpr bool operator==(Kind, Kind) = default;
};

// How many state values per parameter (slots) a rule may keep (Adan keeps four).
inline constexpr int kMaxSlots = 4;

// How many hyperparameters of its own (beyond those of OptimizerSpec's shared fields) a rule may have.
inline constexpr size_t kOwnHypers = 8;

enum class ScheduleKind { Constant, InvSqrt, Step, Exponential, Cosine, Warmup };

struct ScheduleSpec {
  ScheduleKind kind = ScheduleKind::Constant;
  double step_size = 100;   // step: multiply by gamma every step_size steps
  double gamma = 0.5;       // step, exponential
  double T_max = 1000;      // cosine: half period in steps
  double eta_min = 0;       // cosine: the lowest learning rate
  double warmup_steps = 100;  // warmup: linear ramp lr·t/warmup_steps, then constant
};

// A default-constructed spec is the first rule of the list with these field values; a spec of
// an optimizer comes from default_spec(name) or parse_optimizer (optim/registry.hpp).
struct OptimizerSpec {
  Kind kind;
  std::string label;  // shown in legends; defaults to the display name

  // The hyperparameters several optimizers share (their registry entries: optim/registry_fields.hpp).
  double lr = 1e-3;
  double momentum = 0;
  double weight_decay = 0;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  bool amsgrad = false;
  bool bias_correction = true;
  // The optimizer's own hyperparameters (SGD's dampening and nesterov, RMSprop's alpha, Rprop's
  // etaminus, …), by the index its rule gives each (its `Own` enum and info()); a flag is 0 or 1.
  std::array<double, kOwnHypers> own{};

  ScheduleSpec schedule;
  double beta1_decay = 1;  // λ: β1,t = β1·λ^(t−1) (applied to the rule's first-moment coefficient)
  // The optimizer a wrapper runs (Lookahead's fast weights); null for every other optimizer.
  std::shared_ptr<const OptimizerSpec> inner;
  // A custom optimizer's rule (optim/custom/), its hyperparameters in own[] in declaration order.
  std::shared_ptr<const custom::CustomRule> rule;
};

}  // namespace gs::optim
