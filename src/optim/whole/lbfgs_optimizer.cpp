#include "optim/whole/lbfgs_optimizer.hpp"

#include <cmath>

#include "optim/registry_fields.hpp"
#include "optim/whole/lbfgs.hpp"

namespace gs::optim::whole {

namespace {

enum Own : int { kMaxIter, kMaxEval, kToleranceGrad, kToleranceChange, kHistorySize, kLineSearch };

LbfgsOptions options_of(const OptimizerSpec& spec) {
  LbfgsOptions o;
  o.lr = spec.lr;
  o.max_iter = static_cast<int>(spec.own[kMaxIter]);
  o.max_eval = static_cast<int>(spec.own[kMaxEval]);
  o.tolerance_grad = spec.own[kToleranceGrad];
  o.tolerance_change = spec.own[kToleranceChange];
  o.history_size = static_cast<int>(spec.own[kHistorySize]);
  o.strong_wolfe = spec.own[kLineSearch] != 0;
  return o;
}

class LbfgsRun final : public WholeOptimizer {
 public:
  explicit LbfgsRun(const OptimizerSpec& spec) : lbfgs_(options_of(spec)) {}

  void step(uint64_t, double x[2], Oracle& f) override {
    std::vector<double> theta{x[0], x[1]};
    bool first = true;
    lbfgs_.step(theta, [&](const std::vector<double>& at, std::vector<double>& grad) {
      const double value = f.value_gradient(at.data(), grad.data());
      if (first) report_.gradient[0] = grad[0], report_.gradient[1] = grad[1];
      first = false;
      return value;
    });
    for (int i = 0; i < 2; ++i) report_.first[i] = std::fabs(theta[i] - x[i]);
    x[0] = theta[0];
    x[1] = theta[1];
    report_.lr = lbfgs_.options().lr;
    report_.evaluated.clear();
    for (const InnerPoint& p : lbfgs_.last_inner()) report_.evaluated.push_back({{p.x[0], p.x[1]}, p.f, p.line_search_trial});
  }

 private:
  Lbfgs lbfgs_;
};

OptimizerInfo info() {
  using namespace fields;
  using check::ParamType;
  using check::Range;
  OptimizerInfo o{
      "lbfgs", "L-BFGS", "torch.optim.LBFGS (1.13)",
      "Limited-memory BFGS: a quasi-Newton direction from the last history_size steps and gradient changes. One step "
      "is torch's optimizer.step(closure): up to max_iter inner iterations, each one or more function evaluations.",
      R"(\begin{aligned}d_k &= -H_k\,g_k\quad\text{(last } m \text{ pairs } s_i = \Delta\theta_i,\ y_i = \Delta g_i)\\ )"
      R"(H_k^0 &= \frac{s^\top y}{y^\top y}\,I\\ \theta_{k+1} &= \theta_k + \alpha_k d_k\end{aligned})",
      {lr(1, "learning rate η: the step length along d (the line search's first trial)"),
       own("max_iter", kMaxIter, ParamType::Integer, 20, Range{1, 1000}, 1, 100, "log",
           "inner L-BFGS iterations per step"),
       own("max_eval", kMaxEval, ParamType::Integer, 0, Range{0, 100000}, 0, 200, "linear",
           "function evaluations per step before it stops (0: torch's default max_iter·5/4)"),
       own("tolerance_grad", kToleranceGrad, ParamType::Real, 1e-7, Range{0, 1}, 1e-12, 1e-2, "log",
           "stop when max|g| ≤ tolerance_grad"),
       own("tolerance_change", kToleranceChange, ParamType::Real, 1e-9, Range{0, 1}, 1e-12, 1e-2, "log",
           "stop when the step or the change in f is below tolerance_change"),
       own("history_size", kHistorySize, ParamType::Integer, 100, Range{1, 1000}, 1, 100, "log",
           "curvature pairs (s, y) kept in memory"),
       own_choice("line_search", kLineSearch, {"none", "strong_wolfe"}, 0,
                  "none: step by η; strong_wolfe: a line search for the strong Wolfe conditions (c1 = 1e-4, c2 = 0.9)")},
      false, "|Δθ| (step)", nullptr, false, 1, false, false, 21};
  o.whole = true;
  o.counts_evaluations = true;
  return o;
}

std::string latex(const OptimizerSpec& spec) {
  const std::string lr = check::format_number(spec.lr);
  const std::string step = spec.own[kLineSearch] != 0 ? R"(\alpha_k &: \text{strong Wolfe, first trial } )" + lr
                                                      : R"(\alpha_k &= )" + lr;
  return R"(\begin{aligned}d_k &= -H_k\,g_k\quad (m = )" + check::format_number(spec.own[kHistorySize]) +
         R"()\\ \theta_{k+1} &= \theta_k + \alpha_k d_k\\ )" + step + R"(\\ &\text{up to } )" +
         check::format_number(spec.own[kMaxIter]) + R"(\text{ iterations a step}\end{aligned})";
}

std::string constraint(const OptimizerSpec& spec, const std::string& path) {
  if (spec.own[kMaxEval] != 0 && spec.own[kMaxEval] < 1)
    return check::field(path, "max_eval") + ": must be 0 (torch's default) or at least 1";
  return "";
}

std::unique_ptr<WholeOptimizer> make(const OptimizerSpec& spec) { return std::make_unique<LbfgsRun>(spec); }

}  // namespace

WholeEntry lbfgs_entry() { return {info, make, latex, constraint}; }

}  // namespace gs::optim::whole
