// One optimizer playing the online game of a Problem: in round t it pays f_t(x_t), takes the
// gradient (at nag's look-ahead point for nag, which full-information online learning allows:
// f_t is revealed whole), makes one fused optimizer step over all d coordinates and projects onto
// the domain, giving x_{t+1}. It keeps the cumulative loss Σ_{s≤t} f_s(x_s) and, when Theorem 4.1
// applies to its optimizer, the observed quantities of the bound: G∞ and Σ_s g_{s,i}² per
// coordinate. Sparse problems touch only the support of ∇f_t besides the step and the projection.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "online/domain.hpp"
#include "online/problem.hpp"
#include "optim/optimizer.hpp"

namespace gs::online {

inline constexpr size_t kReportedCoordinates = 16;  // x_final and comparator.x list at most this many

class OnlineRun {
 public:
  // x1: the first point, already in the domain.
  OnlineRun(const optim::OptimizerSpec& spec, const std::vector<double>& x1);

  // Plays the problem's current round. Returns false, with the reason, at the first non-finite
  // loss or iterate; the run must then stop.
  bool play(const Problem& problem, std::string& why);

  double cumulative_loss() const { return cumulative_; }
  // The first (at most 16) coordinates of the point played in the last round, x_t.
  const std::vector<double>& played() const { return played_; }
  // The current iterate x_{t+1}.
  const std::vector<double>& x() const { return x_; }
  const optim::OptimizerSpec& spec() const { return optimizer_.spec(); }

  // "" when Theorem 4.1 applies, else why not.
  const std::string& bound_note() const { return bound_note_; }
  // Theorem 4.1's right-hand side after the rounds played so far; NaN where it does not apply.
  double bound(const Domain& domain) const;

 private:
  void observe(const Problem& problem);

  optim::Optimizer<double> optimizer_;
  std::vector<double> x_, g_, lookahead_, played_;
  std::vector<double> gradient_squares_;  // Σ_s g_{s,i}², when the bound applies
  double cumulative_ = 0;
  double g_inf_ = 0;
  std::string bound_note_;
};

}  // namespace gs::online
