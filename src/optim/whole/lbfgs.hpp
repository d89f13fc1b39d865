// L-BFGS, exactly as torch.optim.LBFGS 1.13 runs it (torch/optim/lbfgs.py), for an n-vector of
// doubles. A "whole" optimizer: it needs the objective itself (a closure returning f and its
// gradient), not one gradient per step, so it lives outside the per-coordinate rule table.
//
// References
//   J. Nocedal, "Updating quasi-Newton matrices with limited storage", Math. Comp. 35 (1980)
//     773-782: the limited-memory BFGS update and its two-loop recursion.
//   D. C. Liu and J. Nocedal, "On the limited memory BFGS method for large scale optimization",
//     Math. Programming 45 (1989) 503-528: L-BFGS with the scaled initial matrix
//     H0 = (s'y / y'y) I.
//   J. Nocedal and S. J. Wright, Numerical Optimization, 2nd ed., Springer 2006:
//     Algorithm 7.4 (L-BFGS two-loop recursion), Algorithm 7.5 (L-BFGS), eq. (7.20) (H0 scaling),
//     Algorithms 3.5/3.6 (line search for the strong Wolfe conditions, with zoom).
//   torch.optim.LBFGS, PyTorch 1.13 (itself "heavily inspired by" Schmidt's minFunc; the line
//     search is a port of torch7's optim/lswolfe.lua and polyinterp.lua): the form implemented
//     here, operation for operation (see lbfgs.cpp for the line-by-line correspondence).
//
// What torch does differently from the textbook (all reproduced here)
//   * One step() is up to max_iter inner L-BFGS iterations, and the memory (d, t, the (s, y)
//     pairs, H_diag, the previous gradient) persists across step() calls: the first inner
//     iteration of a step forms its curvature pair from the previous step's last move. Only the
//     very first iteration ever (torch's global state['n_iter'] == 1) is a steepest-descent step
//     d = -g with H_diag = 1.
//   * Step size: the first iteration ever uses t = min(1, 1/||g||_1) * lr; every later one t = lr
//     (the textbook tries alpha = 1). Without a line search (the default) the step x += t d is
//     taken unconditionally, with no descent or Armijo test.
//   * Curvature-pair acceptance: the pair is stored only if y's > 1e-10 (an absolute threshold;
//     no damping). H_diag = y's / y'y is updated only when a pair is stored; otherwise the
//     previous scale is kept. When the memory holds history_size pairs the oldest is dropped.
//   * Tolerance checks (all absolute): at the start of step(), max|g| <= tolerance_grad returns
//     at once (one evaluation, no iteration counted). In each iteration, after the direction
//     is built (and after prev grad / prev loss / t have been overwritten): g'd > -tolerance_change
//     stops the step without moving; every later step() then repeats exactly that (y = 0 stores
//     no pair, so d is the same), one evaluation and one iteration each. After the move: n_iter == max_iter, evaluations of this step
//     >= max_eval, max|g_new| <= tolerance_grad, max|t d| <= tolerance_change,
//     |f_new - f_old| < tolerance_change, in that order.
//   * max_eval counts the closure calls of one step() including the initial one (default
//     floor(max_iter * 5 / 4)); it is tested only after a whole iteration, so a strong-Wolfe line
//     search (up to 25 evaluations of its own) can overrun it. Without a line search the last
//     iteration (n_iter == max_iter) does not re-evaluate f at the new point.
//   * Strong-Wolfe line search (c1 = 1e-4, c2 = 0.9, max_ls = 25): the bracketing phase
//     extrapolates with a cubic interpolation clamped to [t + 0.01 (t - t_prev), 10 t]; the
//     "f_new >= f_prev" bracketing test applies only from the third trial (ls_iter > 1; the
//     textbook's i > 1 is from the second); zoom uses the cubic minimiser of the bracket, moved to
//     0.1 of the bracket length from an end when it lands within that distance of the end twice
//     in a row or on/outside the bracket; zoom stops when |bracket| * max|d| < 1e-9 or after 25
//     trials in all, returning the bracket's lower point (not necessarily a Wolfe point). The
//     1e-9 is the line search's own default: step() does not pass the optimizer's
//     tolerance_change to it (lbfgs.py:426-427). If bracketing alone uses all 25 trials the
//     result is the lower of t = 0 and the last trial (t = 0: no move, and the next pair has
//     y's = 0).
//
// Arithmetic: every quantity is float64 as in torch with torch.set_default_dtype(float64). Dot
// products are a plain left-to-right sum of products and max|.| and sum|.| plain loops (torch's
// reductions for n = 2; for larger n torch may sum in another order). The line search keeps
// track of which step lengths Python holds as floats and which as 0-dim tensors, because
// `float / tensor` is Tensor.__rdiv__, reciprocal() * float, rounded twice (torch/_tensor.py:837).
// No FMA is used (the project builds with -ffp-contract=off), while torch 1.13's AVX2 build fuses
// add_(other, alpha=a) into fma(a, other, self): the five such updates (x += t d, the trial
// points, the two loops of the two-loop recursion) round differently in the last bit, so results
// agree with torch to rounding (on the fixture cases within 1e-10 relative per step), not bit
// for bit. With std::fma at exactly those five places the fixture runs are bitwise torch's.
// Only +, -, *, /, sqrt and fabs are used.
#pragma once

#include <functional>
#include <vector>

namespace gs::optim::whole {

struct LbfgsOptions {
  double lr = 1;
  int max_iter = 20;
  int max_eval = 0;  // 0: torch's default max_iter * 5 / 4 (integer division)
  double tolerance_grad = 1e-7;
  double tolerance_change = 1e-9;
  int history_size = 100;  // >= 1
  bool strong_wolfe = false;  // torch's line_search_fn="strong_wolfe" (else None)
};

// One point where the closure was evaluated during a step().
struct InnerPoint {
  std::vector<double> x;
  double f;
  bool line_search_trial;  // a strong-Wolfe trial point (else the step's start or an inner iterate)
};

class Lbfgs {
 public:
  // torch's closure: returns f at x and writes the gradient at x into grad (resized to x.size()
  // before the call). One call is one function evaluation.
  using Closure = std::function<double(const std::vector<double>& x, std::vector<double>& grad)>;

  explicit Lbfgs(const LbfgsOptions& options = {});

  // Exactly one torch optimizer.step(closure): moves x in place and returns the loss at the
  // start of the step (torch's orig_loss).
  double step(std::vector<double>& x, const Closure& closure);

  // Forget everything (as a freshly constructed torch optimizer).
  void reset();

  const LbfgsOptions& options() const { return options_; }
  int evaluations() const { return func_evals_; }  // torch's state['func_evals'], all steps
  int iterations() const { return n_iter_; }       // torch's state['n_iter'], all steps
  // The closure calls of the last step(), in order.
  const std::vector<InnerPoint>& last_inner() const { return last_inner_; }
  // Pairs currently in memory (<= history_size) and the current initial-Hessian scale.
  int memory_size() const { return static_cast<int>(old_dirs_.size()); }
  double h_diag() const { return h_diag_; }

 private:
  LbfgsOptions options_;
  // torch's state, carried between step() calls
  std::vector<double> d_;
  double t_ = 0;
  std::vector<std::vector<double>> old_dirs_;  // y pairs, oldest first
  std::vector<std::vector<double>> old_stps_;  // s pairs, oldest first
  std::vector<double> ro_;                     // 1 / y's
  std::vector<double> al_;                     // torch's state['al'] (scratch of the two loops)
  double h_diag_ = 1;
  std::vector<double> prev_flat_grad_;  // empty: torch's None
  double prev_loss_ = 0;
  int n_iter_ = 0;
  int func_evals_ = 0;
  std::vector<InnerPoint> last_inner_;
};

}  // namespace gs::optim::whole
