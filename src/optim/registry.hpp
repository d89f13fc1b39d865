// The optimizer registry: every optimizer's name, display name, hyperparameters (default,
// validation range, slider range, log scale, description) and update rule in LaTeX, defined once,
// in its rule's info() (src/optim/rules/), and the schedules. Config parsing, result
// serialisation, the JS API and the generated UI controls all read it.
#pragma once

#include <array>
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
  // Where an optimizer's hyperparameter lives in OptimizerSpec: a shared field (real for Real and
  // Integer, flag for Bool) or the rule's own value own[own_index].
  double OptimizerSpec::*real = nullptr;
  bool OptimizerSpec::*flag = nullptr;
  double ScheduleSpec::*schedule_real = nullptr;  // for schedule parameters
  int own_index = -1;
  // A Choice's names; its value is the index of one of them (default_value is the default's index).
  std::vector<const char*> choices = {};

  // Whether it is a value of OptimizerSpec (every optimizer hyperparameter is).
  bool in_spec() const { return real || flag || own_index >= 0; }
  // Its value in `spec` (a flag as 0 or 1).
  double get(const OptimizerSpec& spec) const {
    if (own_index >= 0) return spec.own[static_cast<size_t>(own_index)];
    return flag ? (spec.*flag ? 1.0 : 0.0) : spec.*real;
  }
  void set(OptimizerSpec& spec, double value) const {
    if (own_index >= 0) spec.own[static_cast<size_t>(own_index)] = type == check::ParamType::Bool ? (value != 0) : value;
    else if (flag) spec.*flag = value != 0;
    else if (real) spec.*real = value;
  }
};

struct OptimizerInfo {
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
  Kind kind{};              // set by the registry: the rule's position in rules::AllRules
  // A whole-vector optimizer (optim/whole/): it runs on the 2-D surfaces only, in f64, without a
  // schedule; needs_hessian: it asks for the objective's exact Hessian.
  bool whole = false;
  bool needs_hessian = false;
  bool wraps_optimizer = false;        // its config holds `inner`, the optimizer it wraps (Lookahead)
  // Paths it draws besides the trajectory (Lookahead's slow weights; ASGD's average; Schedule-Free's
  // x and z), by name; nullptr: none.
  std::array<const char*, 2> companion_labels{};
  int companion_count() const { return (companion_labels[0] != nullptr) + (companion_labels[1] != nullptr); }
  const char* curve_label = nullptr;      // a scalar it plots per step (Prodigy's distance estimate d_k)
  bool counts_evaluations = false;        // a step may evaluate f more than once (L-BFGS)
  // The user's own rule (`custom`): its config holds `rule`, the text, and the hyperparameters the
  // rule declares (hypers lists none); default_rule is what {"name": "custom"} alone runs. Its
  // rule is interpreted (optim/custom/custom_steps.hpp): it runs per coordinate, in f32 and f64, on
  // the 2-D surfaces and in the sweep, without a schedule.
  const char* default_rule = nullptr;
  bool interpreted() const { return default_rule != nullptr; }
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
// The kind of a registry name; an unknown name is a programming error (check::require).
Kind optimizer_kind(std::string_view name);
const OptimizerInfo& info(Kind kind);
const std::vector<ScheduleInfo>& schedule_registry();
const ScheduleInfo& info(ScheduleKind kind);

// The optimizer's defaults (torch's, where torch has the optimizer).
OptimizerSpec default_spec(Kind kind);
OptimizerSpec default_spec(std::string_view name);

// Parses and validates one optimizer object of the config schema; `path` names it in errors.
bool parse_optimizer(const json::Value& value, const std::string& path, OptimizerSpec& out, std::string& error);
// "path.name: …" when `where` (a lab) cannot run `spec`, else "": a whole-vector optimizer runs on
// the 2-D surfaces only; a custom rule there and, with `runs_custom_rules`, in `where` (the sweep).
std::string per_coordinate_error(const OptimizerSpec& spec, const std::string& path, const char* where,
                                 bool runs_custom_rules = false);
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
