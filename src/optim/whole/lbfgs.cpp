// torch.optim.LBFGS 1.13 (torch/optim/lbfgs.py), operation for operation; "lbfgs.py:N" below is
// the line of that file. Python floats and 0-dim float64 tensors are both double here.
#include "optim/whole/lbfgs.hpp"

#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <utility>

namespace gs::optim::whole {
namespace {

using Vec = std::vector<double>;

// torch's a.dot(b): a left-to-right sum of products.
double dot(const Vec& a, const Vec& b) {
  double s = 0;
  for (size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

// torch's a.abs().max()
double max_abs(const Vec& a) {
  double m = 0;
  bool first = true;
  for (double v : a) {
    const double av = std::fabs(v);
    if (first || av > m || std::isnan(av)) m = av;  // torch's max propagates NaN
    first = false;
    if (std::isnan(m)) break;
  }
  return m;
}

// torch's a.abs().sum()
double sum_abs(const Vec& a) {
  double s = 0;
  for (double v : a) s += std::fabs(v);
  return s;
}

// A number of the line search as Python holds it: a float (or int) or a 0-dim float64 tensor.
// The difference matters for one operation only: Python's `float / tensor` is torch's
// Tensor.__rdiv__, `tensor.reciprocal() * float` (torch/_tensor.py:837-840), two roundings
// instead of one. Everything else rounds the same either way. Tensor-ness propagates: an
// operation with a tensor operand gives a tensor.
struct Num {
  double v;
  bool tensor;
};
Num operator+(Num a, Num b) { return {a.v + b.v, a.tensor || b.tensor}; }
Num operator-(Num a, Num b) { return {a.v - b.v, a.tensor || b.tensor}; }
Num operator*(Num a, Num b) { return {a.v * b.v, a.tensor || b.tensor}; }
Num operator/(Num a, Num b) {
  if (b.tensor && !a.tensor) return {(1. / b.v) * a.v, true};  // Tensor.__rdiv__
  return {a.v / b.v, a.tensor || b.tensor};
}
// Python's built-in max(a, b) / min(a, b): the first argument unless the second compares
// greater / less (decides ties, NaN, and which operand's type the result has).
Num py_max(Num a, Num b) { return b.v > a.v ? b : a; }
Num py_min(Num a, Num b) { return b.v < a.v ? b : a; }
Num flt(double v) { return {v, false}; }
Num ten(double v) { return {v, true}; }

// lbfgs.py:7-32, _cubic_interpolate. f1, f2 are floats (losses), g1, g2 tensors (dot products);
// has_bounds=false: the bounds are the two points.
Num cubic_interpolate(Num x1, double f1, double g1, Num x2, double f2, double g2,
                      bool has_bounds = false, Num bmin = {}, Num bmax = {}) {
  Num xmin_bound, xmax_bound;
  if (has_bounds) {
    xmin_bound = bmin;
    xmax_bound = bmax;
  } else if (x1.v <= x2.v) {
    xmin_bound = x1;
    xmax_bound = x2;
  } else {
    xmin_bound = x2;
    xmax_bound = x1;
  }
  // d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2): a float over x1 - x2, a tensor when a t is one
  const Num d1 = (ten(g1) + ten(g2)) - (flt(3) * (flt(f1) - flt(f2))) / (x1 - x2);
  const Num d2_square = d1 * d1 - ten(g1) * ten(g2);  // d1**2: torch's pow(x, 2) is x * x
  if (d2_square.v >= 0) {
    const Num d2 = {std::sqrt(d2_square.v), true};
    Num min_pos;
    if (x1.v <= x2.v)
      min_pos = x2 - (x2 - x1) * (((ten(g2) + d2) - d1) / ((ten(g2) - ten(g1)) + flt(2) * d2));
    else
      min_pos = x1 - (x1 - x2) * (((ten(g1) + d2) - d1) / ((ten(g1) - ten(g2)) + flt(2) * d2));
    return py_min(py_max(min_pos, xmin_bound), xmax_bound);
  }
  return (xmin_bound + xmax_bound) / flt(2.);
}

struct LineSearchResult {
  double f;
  Vec g;
  double t;
  int evals;
};

// lbfgs.py:35-181, _strong_wolfe. obj(t, g) evaluates f and its gradient at x + t d. f and the
// f_* are floats, gtd and the gtd_* tensors; the step lengths t carry their Python type.
// LBFGS.step calls it without tolerance_change (lbfgs.py:426-427), so the zoom's bracket test
// always uses the default 1e-9, whatever the optimizer's tolerance_change.
template <class Obj>
LineSearchResult strong_wolfe(const Obj& obj, Num t, const Vec& d, double f, const Vec& g_in,
                              double gtd, double c1 = 1e-4, double c2 = 0.9,
                              double tolerance_change = 1e-9, int max_ls = 25) {
  const double d_norm = max_abs(d);
  const Vec g = g_in;
  Vec g_new;
  double f_new = obj(t.v, g_new);
  int ls_func_evals = 1;
  double gtd_new = dot(g_new, d);

  // bracket an interval containing a point satisfying the Wolfe criteria (lbfgs.py:54-102)
  Num t_prev = flt(0);
  double f_prev = f, gtd_prev = gtd;
  Vec g_prev = g;
  bool done = false;
  int ls_iter = 0;
  int nb = 0;  // bracket length (1 or 2)
  Num bracket[2] = {flt(0), flt(0)};
  double bracket_f[2] = {0, 0}, bracket_gtd[2] = {0, 0};
  Vec bracket_g[2];
  while (ls_iter < max_ls) {
    // check conditions
    if (f_new > (f + (c1 * t.v) * gtd) || (ls_iter > 1 && f_new >= f_prev)) {
      nb = 2;
      bracket[0] = t_prev, bracket[1] = t;
      bracket_f[0] = f_prev, bracket_f[1] = f_new;
      bracket_g[0] = g_prev, bracket_g[1] = g_new;
      bracket_gtd[0] = gtd_prev, bracket_gtd[1] = gtd_new;
      break;
    }
    if (std::fabs(gtd_new) <= (-c2) * gtd) {
      nb = 1;
      bracket[0] = t;
      bracket_f[0] = f_new;
      bracket_g[0] = g_new;
      done = true;
      break;
    }
    if (gtd_new >= 0) {
      nb = 2;
      bracket[0] = t_prev, bracket[1] = t;
      bracket_f[0] = f_prev, bracket_f[1] = f_new;
      bracket_g[0] = g_prev, bracket_g[1] = g_new;
      bracket_gtd[0] = gtd_prev, bracket_gtd[1] = gtd_new;
      break;
    }
    // interpolate
    const Num min_step = t + flt(0.01) * (t - t_prev);
    const Num max_step = t * flt(10);
    const Num tmp = t;
    t = cubic_interpolate(t_prev, f_prev, gtd_prev, t, f_new, gtd_new, true, min_step, max_step);
    // next step
    t_prev = tmp;
    f_prev = f_new;
    g_prev = g_new;
    gtd_prev = gtd_new;
    f_new = obj(t.v, g_new);
    ls_func_evals += 1;
    gtd_new = dot(g_new, d);
    ls_iter += 1;
  }
  // reached max number of iterations? (lbfgs.py:105-108; bracket_gtd is left unset, the zoom
  // loop below does not run)
  if (ls_iter == max_ls) {
    nb = 2;
    bracket[0] = flt(0), bracket[1] = t;
    bracket_f[0] = f, bracket_f[1] = f_new;
    bracket_g[0] = g, bracket_g[1] = g_new;
  }

  // zoom phase: refine the bracket (lbfgs.py:113-175)
  bool insuf_progress = false;
  // find high and low points in bracket (bracket_f[-1]: the only point when nb == 1)
  int low_pos = 0, high_pos = 1;
  if (nb == 2 && !(bracket_f[0] <= bracket_f[1])) low_pos = 1, high_pos = 0;
  while (!done && ls_iter < max_ls) {
    // line-search bracket is so small
    if (std::fabs(bracket[1].v - bracket[0].v) * d_norm < tolerance_change) break;

    // compute new trial value
    t = cubic_interpolate(bracket[0], bracket_f[0], bracket_gtd[0], bracket[1], bracket_f[1],
                          bracket_gtd[1]);

    // keep t at least 0.1 of the bracket away from its ends (lbfgs.py:132-145)
    const Num bmax = py_max(bracket[0], bracket[1]);
    const Num bmin = py_min(bracket[0], bracket[1]);
    const Num eps = flt(0.1) * (bmax - bmin);
    if (py_min(bmax - t, t - bmin).v < eps.v) {
      // interpolation close to boundary
      if (insuf_progress || t.v >= bmax.v || t.v <= bmin.v) {
        // evaluate at 0.1 away from boundary
        if (std::fabs(t.v - bmax.v) < std::fabs(t.v - bmin.v))
          t = bmax - eps;
        else
          t = bmin + eps;
        insuf_progress = false;
      } else {
        insuf_progress = true;
      }
    } else {
      insuf_progress = false;
    }

    // evaluate new point
    f_new = obj(t.v, g_new);
    ls_func_evals += 1;
    gtd_new = dot(g_new, d);
    ls_iter += 1;

    if (f_new > (f + (c1 * t.v) * gtd) || f_new >= bracket_f[low_pos]) {
      // Armijo condition not satisfied or not lower than lowest point
      bracket[high_pos] = t;
      bracket_f[high_pos] = f_new;
      bracket_g[high_pos] = g_new;
      bracket_gtd[high_pos] = gtd_new;
      if (bracket_f[0] <= bracket_f[1])
        low_pos = 0, high_pos = 1;
      else
        low_pos = 1, high_pos = 0;
    } else {
      if (std::fabs(gtd_new) <= (-c2) * gtd) {
        // Wolfe conditions satisfied
        done = true;
      } else if (gtd_new * (bracket[high_pos].v - bracket[low_pos].v) >= 0) {
        // old high becomes new low
        bracket[high_pos] = bracket[low_pos];
        bracket_f[high_pos] = bracket_f[low_pos];
        bracket_g[high_pos] = bracket_g[low_pos];
        bracket_gtd[high_pos] = bracket_gtd[low_pos];
      }
      // new point becomes new low
      bracket[low_pos] = t;
      bracket_f[low_pos] = f_new;
      bracket_g[low_pos] = g_new;
      bracket_gtd[low_pos] = gtd_new;
    }
  }

  // return stuff
  return {bracket_f[low_pos], std::move(bracket_g[low_pos]), bracket[low_pos].v, ls_func_evals};
}

}  // namespace

Lbfgs::Lbfgs(const LbfgsOptions& options) : options_(options) {
  if (options_.history_size < 1) throw std::invalid_argument("lbfgs: history_size must be >= 1");
  if (options_.max_iter < 0) throw std::invalid_argument("lbfgs: max_iter must be >= 0");
}

void Lbfgs::reset() {
  d_.clear();
  t_ = 0;
  old_dirs_.clear();
  old_stps_.clear();
  ro_.clear();
  al_.clear();
  h_diag_ = 1;
  prev_flat_grad_.clear();
  prev_loss_ = 0;
  n_iter_ = 0;
  func_evals_ = 0;
  last_inner_.clear();
}

// lbfgs.py:283-476, LBFGS.step
double Lbfgs::step(Vec& x, const Closure& closure) {
  const size_t n = x.size();
  const double lr = options_.lr;
  const int max_iter = options_.max_iter;
  const int max_eval = options_.max_eval > 0 ? options_.max_eval : max_iter * 5 / 4;
  const double tolerance_grad = options_.tolerance_grad;
  const double tolerance_change = options_.tolerance_change;
  const int history_size = options_.history_size;
  last_inner_.clear();

  // one closure call at `at`, recorded for the UI
  auto evaluate = [&](const Vec& at, Vec& grad, bool trial) {
    grad.assign(n, 0.0);
    const double f = closure(at, grad);
    last_inner_.push_back({at, f, trial});
    return f;
  };

  // evaluate initial f(x) and df/dx (lbfgs.py:311-322)
  Vec flat_grad;
  const double orig_loss = evaluate(x, flat_grad, false);
  double loss = orig_loss;
  int current_evals = 1;
  func_evals_ += 1;

  bool opt_cond = max_abs(flat_grad) <= tolerance_grad;
  if (opt_cond) return orig_loss;

  Vec& d = d_;
  double& t = t_;

  int n_iter = 0;
  while (n_iter < max_iter) {
    n_iter += 1;
    n_iter_ += 1;

    // compute gradient descent direction (lbfgs.py:344-390)
    if (n_iter_ == 1) {
      d.resize(n);
      for (size_t j = 0; j < n; ++j) d[j] = -flat_grad[j];
      old_dirs_.clear();
      old_stps_.clear();
      ro_.clear();
      h_diag_ = 1;
    } else {
      // do lbfgs update (update memory)
      Vec y(n), s(n);
      for (size_t j = 0; j < n; ++j) y[j] = flat_grad[j] - prev_flat_grad_[j];
      for (size_t j = 0; j < n; ++j) s[j] = d[j] * t;
      const double ys = dot(y, s);
      if (ys > 1e-10) {
        // updating memory
        if (static_cast<int>(old_dirs_.size()) == history_size) {
          // shift history by one (limited-memory)
          old_dirs_.erase(old_dirs_.begin());
          old_stps_.erase(old_stps_.begin());
          ro_.erase(ro_.begin());
        }
        // store new direction/step
        ro_.push_back(1. / ys);
        // update scale of initial Hessian approximation
        h_diag_ = ys / dot(y, y);
        old_dirs_.push_back(std::move(y));
        old_stps_.push_back(std::move(s));
      }

      // compute the approximate (L-BFGS) inverse Hessian multiplied by the gradient
      const int num_old = static_cast<int>(old_dirs_.size());
      if (al_.empty()) al_.assign(static_cast<size_t>(history_size), 0.0);

      // two-loop recursion with one buffer (lbfgs.py:380-390)
      Vec q(n);
      for (size_t j = 0; j < n; ++j) q[j] = -flat_grad[j];
      for (int i = num_old - 1; i >= 0; --i) {
        al_[i] = dot(old_stps_[i], q) * ro_[i];
        const double alpha = -al_[i];
        const Vec& yi = old_dirs_[i];
        for (size_t j = 0; j < n; ++j) q[j] = q[j] + alpha * yi[j];
      }
      // multiply by initial Hessian; r/d is the final direction
      d.resize(n);
      for (size_t j = 0; j < n; ++j) d[j] = q[j] * h_diag_;
      for (int i = 0; i < num_old; ++i) {
        const double be_i = dot(old_dirs_[i], d) * ro_[i];
        const double alpha = al_[i] - be_i;
        const Vec& si = old_stps_[i];
        for (size_t j = 0; j < n; ++j) d[j] = d[j] + alpha * si[j];
      }
    }

    prev_flat_grad_ = flat_grad;
    prev_loss_ = loss;

    // compute step length (lbfgs.py:401-405)
    // (1. / tensor is Tensor.__rdiv__: reciprocal() * 1., the same value as 1 / sum)
    const Num t_num =
        n_iter_ == 1 ? py_min(flt(1.), ten(1. / sum_abs(flat_grad))) * flt(lr) : flt(lr);
    t = t_num.v;

    // directional derivative
    const double gtd = dot(flat_grad, d);
    // directional derivative is below tolerance
    if (gtd > -tolerance_change) break;

    int ls_func_evals = 0;
    if (options_.strong_wolfe) {
      // lbfgs.py:421-429; trials are x + t d, x itself untouched until the end
      const Vec& x_init = x;
      Vec trial(n);
      auto obj_func = [&](double tt, Vec& g_out) {
        for (size_t j = 0; j < n; ++j) trial[j] = x_init[j] + tt * d[j];
        return evaluate(trial, g_out, true);
      };
      LineSearchResult ls =
          strong_wolfe(obj_func, t_num, d, loss, flat_grad, gtd);  // torch passes no tolerances
      loss = ls.f;
      flat_grad = std::move(ls.g);
      t = ls.t;
      ls_func_evals = ls.evals;
      for (size_t j = 0; j < n; ++j) x[j] = x[j] + t * d[j];
      opt_cond = max_abs(flat_grad) <= tolerance_grad;
    } else {
      // no line search, simply move with fixed-step (lbfgs.py:432-441)
      for (size_t j = 0; j < n; ++j) x[j] = x[j] + t * d[j];
      if (n_iter != max_iter) {
        // re-evaluate function only if not in last iteration
        loss = evaluate(x, flat_grad, false);
        opt_cond = max_abs(flat_grad) <= tolerance_grad;
        ls_func_evals = 1;
      }
    }

    // update func eval
    current_evals += ls_func_evals;
    func_evals_ += ls_func_evals;

    // check conditions (lbfgs.py:450-465)
    if (n_iter == max_iter) break;
    if (current_evals >= max_eval) break;
    // optimal condition
    if (opt_cond) break;
    // lack of progress: d.mul(t).abs().max()
    double move = 0;
    bool first = true;
    for (size_t j = 0; j < n; ++j) {
      const double m = std::fabs(d[j] * t);
      if (first || m > move || std::isnan(m)) move = m;
      first = false;
      if (std::isnan(move)) break;
    }
    if (move <= tolerance_change) break;
    if (std::fabs(loss - prev_loss_) < tolerance_change) break;
  }

  return orig_loss;
}

}  // namespace gs::optim::whole
