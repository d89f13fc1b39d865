#include "online/run.hpp"

#include <algorithm>
#include <cmath>

#include "online/theorem41.hpp"
#include "optim/schedule.hpp"

namespace gs::online {

OnlineRun::OnlineRun(const optim::OptimizerSpec& spec, const std::vector<double>& x1)
    : optimizer_(spec, x1.size()), x_(x1), g_(x1.size(), 0.0), bound_note_(theorem41_failed_condition(spec)) {
  if (optimizer_.has_lookahead()) lookahead_.resize(x1.size());
  if (bound_note_.empty()) gradient_squares_.assign(x1.size(), 0.0);
}

void OnlineRun::observe(const Problem& problem) {
  auto add = [&](size_t i) {
    const double g = g_[i];
    const double a = std::fabs(g);
    g_inf_ = a > g_inf_ ? a : g_inf_;
    gradient_squares_[i] += g * g;
  };
  if (problem.sparse()) {
    for (uint32_t i : problem.support()) add(i);
  } else {
    for (size_t i = 0; i < g_.size(); ++i) add(i);
  }
}

bool OnlineRun::play(const Problem& problem, std::string& why) {
  const size_t d = x_.size();
  played_.assign(x_.begin(), x_.begin() + static_cast<std::ptrdiff_t>(std::min(d, kReportedCoordinates)));
  const double loss = problem.loss_and_gradient(x_.data(), g_.data());
  if (!std::isfinite(loss)) {
    why = std::string("the loss became ") + (std::isnan(loss) ? "NaN" : "infinite");
    return false;
  }
  if (optimizer_.has_lookahead()) {
    optimizer_.gradient_point(x_.data(), lookahead_.data());
    problem.loss_and_gradient(lookahead_.data(), g_.data());
  }
  cumulative_ += loss;
  if (bound_note_.empty()) observe(problem);
  optimizer_.step(x_.data(), g_.data());
  if (!problem.domain().project(x_.data(), d)) {
    why = "x became NaN or infinite";
    return false;
  }
  if (problem.sparse())
    for (uint32_t i : problem.support()) g_[i] = 0;
  return true;
}

double OnlineRun::bound(const Domain& domain) const {
  if (!bound_note_.empty()) return std::nan("");
  const optim::OptimizerSpec& spec = optimizer_.spec();
  const uint64_t t = optimizer_.steps_taken();
  const size_t d = x_.size();
  const double corrected = static_cast<double>(t) / (1 - optim::ipow(spec.beta2, t));
  const double* v = optimizer_.slot(spec.amsgrad ? 2 : 1);
  Theorem41Observed o;
  o.t = t;
  o.d = d;
  o.D = domain.diameter_l2(d);
  o.D_inf = domain.diameter_linf();
  o.G_inf = g_inf_;
  for (size_t i = 0; i < d; ++i) {
    o.sum_sqrt_t_vhat += std::sqrt(corrected * v[i]);
    o.sum_gradient_norms += std::sqrt(gradient_squares_[i]);
  }
  return theorem41_bound(spec, o);
}

}  // namespace gs::online
