// Whole-vector optimizers: the ones that cannot be written as one update per coordinate from that
// coordinate's gradient, because they need the objective itself (L-BFGS's closure and line search,
// Newton's and SophiaH's exact Hessian) or couple the coordinates (Prodigy's distance estimate,
// Shampoo's 2 × 2 preconditioner, Lookahead's wrapped optimizer). They run on the 2-D surfaces of
// the single-run engine (engine/run_session.cpp), in f64, one object per run; the per-coordinate
// rules (optim/rules/) run everywhere else too (the sweep's lanes, the regret and paper labs).
//
// Each optimizer is one file pair in this folder with its citation, its registry entry (info(),
// with `whole` set) and its make() from an OptimizerSpec; whole_registry.cpp lists them.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "optim/registry.hpp"
#include "optim/spec.hpp"

namespace gs::optim::whole {

// The objective as a whole optimizer sees it, at step t of the run (set by the engine).
class Oracle {
 public:
  virtual ~Oracle() = default;
  // f at x and the step's gradient there (with the run's gradient noise): one function evaluation,
  // counted in the run's `evaluations`.
  virtual double value_gradient(const double x[2], double g[2]) = 0;
  // The exact Hessian {f_xx, f_xy, f_yy} at x (no noise). Only optimizers whose info() sets
  // needs_hessian call it; the engine refuses them on objectives without one.
  virtual void hessian(const double x[2], double h[3]) = 0;
};

// One point where a step evaluated the objective (L-BFGS's inner iterates and line-search trials).
struct EvaluatedPoint {
  double x[2];
  double f;
  bool line_search_trial;
};

// What the last step leaves for the playground's curves and drawings. NaN: not applicable.
struct StepReport {
  double gradient[2] = {NAN, NAN};  // the gradient at the step's start point
  double lr = NAN;                   // the step size used (the curves' "lr")
  double first[2] = {NAN, NAN};      // the quantities info().moment_first / moment_second label
  double second[2] = {NAN, NAN};
  double companion[2] = {NAN, NAN};  // the point of the path info().companion_labels[0] names (slow weights)
  double curve = NAN;                // the scalar info().curve_label names (Prodigy's d_k)
  std::vector<EvaluatedPoint> evaluated;  // the closure calls of this step, in order, if recorded
  std::string failure;  // why the step could not be taken ("" if it was): the run stops as diverged
};

class WholeOptimizer {
 public:
  virtual ~WholeOptimizer() = default;
  // Step t = 1, 2, …: moves x in place, asking `f` for what it needs; fills report().
  virtual void step(uint64_t t, double x[2], Oracle& f) = 0;
  const StepReport& report() const { return report_; }

 protected:
  // f's gradient at x into g (one evaluation), recorded as the step's gradient; returns f(x).
  double gradient_at(Oracle& f, const double x[2], double g[2]) {
    const double value = f.value_gradient(x, g);
    report_.gradient[0] = g[0];
    report_.gradient[1] = g[1];
    return value;
  }

  StepReport report_;
};

// A whole optimizer's entry: its registry entry, how to make one from a validated spec (nullptr for
// `custom`, whose rule the run interprets per coordinate: optim/custom/custom_steps.hpp), the LaTeX
// of the update a spec runs, and the constraint between hyperparameters a config must meet
// ("path.field: message", or ""). An optimizer whose hyperparameters its config defines (`custom`:
// the rule declares them) reads and writes its own fields beyond name and label (else nullptr: the
// registry's hyperparameters are read).
struct WholeEntry {
  OptimizerInfo (*info)();
  std::unique_ptr<WholeOptimizer> (*make)(const OptimizerSpec& spec);
  std::string (*latex)(const OptimizerSpec& spec);
  std::string (*constraint)(const OptimizerSpec& spec, const std::string& path);
  bool (*parse)(const json::Value& value, const std::string& path, OptimizerSpec& spec, std::string& error) = nullptr;
  void (*write)(const OptimizerSpec& spec, json::Value& out) = nullptr;
};

}  // namespace gs::optim::whole
