#include "engine/run_session.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <vector>

#include "core/check.hpp"
#include "engine/result_parts.hpp"
#include "optim/custom/custom_steps.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::engine {

// How a step ended: the run goes on, diverged, or left a typed formula's domain.
enum class StepOutcome { Ok, Diverged, LeftDomain };

// One optimizer's run on the 2-D objective, in float or double.
class RunState {
 public:
  virtual ~RunState() = default;
  // Takes step t; writes the new point. Returns Ok, or why the run stopped.
  virtual StepOutcome step(const objectives::Objective& f, const objectives::GradientNoise& noise, double out[2],
                           std::string& why) = 0;
  // After step(): kDiagnosticsPerPoint values about it.
  virtual void diagnostics(double* out) const = 0;
  // Function evaluations so far.
  virtual uint32_t evaluations() const = 0;
  // After step t: what the optimizer's registry entry says it draws (Trace::companion, curve, evaluated).
  virtual void record_extras(Trace&, uint64_t) const {}
};

namespace {

// The step's outcome when x left the finite range after an update.
StepOutcome check_point(const double out[2], std::string& why) {
  for (int i = 0; i < 2; ++i) {
    const char* axis = i == 0 ? "x" : "y";
    if (!std::isfinite(out[i])) {
      why = std::string(axis) + " became " + (std::isnan(out[i]) ? "NaN" : "infinite");
      return StepOutcome::Diverged;
    }
    if (std::fabs(out[i]) > kDivergenceLimit) {
      why = "|" + std::string(axis) + "| exceeded 1e12";
      return StepOutcome::Diverged;
    }
  }
  return StepOutcome::Ok;
}

// Why step t cannot start from a point where a user objective's gradient is not finite, or Ok.
StepOutcome check_gradient(const objectives::Objective& f, double value, const double g[2], const double point[2],
                           std::string& why) {
  if (!f.defined() || (std::isfinite(value) && std::isfinite(g[0]) && std::isfinite(g[1]))) return StepOutcome::Ok;
  const objectives::Exit exit = f.exit_at(point[0], point[1], true);
  why = exit.left_domain ? exit.message : "the gradient is not finite" + (exit.finite() ? "" : " (" + exit.message + ")");
  return exit.left_domain ? StepOutcome::LeftDomain : StepOutcome::Diverged;
}

template <class T>
class TypedRun final : public RunState {
 public:
  TypedRun(const optim::OptimizerSpec& spec, const double start[2])
      : optimizer_(spec, 2), companion_paths_(optim::info(spec.kind).companion_count()) {
    params_[0] = T(start[0]);
    params_[1] = T(start[1]);
  }

  StepOutcome step(const objectives::Objective& f, const objectives::GradientNoise& noise, double out[2],
                   std::string& why) override {
    T point[2];
    optimizer_.gradient_point(params_, point);
    double g[2];
    const double at[2] = {double(point[0]), double(point[1])};
    const double value = f.step_gradient(optimizer_.steps_taken() + 1, at[0], at[1], g[0], g[1]);
    const StepOutcome start = check_gradient(f, value, g, at, why);
    if (start != StepOutcome::Ok) return start;
    if (noise.active()) noise.apply(optimizer_.steps_taken() + 1, g, 2);
    grads_[0] = T(g[0]);
    grads_[1] = T(g[1]);
    optimizer_.step(params_, grads_);
    out[0] = double(params_[0]);
    out[1] = double(params_[1]);
    return check_point(out, why);
  }

  uint32_t evaluations() const override { return static_cast<uint32_t>(optimizer_.steps_taken()); }

  // The rule's companion points (ASGD's average, Schedule-Free's x and z), path by path.
  void record_extras(Trace& trace, uint64_t) const override {
    if (companion_paths_ == 0) return;
    double along_x[2], along_y[2];
    optimizer_.companions(0, along_x);
    optimizer_.companions(1, along_y);
    for (int k = 0; k < companion_paths_; ++k) {
      trace.companion.push_back(along_x[k]);
      trace.companion.push_back(along_y[k]);
    }
  }

  void diagnostics(double* out) const override {
    optim::Moments x = optimizer_.moments(0), y = optimizer_.moments(1);
    const double values[kDiagnosticsPerPoint] = {double(grads_[0]), double(grads_[1]), optimizer_.last_scalars().lr,
                                                 x.first, y.first, x.second, y.second};
    std::copy(values, values + kDiagnosticsPerPoint, out);
  }

 private:
  optim::Optimizer<T> optimizer_;
  const int companion_paths_;  // the rule's companion paths (ASGD's average, Schedule-Free's x and z)
  T params_[2];
  T grads_[2] = {T(0), T(0)};
};

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

}  // namespace

RunSession::RunSession() = default;
RunSession::~RunSession() = default;

bool RunSession::configure(const json::Value& config, std::string& error) {
  RunConfig parsed;
  if (!parse_run_config(config, parsed, error)) return false;
  return configure(parsed, error);
}

bool RunSession::configure(const RunConfig& config, std::string&) {
  config_ = config;
  objective_ = std::make_unique<objectives::Objective>(make_objective(config_.objective));
  reset();
  return true;
}

void RunSession::reset() {
  runs_.clear();
  traces_.assign(config_.optimizers.size(), Trace{});
  steps_done_ = 0;
  double loss0 = objective_->value(config_.start[0], config_.start[1]);
  for (size_t i = 0; i < config_.optimizers.size(); ++i) {
    const auto& spec = config_.optimizers[i];
    const optim::OptimizerInfo& info = optim::info(spec.kind);
    if (info.whole)
      runs_.push_back(std::make_unique<WholeRun>(spec, config_.start, *objective_, config_.objective.noise));
    else if (spec.rule && config_.precision == Precision::F32)
      runs_.push_back(std::make_unique<CustomRun<float>>(spec, config_.start));
    else if (spec.rule)
      runs_.push_back(std::make_unique<CustomRun<double>>(spec, config_.start));
    else if (config_.precision == Precision::F32)
      runs_.push_back(std::make_unique<TypedRun<float>>(spec, config_.start));
    else
      runs_.push_back(std::make_unique<TypedRun<double>>(spec, config_.start));
    Trace& trace = traces_[i];
    trace.xy.reserve(2 * (config_.steps + 1));
    trace.loss.reserve(config_.steps + 1);
    double x = config_.precision == Precision::F32 ? double(float(config_.start[0])) : config_.start[0];
    double y = config_.precision == Precision::F32 ? double(float(config_.start[1])) : config_.start[1];
    trace.xy.push_back(x);
    trace.xy.push_back(y);
    trace.loss.push_back(config_.precision == Precision::F32 ? objective_->value(x, y) : loss0);
    trace.evaluations.reserve(config_.steps + 1);
    trace.evaluations.push_back(0);
    if (const int paths = info.companion_count()) {
      trace.companion.reserve(2 * paths * (config_.steps + 1));
      for (int k = 0; k < paths; ++k) {
        trace.companion.push_back(x);
        trace.companion.push_back(y);
      }
    }
    if (info.curve_label) {
      trace.curve.reserve(config_.steps + 1);
      trace.curve.push_back(std::nan(""));
    }
    if (record_diagnostics_) {
      trace.diagnostics.reserve(kDiagnosticsPerPoint * (config_.steps + 1));
      trace.diagnostics.assign(kDiagnosticsPerPoint, std::nan(""));
    }
  }
}

bool RunSession::finished() const { return steps_done_ >= config_.steps; }

uint64_t RunSession::advance(uint64_t k) {
  uint64_t steps = std::min<uint64_t>(k, config_.steps - steps_done_);
  for (size_t r = 0; r < runs_.size(); ++r) {
    Trace& trace = traces_[r];
    if (trace.diverged) continue;
    for (uint64_t s = 0; s < steps; ++s) {
      double point[2];
      std::string why;
      uint64_t t = steps_done_ + s + 1;
      StepOutcome outcome = runs_[r]->step(*objective_, config_.objective.noise, point, why);
      double loss = outcome == StepOutcome::Ok ? objective_->value(point[0], point[1]) : 0;
      if (outcome == StepOutcome::Ok && !std::isfinite(loss)) {
        const objectives::Exit exit = objective_->exit_at(point[0], point[1], false);
        outcome = exit.left_domain ? StepOutcome::LeftDomain : StepOutcome::Diverged;
        why = exit.left_domain ? exit.message
                               : "the loss became " + std::string(std::isnan(loss) ? "NaN" : "infinite");
      }
      if (outcome != StepOutcome::Ok) {
        trace.diverged = true;
        trace.left_domain = outcome == StepOutcome::LeftDomain;
        trace.diverged_at = t;
        trace.divergence = (trace.left_domain ? "left the domain at step " : "diverged at step ") + std::to_string(t) +
                           ": " + why;
        break;
      }
      trace.xy.push_back(point[0]);
      trace.xy.push_back(point[1]);
      trace.loss.push_back(loss);
      trace.evaluations.push_back(runs_[r]->evaluations());
      runs_[r]->record_extras(trace, t);
      if (record_diagnostics_) {
        size_t at = trace.diagnostics.size();
        trace.diagnostics.resize(at + kDiagnosticsPerPoint);
        runs_[r]->diagnostics(trace.diagnostics.data() + at);
      }
    }
  }
  steps_done_ += steps;
  return steps;
}

std::string RunSession::result_header() const {
  std::string out = "{\"version\":1,\"objective\":";
  json::serialize_to(out, objective_json(config_.objective));
  out += ",\"start\":[";
  json::append_number(out, config_.start[0]);
  out += ',';
  json::append_number(out, config_.start[1]);
  out += "],\"steps\":";
  json::append_number(out, double(config_.steps));
  out += ",\"precision\":";
  json::append_string(out, precision_name(config_.precision));
  out += ",\"runs\":[";
  return out;
}

std::string RunSession::run_json(size_t r) const {
  const Trace& trace = traces_[r];
  std::string out;
  out.reserve(256 + trace.points() * 64);
  out += "{\"optimizer\":";
  json::serialize_to(out, optim::to_json(config_.optimizers[r]));
  out += ",\"trajectory\":[";
  for (size_t k = 0; k < trace.points(); ++k) {
    if (k) out += ',';
    out += '[';
    json::append_number(out, trace.xy[2 * k]);
    out += ',';
    json::append_number(out, trace.xy[2 * k + 1]);
    out += ']';
  }
  out += "],\"loss\":[";
  for (size_t k = 0; k < trace.points(); ++k) {
    if (k) out += ',';
    json::append_number(out, trace.loss[k]);
  }
  out += "],\"evaluations\":";
  json::append_number(out, double(trace.evaluations.back()));
  const optim::OptimizerInfo& info = optim::info(config_.optimizers[r].kind);
  if (const int paths = info.companion_count()) {
    out += ",\"companions\":[";
    for (int c = 0; c < paths; ++c) {
      out += c ? ",{\"label\":" : "{\"label\":";
      json::append_string(out, info.companion_labels[size_t(c)]);
      out += ",\"path\":[";
      const size_t stride = 2 * size_t(paths);
      for (size_t k = 0; k < trace.companion.size() / stride; ++k) {
        if (k) out += ',';
        out += '[';
        json::append_number(out, trace.companion[stride * k + 2 * size_t(c)]);
        out += ',';
        json::append_number(out, trace.companion[stride * k + 2 * size_t(c) + 1]);
        out += ']';
      }
      out += "]}";
    }
    out += ']';
  }
  if (!trace.curve.empty()) {
    out += ",\"curve\":[";
    for (size_t k = 0; k < trace.curve.size(); ++k) {
      if (k) out += ',';
      if (std::isfinite(trace.curve[k])) json::append_number(out, trace.curve[k]);
      else out += "null";
    }
    out += ']';
  }
  if (info.counts_evaluations) {
    out += ",\"evaluated\":[";
    for (size_t k = 0; k < trace.evaluated.size() / kEvaluatedFields; ++k) {
      const double* e = trace.evaluated.data() + kEvaluatedFields * k;
      if (k) out += ',';
      out += "{\"step\":";
      json::append_number(out, e[0]);
      out += ",\"point\":[";
      json::append_number(out, e[1]);
      out += ',';
      json::append_number(out, e[2]);
      out += "],\"f\":";
      if (std::isfinite(e[3])) json::append_number(out, e[3]);
      else out += "null";
      out += e[4] != 0 ? ",\"line_search_trial\":true}" : ",\"line_search_trial\":false}";
    }
    out += ']';
  }
  out += ",\"status\":";
  out += trace.left_domain ? "\"left_domain\"" : trace.diverged ? "\"diverged\"" : "\"ok\"";
  out += ",\"diverged_at\":";
  if (trace.diverged) {
    json::append_number(out, double(trace.diverged_at));
    out += ",\"message\":";
    json::append_string(out, trace.divergence);
  } else {
    out += "null";
  }
  out += '}';
  return out;
}

std::string RunSession::result_json() const { return joined_result(*this); }

bool run(const std::string& config_text, std::string& result, std::string& error) {
  json::ParseResult parsed = json::parse(config_text);
  if (!parsed.ok()) {
    error = parsed.error;
    return false;
  }
  RunSession session;
  if (!session.configure(parsed.value, error)) return false;
  session.advance(session.config().steps);
  result = session.result_json();
  return true;
}

}  // namespace gs::engine
