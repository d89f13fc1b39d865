// What a run of the single-run engine records step by step (RunSession, run_session.hpp; each
// RunState, run_state.hpp, adds what its optimizer draws): the trajectory, the losses, the
// evaluations, and the curves, paths and points the optimizer's registry entry names.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace gs::engine {

// Per-point diagnostics, recorded when the session is asked to (the playground's curves):
// the gradient the step used (after noise), the scheduled learning rate, and the optimizer's
// first and second moments per coordinate (optim::Moments). Point 0 (the start) is all NaN.
inline constexpr size_t kDiagnosticsPerPoint = 7;  // gx, gy, lr, first_x, first_y, second_x, second_y
inline constexpr size_t kEvaluatedFields = 5;      // step, x, y, f, line_search_trial

struct Trace {
  std::vector<double> xy;    // x0, y0, x1, y1, ...: steps taken + 1 points
  std::vector<double> loss;  // f at each point (without noise)
  std::vector<double> diagnostics;  // kDiagnosticsPerPoint per point, if recorded
  // Function evaluations (f and gradient) after each point, cumulative: one per step for the
  // per-coordinate rules; as many as a whole-vector optimizer asked for (L-BFGS's count is torch's).
  std::vector<uint32_t> evaluations;
  // Only for the optimizers whose registry entry names them (optim::OptimizerInfo):
  // companion_labels' paths (Lookahead's slow weights, ASGD's average, Schedule-Free's x and z): per
  // point x, y of each path in turn
  std::vector<double> companion;
  std::vector<double> curve;      // curve_label's scalar (Prodigy's d_k) per point; NaN at the start
  // counts_evaluations: every closure call, kEvaluatedFields values each (step, x, y, f, line-search trial 0/1)
  std::vector<double> evaluated;
  bool diverged = false;     // the run stopped: it diverged, or (left_domain) left the formula's domain
  bool left_domain = false;  // a typed formula has no value or gradient where the run went
  uint64_t diverged_at = 0;  // the step whose update left the finite range or the domain
  std::string divergence;    // why, in words
  size_t points() const { return loss.size(); }
};

}  // namespace gs::engine
