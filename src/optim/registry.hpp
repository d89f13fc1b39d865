// The optimizer registry: every optimizer's name, display name, hyperparameters (default,
// validation range, slider range, log scale, description) and update rule in LaTeX, defined once,
// in its rule's info() (src/optim/rules/), and the schedules. Config parsing, result
// serialisation, the JS API and the generated UI controls all read it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/check.hpp"
#include "core/json.hpp"
#include "optim/spec.hpp"

namespace gs::optim {

struct HyperInfo {
  const char* name;
  check::ParamType type;
  double default_value;
  check::Range range;         // what a config may hold
  double slider_min, slider_max;  // what a UI slider spans
  const char* scale;  // how a slider maps: "linear", "log", or "log1m" (log of 1 − x, for β close to 1)
  const char* description;
  double OptimizerSpec::*real = nullptr;  // the field it sets (Real and Integer)
  bool OptimizerSpec::*flag = nullptr;    // the field it sets (Bool)
  double ScheduleSpec::*schedule_real = nullptr;  // for schedule parameters
};

struct OptimizerInfo {
  Kind kind;
  const char* name;
  const char* display_name;
  const char* source;       // "torch.optim.Adam (1.13)" or the paper / textbook form it follows
  const char* description;
  const char* latex;        // the update rule
  std::vector<HyperInfo> hypers;
  bool first_moment;        // has β1 / momentum, so beta1_decay applies
  // The curves of Moments, as the UI labels them (nullptr: the optimizer has no such quantity);
  // with amsgrad the second is the running maximum. second_moment_root: the UI plots √second
  // (false where second is already a scale, AdaMax's u).
  const char* moment_first;
  const char* moment_second;
  bool second_moment_root;
  double playground_lr;     // a learning rate that visibly moves on the 2-D surfaces
  bool adam_step_bound;     // the Adam paper's Section 2.1 step bounds apply to its runs
  bool regret_bound;        // it is Algorithm 1, so the Adam paper's Theorem 4.1 bounds its regret
  int add_order;            // "+ Add optimizer" offers the optimizers not shown yet in this order
};

struct ScheduleInfo {
  ScheduleKind kind;
  const char* name;
  const char* description;
  const char* latex;
  std::vector<HyperInfo> params;  // fields of ScheduleSpec
};

const std::vector<OptimizerInfo>& optimizer_registry();
const OptimizerInfo* find_optimizer(std::string_view name);
const OptimizerInfo& info(Kind kind);
const std::vector<ScheduleInfo>& schedule_registry();
const ScheduleInfo& info(ScheduleKind kind);

// The optimizer's defaults (torch's, where torch has the optimizer).
OptimizerSpec default_spec(Kind kind);

// Parses and validates one optimizer object of the config schema; `path` names it in errors.
bool parse_optimizer(const json::Value& value, const std::string& path, OptimizerSpec& out, std::string& error);
// Every hyperparameter of the spec resolved, in registry order (the result schema's "optimizer").
json::Value to_json(const OptimizerSpec& spec);

// The Adam paper's Section 2.1 bound on the effective step |Δ_t| = α·|m̂_t|/√v̂_t:
// α(1−β1)/√(1−β2) when (1−β1) > √(1−β2), else α. Approximate: a growing gradient breaks it.
double adam_paper_step_bound(double alpha, double beta1, double beta2);
// The exact worst case over every gradient sequence, by Cauchy–Schwarz on m_t = (1−β1)Σβ1^k g_{t−k}:
// |Δ_t| ≤ α·(1−β1)/(1−β1^t) · √((1−β2^t)/(1−β2)) · √(Σ_{k<t} (β1²/β2)^k). Infinite for β2 = 0 < β1.
double adam_exact_step_bound(double alpha, double beta1, double beta2, uint64_t t);

json::Value hyper_json(const HyperInfo& h);
json::Value optimizer_registry_json();
json::Value schedule_registry_json();

}  // namespace gs::optim
