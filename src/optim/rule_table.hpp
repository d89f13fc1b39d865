// The single-run engine's tables of rules, by Kind: what it needs of each rule as plain function
// pointers (RuleMeta here; the kernels in RuleOps, optimizer.hpp) and the registry's entries. The
// core rules (rules::CoreRules) are in every module's tables; the optimizer pack's
// (rules::PackRules) only after register_optimizer_pack() (optim/pack/optimizer_pack.hpp), so a
// module that never registers the pack never references its code. meta_of<Rule>() makes a rule's
// entry; rule_kernels.hpp makes its RuleOps.
#pragma once

#include <string>

#include "optim/registry.hpp"
#include "optim/rules/rule_base.hpp"
#include "optim/step_scalars.hpp"

namespace gs::optim {

struct RuleMeta {
  int slots = 0;
  OptimizerInfo (*info)() = nullptr;
  HyperLanes<double> (*hyper)(const OptimizerSpec&) = nullptr;
  StepScalars (*next_scalars)(const OptimizerSpec&, RunningScalars&) = nullptr;
  double (*initial_state)(const OptimizerSpec&, int slot) = nullptr;
  Moments (*moments)(const OptimizerSpec&, const RunningScalars&, const double* slot) = nullptr;
  std::string (*latex)(const OptimizerSpec&) = nullptr;
  rules::HyperConstraint (*constraint)(const OptimizerSpec&) = nullptr;
  int companion_count = 0;
  void (*companions)(const RunningScalars&, const double* slot, double* out) = nullptr;
};

// The entry of `kind`'s rule; a kind whose rule this module has not registered is a programming
// error (configs name optimizers through the registry, which lists only registered ones).
const RuleMeta& rule_meta(Kind kind);
// Whether `kind`'s rule is registered in this module.
bool rule_registered(Kind kind);
// Enters a rule: its meta entry, then its registry entry (kinds in order: the registry's index is
// the kind's). Used by the core's tables and by register_optimizer_pack().
void set_rule_meta(Kind kind, const RuleMeta& meta);

template <class Rule>
HyperLanes<double> hyper_of(const OptimizerSpec& spec) {
  HyperLanes<double> h{};
  h.lr = spec.lr;
  h.eps = spec.eps;
  h.weight_decay = spec.weight_decay;
  h.beta1_decay = spec.beta1_decay;
  h.mu_ratio = 1;
  for (size_t k = 0; k < h.own.size(); ++k) h.own[k] = spec.own[k];
  Rule::hyper(spec, h);
  return h;
}

template <class Rule>
StepScalars next_scalars_of(const OptimizerSpec& spec, RunningScalars& running) {
  StepScalars s;
  s.t = ++running.t;
  s.hyper = hyper_of<Rule>(spec);
  static_cast<ScalarLanes<double>&>(s) = step_scalar_lanes<Rule>(s.hyper, running, step_shared(spec, s.t));
  s.flags = rule_flags(spec, s.hyper);
  s.flags.first = s.flags.any_momentum && !running.momentum_started;
  if (s.flags.any_momentum) running.momentum_started = true;
  return s;
}

template <class Rule>
RuleMeta meta_of() {
  RuleMeta m;
  m.slots = Rule::kSlots;
  m.info = Rule::info;
  m.hyper = hyper_of<Rule>;
  m.next_scalars = next_scalars_of<Rule>;
  m.initial_state = Rule::initial_state;
  m.moments = Rule::moments;
  m.latex = Rule::latex;
  m.constraint = Rule::constraint;
  m.companion_count = Rule::kCompanions;
  m.companions = Rule::companions;
  return m;
}

}  // namespace gs::optim
