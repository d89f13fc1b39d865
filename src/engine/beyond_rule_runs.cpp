// The runs of the optimizers beyond the compiled rules (run_state.hpp): a custom rule's, interpreted
// per coordinate in f32 or f64 (optim/custom/custom_steps.hpp, which the sweep shares), and a
// whole-vector optimizer's (optim/whole/), in f64. register_beyond_rule_runs() enters them.
#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <vector>

#include "engine/run_state.hpp"
#include "optim/custom/custom_steps.hpp"
#include "optim/registry.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::engine {

namespace {

// A custom rule's run (optim/custom/), in float or double: each step takes the gradient at θ like
// TypedRun and steps both coordinates with the rule (custom_steps.hpp, which the sweep shares).
template <class T>
class CustomRun final : public RunState {
 public:
  CustomRun(const optim::OptimizerSpec& spec, const double start[2])
      : rule_(spec.rule), hyper_(spec.own.begin(), spec.own.begin() + static_cast<long>(rule_->hypers().size())) {
    params_[0] = T(start[0]);
    params_[1] = T(start[1]);
    for (size_t k = 0; k < rule_->states().size(); ++k) {
      state_[k][0] = state_[k][1] = T(rule_->states()[k].initial);
      slots_[k] = state_[k];
    }
    for (size_t k = 0; k < hyper_.size(); ++k)
      if (rule_->hypers()[k].name == "lr") lr_ = hyper_[k];
  }

  StepOutcome step(const objectives::Objective& f, const objectives::GradientNoise& noise, double out[2],
                   std::string& why) override {
    const double at[2] = {double(params_[0]), double(params_[1])};
    double g[2];
    const double value = f.step_gradient(t_ + 1, at[0], at[1], g[0], g[1]);
    const StepOutcome start = check_gradient(f, value, g, at, why);
    if (start != StepOutcome::Ok) return start;
    if (noise.active()) noise.apply(t_ + 1, g, 2);
    ++t_;
    for (size_t i = 0; i < 2; ++i) {
      grads_[i] = T(g[i]);
      const T before = params_[i];
      if (!optim::custom::step_coordinate(*rule_, t_, hyper_.data(), params_[i], grads_[i], slots_, i, why)) {
        why = (i == 0 ? "x: " : "y: ") + why;
        return StepOutcome::Diverged;
      }
      steps_[i] = std::fabs(double(params_[i]) - double(before));
    }
    out[0] = double(params_[0]);
    out[1] = double(params_[1]);
    return check_point(out, why);
  }

  uint32_t evaluations() const override { return static_cast<uint32_t>(t_); }

  void diagnostics(double* out) const override {
    const double nan = std::nan("");
    const double values[kDiagnosticsPerPoint] = {double(grads_[0]), double(grads_[1]), lr_, steps_[0], steps_[1],
                                                 nan, nan};
    std::copy(values, values + kDiagnosticsPerPoint, out);
  }

 private:
  std::shared_ptr<const optim::custom::CustomRule> rule_;
  std::vector<double> hyper_;
  T params_[2];
  T grads_[2] = {T(0), T(0)};
  T state_[optim::custom::kMaxStates][2] = {};
  T* slots_[optim::custom::kMaxStates] = {};
  double steps_[2] = {0, 0};
  double lr_ = std::nan("");
  uint64_t t_ = 0;
};

// The objective at step t as a whole-vector optimizer sees it: every call of a step gets step t's
// gradient (its minibatch and noise draw), and each call is counted.
class StepOracle final : public optim::whole::Oracle {
 public:
  StepOracle(const objectives::Objective& f, const objectives::GradientNoise& noise) : f_(f), noise_(noise) {}
  void begin(uint64_t t) {
    t_ = t;
    first_ = true;
  }
  double value_gradient(const double x[2], double g[2]) override {
    ++count_;
    const double value = f_.step_gradient(t_, x[0], x[1], g[0], g[1]);
    if (first_) start_ = check_gradient(f_, value, g, x, start_why_);
    first_ = false;
    if (noise_.active()) noise_.apply(t_, g, 2);
    return value;
  }
  void hessian(const double x[2], double h[3]) override { f_.hessian(x[0], x[1], h); }
  uint32_t count() const { return count_; }
  // How the step's first evaluation (at its start point) went.
  StepOutcome start(std::string& why) const {
    if (start_ != StepOutcome::Ok) why = start_why_;
    return start_;
  }

 private:
  const objectives::Objective& f_;
  const objectives::GradientNoise& noise_;
  uint64_t t_ = 0;
  uint32_t count_ = 0;
  bool first_ = true;
  StepOutcome start_ = StepOutcome::Ok;
  std::string start_why_;
};

// A whole-vector optimizer's run (optim/whole/), in f64.
class WholeRun final : public RunState {
 public:
  WholeRun(const optim::OptimizerSpec& spec, const double start[2], const objectives::Objective& f,
           const objectives::GradientNoise& noise)
      : info_(optim::info(spec.kind)),
        optimizer_(optim::whole::whole_entry(spec.kind)->make(spec)),
        oracle_(f, noise),
        x_{start[0], start[1]} {}

  StepOutcome step(const objectives::Objective&, const objectives::GradientNoise&, double out[2],
                   std::string& why) override {
    oracle_.begin(++t_);
    optimizer_->step(t_, x_, oracle_);
    if (oracle_.start(why) != StepOutcome::Ok) return oracle_.start(why);
    if (!optimizer_->report().failure.empty()) {
      why = optimizer_->report().failure;
      return StepOutcome::Diverged;
    }
    out[0] = x_[0];
    out[1] = x_[1];
    return check_point(out, why);
  }

  void diagnostics(double* out) const override {
    const optim::whole::StepReport& r = optimizer_->report();
    const double values[kDiagnosticsPerPoint] = {r.gradient[0], r.gradient[1], r.lr,          r.first[0],
                                                 r.first[1],    r.second[0],   r.second[1]};
    std::copy(values, values + kDiagnosticsPerPoint, out);
  }

  uint32_t evaluations() const override { return oracle_.count(); }

  void record_extras(Trace& trace, uint64_t t) const override {
    const optim::whole::StepReport& r = optimizer_->report();
    if (info_.companion_count()) {
      trace.companion.push_back(r.companion[0]);
      trace.companion.push_back(r.companion[1]);
    }
    if (info_.curve_label) trace.curve.push_back(r.curve);
    if (!info_.counts_evaluations) return;
    for (const auto& p : r.evaluated) {
      const double fields[kEvaluatedFields] = {double(t), p.x[0], p.x[1], p.f, p.line_search_trial ? 1.0 : 0.0};
      trace.evaluated.insert(trace.evaluated.end(), std::begin(fields), std::end(fields));
    }
  }

 private:
  const optim::OptimizerInfo& info_;
  std::unique_ptr<optim::whole::WholeOptimizer> optimizer_;
  StepOracle oracle_;
  double x_[2];
  uint64_t t_ = 0;
};

std::unique_ptr<RunState> make_run(const optim::OptimizerSpec& spec, const RunConfig& config,
                                   const objectives::Objective& f) {
  if (optim::info(spec.kind).whole) return std::make_unique<WholeRun>(spec, config.start, f, config.objective.noise);
  if (config.precision == Precision::F32) return std::make_unique<CustomRun<float>>(spec, config.start);
  return std::make_unique<CustomRun<double>>(spec, config.start);
}

}  // namespace

void register_beyond_rule_runs() { set_beyond_rule_run_factory(make_run); }

}  // namespace gs::engine
