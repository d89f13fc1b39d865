// Embind layer of the core module (gradscape-{simd,scalar}): coarse calls only (elalish/manifold's
// bindings style). One long-lived RunSession per figure, advanced many steps per call; optimizers over n parameters with zero-copy typed-array views into wasm memory. Failing calls
// return the error text (an empty string means success); web/api/ turns it into a JS Error, so no
// C++ exception crosses the boundary.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "binding_support.hpp"
#include "core/json.hpp"
#include "core/simd.hpp"
#include "engine/registry_json.hpp"
#include "engine/run_session.hpp"
#include "optim/optimizer.hpp"
#include "optim/registry.hpp"

namespace {

using emscripten::typed_memory_view;
using emscripten::val;

class SessionHandle {
 public:
  std::string configure(const std::string& text) { return gs::bindings::configure_from_text(session_, text); }
  void reset() { session_.reset(); }
  double advance(double k) { return double(session_.advance(k < 0 ? 0 : static_cast<uint64_t>(k))); }
  double stepsDone() const { return double(session_.steps_done()); }
  double totalSteps() const { return double(session_.config().steps); }
  bool finished() const { return session_.finished(); }
  int runCount() const { return static_cast<int>(session_.run_count()); }
  // Views into the run's buffers: valid until the next configure/reset or memory growth.
  val trajectory(int i) const {
    const auto& t = session_.trace(static_cast<size_t>(i));
    return gs::bindings::view(t.xy);
  }
  val loss(int i) const {
    const auto& t = session_.trace(static_cast<size_t>(i));
    return gs::bindings::view(t.loss);
  }
  void recordDiagnostics(bool on) { session_.record_diagnostics(on); }
  // gx, gy, lr, first_x, first_y, second_x, second_y per point (see engine/run_session.hpp).
  val diagnostics(int i) const {
    const auto& t = session_.trace(static_cast<size_t>(i));
    return gs::bindings::view(t.diagnostics);
  }
  // Cumulative function evaluations per point (Uint32Array).
  val evaluations(int i) const { return gs::bindings::view(session_.trace(static_cast<size_t>(i)).evaluations); }
  // What the optimizer's registry entry names (empty otherwise): the companion path (x, y per
  // point), the curve (one value per point), the evaluated points (step, x, y, f, trial each).
  val companion(int i) const { return gs::bindings::view(session_.trace(static_cast<size_t>(i)).companion); }
  val curve(int i) const { return gs::bindings::view(session_.trace(static_cast<size_t>(i)).curve); }
  val evaluated(int i) const { return gs::bindings::view(session_.trace(static_cast<size_t>(i)).evaluated); }
  // status, diverged_at, message of run i as JSON.
  std::string runStatus(int i) const {
    const auto& t = session_.trace(static_cast<size_t>(i));
    gs::json::Value v{gs::json::Object{}};
    v.set("points", double(t.points()));
    v.set("status", t.left_domain ? "left_domain" : t.diverged ? "diverged" : "ok");
    v.set("diverged_at", t.diverged ? gs::json::Value(double(t.diverged_at)) : gs::json::Value());
    v.set("message", t.diverged ? gs::json::Value(t.divergence) : gs::json::Value());
    return gs::json::serialize(v);
  }
  std::string resultJson() const { return session_.result_json(); }
  std::string resultHeader() const { return session_.result_header(); }
  std::string runJson(int i) const { return session_.run_json(static_cast<size_t>(i)); }
  // Known minima of the session's objective for its current parameters, as JSON.
  std::string minimaJson() const {
    gs::json::Array list;
    for (const auto& m : session_.objective().minima()) {
      gs::json::Value v{gs::json::Object{}};
      v.set("x", m.x);
      v.set("y", m.y);
      v.set("value", m.value);
      v.set("global", m.global);
      list.push_back(std::move(v));
    }
    return gs::json::serialize(gs::json::Value(std::move(list)));
  }
  // The session's objective as a registry entry (engine/registry_json.hpp): for a typed formula,
  // its parameters, LaTeX, view and start.
  std::string objectiveJson() const { return gs::json::serialize(gs::engine::objective_info_json(session_.objective())); }
  // f over an nx × ny grid of the session's objective (row-major by y), for heatmaps.
  val grid(double x0, double x1, double y0, double y1, int nx, int ny) {
    grid_.resize(static_cast<size_t>(nx) * static_cast<size_t>(ny));
    session_.objective().value_grid(x0, x1, y0, y1, nx, ny, grid_.data());
    return gs::bindings::view(grid_);
  }

 private:
  gs::engine::RunSession session_;
  std::vector<double> grid_;
};

template <class T>
struct OptimizerBuffers {
  gs::optim::Optimizer<T> optimizer;
  std::vector<T> params, grads, point;
  OptimizerBuffers(const gs::optim::OptimizerSpec& spec, size_t n)
      : optimizer(spec, n), params(n), grads(n), point(n) {}
};

class OptimizerHandle {
 public:
  std::string init(const std::string& spec_text, double n, const std::string& precision) {
    gs::json::ParseResult parsed = gs::json::parse(spec_text);
    if (!parsed.ok()) return parsed.error;
    gs::optim::OptimizerSpec spec;
    std::string error;
    if (!gs::optim::parse_optimizer(parsed.value, "spec", spec, error)) return error;
    error = gs::optim::per_coordinate_error(spec, "spec", "createOptimizer (it steps any n-vector from given gradients)");
    if (!error.empty()) return error;
    if (!(n >= 0 && n <= 1e8) || n != static_cast<double>(static_cast<size_t>(n)))
      return "n: must be an integer in [0, 100000000], got " + gs::check::format_number(n);
    if (precision == "f32") impl_ = std::make_unique<OptimizerBuffers<float>>(spec, static_cast<size_t>(n));
    else if (precision == "f64") impl_ = std::make_unique<OptimizerBuffers<double>>(spec, static_cast<size_t>(n));
    else return "precision: must be \"f32\" or \"f64\", got \"" + precision + "\"";
    return "";
  }
  std::string setSpec(const std::string& spec_text) {
    gs::json::ParseResult parsed = gs::json::parse(spec_text);
    if (!parsed.ok()) return parsed.error;
    gs::optim::OptimizerSpec spec;
    std::string error;
    if (!gs::optim::parse_optimizer(parsed.value, "spec", spec, error)) return error;
    error = gs::optim::per_coordinate_error(spec, "spec", "createOptimizer (it steps any n-vector from given gradients)");
    if (!error.empty()) return error;
    visit([&](auto& b) { b.optimizer.set_spec(spec); });
    return "";
  }
  std::string specJson() const {
    std::string out;
    visit([&](auto& b) { out = gs::json::serialize(gs::optim::to_json(b.optimizer.spec())); });
    return out;
  }
  void step() {
    visit([](auto& b) { b.optimizer.step(b.params.data(), b.grads.data()); });
  }
  void stepReference() {
    visit([](auto& b) { b.optimizer.step(b.params.data(), b.grads.data(), gs::optim::KernelImpl::Reference); });
  }
  void reset() {
    visit([](auto& b) { b.optimizer.reset(); });
  }
  double stepCount() const {
    double t = 0;
    visit([&](auto& b) { t = double(b.optimizer.steps_taken()); });
    return t;
  }
  int slots() const {
    int k = 0;
    visit([&](auto& b) { k = b.optimizer.slots(); });
    return k;
  }
  val params() { return view([](auto& b) { return std::make_pair(b.params.data(), b.params.size()); }); }
  val grads() { return view([](auto& b) { return std::make_pair(b.grads.data(), b.grads.size()); }); }
  // The point where the next gradient belongs (nag's look-ahead; θ itself for the others).
  val gradientPoint() {
    return view([](auto& b) {
      b.optimizer.gradient_point(b.params.data(), b.point.data());
      return std::make_pair(b.point.data(), b.point.size());
    });
  }
  val state(int slot) {
    return view([slot](auto& b) { return std::make_pair(b.optimizer.slot(slot), b.optimizer.size()); });
  }

 private:
  template <class F>
  void visit(F&& f) const {
    std::visit(
        [&](const auto& buffers) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(buffers)>, std::monostate>) f(*buffers);
        },
        impl_);
  }
  template <class F>
  val view(F&& f) {
    val out = val::null();
    visit([&](auto& b) {
      auto [data, size] = f(b);
      out = val(typed_memory_view(size, data));
    });
    return out;
  }
  std::variant<std::monostate, std::unique_ptr<OptimizerBuffers<float>>, std::unique_ptr<OptimizerBuffers<double>>> impl_;
};

std::string registryJson() { return gs::json::serialize(gs::engine::registry_json()); }

// [paper bound, exact bound] on Adam's step |Δ_t| (Section 2.1 and its Cauchy–Schwarz form).
val stepBounds(double alpha, double beta1, double beta2, double t) {
  val out = val::array();
  out.call<void>("push", gs::optim::adam_paper_step_bound(alpha, beta1, beta2));
  out.call<void>("push", gs::optim::adam_exact_step_bound(alpha, beta1, beta2, t < 1 ? 0 : static_cast<uint64_t>(t)));
  return out;
}

std::string simdBackend() { return gs::simd::backend_name(); }

// The update rule of an optimizer spec (JSON) in LaTeX, or "error: <message>" for a bad spec.
std::string formulaLatex(const std::string& spec_text) {
  const gs::json::ParseResult parsed = gs::json::parse(spec_text);
  if (!parsed.ok()) return "error: " + parsed.error;
  gs::optim::OptimizerSpec spec;
  std::string error;
  if (!gs::optim::parse_optimizer(parsed.value, "spec", spec, error)) return "error: " + error;
  return gs::optim::formula_latex(spec);
}


}  // namespace

EMSCRIPTEN_BINDINGS(gradscape) {
  emscripten::class_<SessionHandle>("RunSession")
      .constructor<>()
      .function("configure", &SessionHandle::configure)
      .function("reset", &SessionHandle::reset)
      .function("advance", &SessionHandle::advance)
      .function("stepsDone", &SessionHandle::stepsDone)
      .function("totalSteps", &SessionHandle::totalSteps)
      .function("finished", &SessionHandle::finished)
      .function("runCount", &SessionHandle::runCount)
      .function("trajectory", &SessionHandle::trajectory)
      .function("loss", &SessionHandle::loss)
      .function("runStatus", &SessionHandle::runStatus)
      .function("recordDiagnostics", &SessionHandle::recordDiagnostics)
      .function("diagnostics", &SessionHandle::diagnostics)
      .function("evaluations", &SessionHandle::evaluations)
      .function("companion", &SessionHandle::companion)
      .function("curve", &SessionHandle::curve)
      .function("evaluated", &SessionHandle::evaluated)
      .function("resultJson", &SessionHandle::resultJson)
      .function("resultHeader", &SessionHandle::resultHeader)
      .function("runJson", &SessionHandle::runJson)
      .function("grid", &SessionHandle::grid)
      .function("minimaJson", &SessionHandle::minimaJson)
      .function("objectiveJson", &SessionHandle::objectiveJson);
  emscripten::class_<OptimizerHandle>("OptimizerHandle")
      .constructor<>()
      .function("init", &OptimizerHandle::init)
      .function("setSpec", &OptimizerHandle::setSpec)
      .function("specJson", &OptimizerHandle::specJson)
      .function("step", &OptimizerHandle::step)
      .function("stepReference", &OptimizerHandle::stepReference)
      .function("reset", &OptimizerHandle::reset)
      .function("stepCount", &OptimizerHandle::stepCount)
      .function("slots", &OptimizerHandle::slots)
      .function("params", &OptimizerHandle::params)
      .function("grads", &OptimizerHandle::grads)
      .function("gradientPoint", &OptimizerHandle::gradientPoint)
      .function("state", &OptimizerHandle::state);
  emscripten::function("registryJson", &registryJson);
  emscripten::function("stepBounds", &stepBounds);
  emscripten::function("formulaLatex", &formulaLatex);
  emscripten::function("simdBackend", &simdBackend);
  emscripten::function("heapBytes", &gs::bindings::heap_bytes);
}
