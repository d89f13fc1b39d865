#include "sweep/batch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "optim/custom/custom_rule.hpp"
#include "optim/optimizer.hpp"
#include "objectives/catalog/all.hpp"
#include "optim/rules/all.hpp"
#include "sweep/batch_passes.hpp"
#include "sweep/run_loop.hpp"
#include "sweep/coefficient_trace.hpp"

namespace gs::sweep {

namespace {

using optim::Kind;

// The objective pass of the catalog entry at `index`: its lane form, or run by run; a user
// objective's (a typed formula, a data objective) evaluates all runs' points at once.
template <class T>
ObjectivePassFn<T> objective_pass_for(size_t index) {
  if (index == objectives::kDefinedIndex) return passes::objective_pass<T, passes::DefinedPoints>;
  static const auto kPasses = [] {
    std::array<ObjectivePassFn<T>, objectives::catalog::AllObjectives::size> passes{};
    objectives::catalog::AllObjectives::for_each([&](auto entry, size_t i) {
      using Entry = decltype(entry);
      if constexpr (Entry::kLaneForm) {
        passes[i] = passes::objective_pass<T, Entry>;
      } else {
        passes[i] = passes::objective_pass<T, void>;
      }
    });
    return passes;
  }();
  return kPasses[index];
}

template <class T>
using ColumnPassFn = void (*)(BatchRuns<T>&, uint64_t, bool advance);

}  // namespace

// What a batch needs of its optimizer: the rule's slots and coefficients, their trace, and the
// passes instantiated for it.
template <class T>
struct BatchKindOps {
  int slots;
  size_t coefficients;
  bool lookahead;
  KernelPlan<kMaxCoefficients> (*trace)(const optim::OptimizerSpec&, bool decays);
  std::array<ColumnPassFn<T>, kMaxCoefficients> run_column;          // per coefficient
  std::array<ColumnPassFn<T>, kMaxCoefficients> run_column_lr_only;  // per coefficient, BatchRuns::lr_only
  std::array<double, kMaxCoefficients> (*first_run)(const optim::OptimizerSpec&, const optim::HyperLanes<double>&,
                                                     optim::RunningLanes<double>&, uint64_t);
  void (*kernel)(BatchRuns<T>&, uint64_t);
  double (*initial_state)(const optim::OptimizerSpec&, int slot);
};

namespace {

template <class Rule>
KernelPlan<kMaxCoefficients> trace_of(const optim::OptimizerSpec& spec, bool decays) {
  static_assert(Rule::kCount <= kMaxCoefficients);
  KernelPlan<kMaxCoefficients> plan{};
  const auto traced = trace_coefficients<Rule>(spec, decays);
  std::copy(traced.coefficients.begin(), traced.coefficients.end(), plan.coefficients.begin());
  plan.running_fields = traced.running_fields;
  return plan;
}

template <class T, class Rule, bool kLrOnly, size_t... k>
constexpr std::array<ColumnPassFn<T>, kMaxCoefficients> column_passes(std::index_sequence<k...>) {
  return {passes::run_column_pass<T, Rule, k, kLrOnly>...};
}

template <class T, class Rule>
constexpr BatchKindOps<T> ops_of() {
  return {Rule::kSlots,
          Rule::kCount,
          Rule::kLookahead,
          trace_of<Rule>,
          column_passes<T, Rule, false>(std::make_index_sequence<Rule::kCount>{}),
          column_passes<T, Rule, true>(std::make_index_sequence<Rule::kCount>{}),
          passes::first_run_coefficients<Rule>,
          passes::kernel_pass<T, Rule>,
          Rule::initial_state};
}

KernelPlan<kMaxCoefficients> no_coefficients(const optim::OptimizerSpec&, bool) { return {}; }

std::array<double, kMaxCoefficients> no_first_run(const optim::OptimizerSpec&, const optim::HyperLanes<double>&,
                                                  optim::RunningLanes<double>&, uint64_t) {
  return {};
}

double custom_initial_state(const optim::OptimizerSpec& spec, int slot) {
  return spec.rule->states()[static_cast<size_t>(slot)].initial;
}

// A custom rule: no coefficients (its update is interpreted), its states as slots (their number
// is the rule's: reset() reads it from the spec).
template <class T>
const BatchKindOps<T>* custom_ops() {
  static const BatchKindOps<T> kOps{0,  0,  false, no_coefficients, {}, {}, no_first_run, passes::custom_kernel_pass<T>,
                                    custom_initial_state};
  return &kOps;
}

template <class T>
const BatchKindOps<T>* ops_for(Kind kind) {
  static const auto kOps = [] {
    std::array<BatchKindOps<T>, optim::rules::AllRules::size> ops{};
    optim::rules::AllRules::for_each([&](auto rule) {
      using Rule = decltype(rule);
      ops[optim::rules::kind_of<Rule>().index] = ops_of<T, Rule>();
    });
    return ops;
  }();
  return &kOps[kind.index];
}

}  // namespace

template <class T>
NoiseStep Batch<T>::noise_step(uint64_t t) const {
  NoiseStep step;
  step.clip_norm = noise_.clip_norm;
  if (!(noise_.sigma > 0 || noise_.sparsity > 0)) return step;
  // GradientNoise::perturb itself decides: a NaN probe comes back as 0 only where the coordinate is
  // dropped, and a 0 probe comes back as the noise σ·N(0, 1) it adds elsewhere.
  double dropped[2] = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
  double added[2] = {0, 0};
  noise_.perturb(t, dropped, 2);
  noise_.perturb(t, added, 2);
  for (int c = 0; c < 2; ++c) {
    step.drop[c] = !std::isnan(dropped[c]);
    step.shift[c] = !step.drop[c] && noise_.sigma > 0;
    step.add[c] = added[c];
  }
  return step;
}

template <class T>
void Batch<T>::reset(const objectives::Objective& objective, const objectives::GradientNoise& noise,
                     std::span<const optim::OptimizerSpec> specs, std::span<const double> x0,
                     std::span<const double> y0, const TolTracking& tol) {
  BatchRuns<T>& b = runs_;
  const size_t n = specs.size(), padded = padded_runs(n);
  b.n = n;
  b.padded = padded;
  b.spec = n ? specs[0] : optim::OptimizerSpec{};
  const Kind kind = b.spec.kind;
  noise_ = noise;
  t_ = 0;
  const auto run = [n](size_t i) { return i < n ? i : 0; };  // a padding run copies run 0

  b.x.resize(padded);
  b.y.resize(padded);
  for (size_t i = 0; i < padded; ++i) {
    b.x[i] = static_cast<T>(x0[run(i)]);
    b.y[i] = static_cast<T>(y0[run(i)]);
  }
  b.prev_x = b.x;
  b.prev_y = b.y;
  b.gx.assign(padded, T(0));
  b.gy.assign(padded, T(0));
  const optim::custom::CustomRule* rule = b.spec.rule.get();
  ops_ = rule ? custom_ops<T>() : ops_for<T>(kind);
  const int slots = rule ? static_cast<int>(rule->states().size()) : ops_->slots;
  b.look_x.assign(ops_->lookahead ? padded : 0, T(0));
  b.look_y.assign(ops_->lookahead ? padded : 0, T(0));
  b.alive.assign(padded, T(0));
  std::fill(b.alive.begin(), b.alive.begin() + static_cast<std::ptrdiff_t>(n), T(1));
  b.loss.assign(padded, 0.0);
  b.first_hit.assign(padded, -1.0);
  b.diverged_at.assign(padded, 0);
  b.live = n;

  for (auto& field : b.hyper) field.resize(padded);
  for (size_t f = 0; f < kRunningFields; ++f) b.running[f].assign(padded, f < 5 ? 1.0 : 0.0);  // products; own
  b.rule_hypers = rule ? rule->hypers().size() : 0;
  b.rule_hyper.resize(b.rule_hypers * padded);
  for (size_t i = 0; i < padded; ++i) {
    for (size_t k = 0; k < b.rule_hypers; ++k) b.rule_hyper[i * b.rule_hypers + k] = specs[run(i)].own[k];
    const optim::HyperLanes<double> h = rule ? optim::HyperLanes<double>{} : optim::hyper_lanes(specs[run(i)]);
    for (size_t k = 0; k < kHyperFields; ++k) b.hyper[k][i] = h.role(k);
    const optim::RuleFlags flags = optim::rule_flags(specs[run(i)], h);
    if (i == 0) {
      b.first_hyper = h;
      b.flags = flags;
    }
    b.flags = optim::merge(b.flags, flags);
  }
  b.first_running = optim::RunningLanes<double>{};
  b.scheduled_lr.assign(b.spec.schedule.kind == optim::ScheduleKind::Constant ? 0 : padded, 0.0);

  b.state.assign(static_cast<size_t>(slots) * 2 * padded, T(0));
  for (int k = 0; k < slots; ++k)
    for (size_t i = 0; i < padded; ++i)
      b.slot(k, 0)[i] = b.slot(k, 1)[i] = static_cast<T>(ops_->initial_state(specs[run(i)], k));
  plan_coefficients();

  b.objective = &objective;
  b.track_tol = tol.on;
  b.f_star = tol.f_star;
  b.tol = tol.tol;
  objective_pass_ = objective_pass_for<T>(objective.catalog_index());

  // Step 0: the loss at the start, and (without look-ahead) the gradient for step 1.
  const bool lookahead = ops_->lookahead;
  objective_pass_(b, {b.x.data(), b.y.data(), !lookahead, true, 0, lookahead ? NoiseStep{} : noise_step(1), 1});
}

template <class T>
void Batch<T>::fill_first_run_columns(uint64_t t, uint32_t columns) {
  BatchRuns<T>& b = runs_;
  const std::array<double, kMaxCoefficients> c = ops_->first_run(b.spec, b.first_hyper, b.first_running, t);
  for (size_t k = 0; k < kMaxCoefficients; ++k)
    if ((columns >> k) & 1) std::fill(b.columns[k].begin(), b.columns[k].end(), static_cast<T>(c[k]));
}

template <class T>
void Batch<T>::plan_coefficients() {
  BatchRuns<T>& b = runs_;
  const size_t n = b.n;
  uint32_t varying = 0;  // the hyperparameters that differ between runs
  bool decays = false;   // some run's λ^t moves
  for (size_t f = 0; f < kHyperFields; ++f)
    for (size_t i = 1; i < n; ++i)
      if (b.hyper[f][i] != b.hyper[f][0]) varying |= 1u << f;
  for (size_t i = 0; i < n; ++i) decays = decays || b.hyper[optim::kRoleBeta1Decay][i] != 1;
  const KernelPlan<kMaxCoefficients> plan = ops_->trace(b.spec, decays);
  const auto& plans = plan.coefficients;
  uint32_t first_static = 0;
  b.step_columns = b.run_columns = 0;
  for (size_t k = 0; k < kMaxCoefficients; ++k) {
    const bool used = k < ops_->coefficients;
    b.columns[k].assign(used ? b.padded : 0, T(0));
    if (!used) continue;
    const bool per_lane = (plans[k].fields & varying) != 0;
    const uint32_t bit = 1u << k;
    if (plans[k].per_step && per_lane) {
      b.run_columns |= bit;
    } else if (plans[k].per_step) {
      b.step_columns |= bit;
    } else if (per_lane) {
      ops_->run_column[k](b, 1, false);  // never changes: step 1's values (the running products are at 1)
    } else {
      first_static |= bit;
    }
  }
  if (first_static) {
    const optim::RunningLanes<double> running = b.first_running;
    fill_first_run_columns(1, first_static);
    b.first_running = running;
  }
  constexpr uint32_t kLr = 1u << optim::kRoleLr;
  b.lr_only = b.run_columns && (varying & ~kLr) == 0 && (plan.running_fields & varying) == 0;
}

template <class T>
void Batch<T>::step() {
  const uint64_t t = ++t_;
  BatchRuns<T>& b = runs_;
  if (b.live == 0) return;
  b.flags.first = t == 1;
  b.step_running = b.first_running;
  if (b.step_columns || b.lr_only) fill_first_run_columns(t, b.step_columns);
  if (b.run_columns && !b.scheduled_lr.empty())
    passes::scheduled_lr_pass(b.spec.schedule, t, b.hyper[0].data(), b.scheduled_lr.data(), b.padded);
  const auto& run_column = b.lr_only ? ops_->run_column_lr_only : ops_->run_column;
  for (uint32_t columns = b.run_columns; columns;) {
    const int k = __builtin_ctz(columns);
    columns &= columns - 1;
    run_column[k](b, t, columns == 0);
  }
  if (ops_->lookahead) {
    passes::lookahead_pass(b);
    objective_pass_(b, {b.look_x.data(), b.look_y.data(), true, false, t, noise_step(t), t});
    ops_->kernel(b, t);
    objective_pass_(b, {b.x.data(), b.y.data(), false, true, t, NoiseStep{}});
  } else {
    ops_->kernel(b, t);
    objective_pass_(b, {b.x.data(), b.y.data(), true, true, t, noise_step(t + 1), t + 1});
  }
}

template <class T>
void Batch<T>::run(uint64_t steps) {
  for (uint64_t s = 0; s < steps; ++s) {
    if (runs_.live == 0) {
      t_ += steps - s;
      return;
    }
    step();
  }
}

template class Batch<float>;
template class Batch<double>;

}  // namespace gs::sweep
