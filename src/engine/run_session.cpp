// RunSession (run_session.hpp): the runs of one config advanced together, their traces and their
// result JSON; the compiled rules' runs (TypedRun) here, the others behind run_state.hpp's factory.
#include "engine/run_session.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <memory>
#include <vector>

#include "core/check.hpp"
#include "engine/result_parts.hpp"
#include "engine/run_state.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

namespace {

// A compiled rule's run (optim/optimizer.hpp), in float or double.
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
    if (info.whole || info.interpreted())
      runs_.push_back(beyond_rule_run_factory()(spec, config_, *objective_));
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
