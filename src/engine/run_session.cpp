#include "engine/run_session.hpp"

#include <algorithm>
#include <cmath>

#include "core/check.hpp"
#include "engine/result_parts.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"

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
};

namespace {

template <class T>
class TypedRun final : public RunState {
 public:
  TypedRun(const optim::OptimizerSpec& spec, const double start[2]) : optimizer_(spec, 2) {
    params_[0] = T(start[0]);
    params_[1] = T(start[1]);
  }

  StepOutcome step(const objectives::Objective& f, const objectives::GradientNoise& noise, double out[2],
                   std::string& why) override {
    T point[2];
    optimizer_.gradient_point(params_, point);
    double g[2];
    const double value = f.step_gradient(optimizer_.steps_taken() + 1, double(point[0]), double(point[1]), g[0], g[1]);
    if (f.defined() && !(std::isfinite(value) && std::isfinite(g[0]) && std::isfinite(g[1]))) {
      const objectives::Exit exit = f.exit_at(double(point[0]), double(point[1]), true);
      why = exit.left_domain ? exit.message
                             : "the gradient is not finite" + (exit.finite() ? "" : " (" + exit.message + ")");
      return exit.left_domain ? StepOutcome::LeftDomain : StepOutcome::Diverged;
    }
    if (noise.active()) noise.apply(optimizer_.steps_taken() + 1, g, 2);
    grads_[0] = T(g[0]);
    grads_[1] = T(g[1]);
    optimizer_.step(params_, grads_);
    for (int i = 0; i < 2; ++i) {
      out[i] = double(params_[i]);
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

  void diagnostics(double* out) const override {
    optim::Moments x = optimizer_.moments(0), y = optimizer_.moments(1);
    const double values[kDiagnosticsPerPoint] = {double(grads_[0]), double(grads_[1]), optimizer_.last_scalars().lr,
                                                 x.first, y.first, x.second, y.second};
    std::copy(values, values + kDiagnosticsPerPoint, out);
  }

 private:
  optim::Optimizer<T> optimizer_;
  T params_[2];
  T grads_[2] = {T(0), T(0)};
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
    if (config_.precision == Precision::F32) runs_.push_back(std::make_unique<TypedRun<float>>(spec, config_.start));
    else runs_.push_back(std::make_unique<TypedRun<double>>(spec, config_.start));
    Trace& trace = traces_[i];
    trace.xy.reserve(2 * (config_.steps + 1));
    trace.loss.reserve(config_.steps + 1);
    double x = config_.precision == Precision::F32 ? double(float(config_.start[0])) : config_.start[0];
    double y = config_.precision == Precision::F32 ? double(float(config_.start[1])) : config_.start[1];
    trace.xy.push_back(x);
    trace.xy.push_back(y);
    trace.loss.push_back(config_.precision == Precision::F32 ? objective_->value(x, y) : loss0);
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
  out += "],\"status\":";
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
