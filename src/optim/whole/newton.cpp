// Newton's method and saddle-free Newton on the exact 2 × 2 Hessian (newton.hpp).
#include "optim/whole/newton.hpp"

#include <algorithm>
#include <cmath>

#include "core/check.hpp"
#include "core/detmath.hpp"
#include "optim/registry_fields.hpp"

namespace gs::optim::whole {

SymmetricEigen symmetric_eigen(const double m[3]) {
  const double a = m[0], b = m[1], c = m[2];
  const double sum = a + c;
  const double difference = a - c;
  const double root = dm::hypot(difference, b + b);  // λ₁ − λ₂
  // det / λ for the eigenvalue λ of larger magnitude: a·c − b² without forming the products first
  // (LAPACK dlaev2), exact where the matrix is diagonal.
  const double larger_entry = std::fabs(a) > std::fabs(c) ? a : c;
  const double smaller_entry = std::fabs(a) > std::fabs(c) ? c : a;
  const auto other = [&](double lambda) { return (larger_entry / lambda) * smaller_entry - (b / lambda) * b; };
  SymmetricEigen e{};
  if (sum > 0) {
    e.values[0] = 0.5 * (sum + root);
    e.values[1] = other(e.values[0]);
  } else if (sum < 0) {
    e.values[1] = 0.5 * (sum - root);
    e.values[0] = other(e.values[1]);
  } else {
    e.values[0] = 0.5 * root;
    e.values[1] = -0.5 * root;
  }
  // (M − λ₁I)v = 0 with M − λ₁I = ½[[difference − root, 2b], [2b, −difference − root]]: the row
  // whose diagonal entry adds two numbers of the same sign.
  double v0 = difference + root, v1 = b + b;
  if (difference < 0) v0 = b + b, v1 = root - difference;
  const double norm = dm::hypot(v0, v1);
  if (norm > 0) {
    e.vector[0] = v0 / norm;
    e.vector[1] = v1 / norm;
  } else {  // a multiple of I: every vector is an eigenvector
    e.vector[0] = 1;
    e.vector[1] = 0;
  }
  return e;
}

bool solve_symmetric(const double m[3], const double b[2], double out[2]) {
  const double det = m[0] * m[2] - m[1] * m[1];
  const double scale = std::max({std::fabs(m[0]), std::fabs(m[1]), std::fabs(m[2])});
  if (!(std::fabs(det) / scale / scale > kSingular)) return false;  // also NaN, ∞ and the zero matrix
  out[0] = (m[2] * b[0] - m[1] * b[1]) / det;
  out[1] = (m[0] * b[1] - m[1] * b[0]) / det;
  return true;
}

bool solve_eigen(const SymmetricEigen& e, const double mu[2], const double b[2], double out[2]) {
  const double smallest = std::min(std::fabs(mu[0]), std::fabs(mu[1]));
  const double largest = std::max(std::fabs(mu[0]), std::fabs(mu[1]));
  if (!(smallest / largest > kSingular)) return false;  // also NaN, ∞ and μ = 0
  const double cs = e.vector[0], sn = e.vector[1];
  const double along0 = (cs * b[0] + sn * b[1]) / mu[0];   // Qᵀb, divided by μ
  const double along1 = (cs * b[1] - sn * b[0]) / mu[1];
  out[0] = cs * along0 - sn * along1;
  out[1] = sn * along0 + cs * along1;
  return true;
}

namespace {

class Newton final : public WholeOptimizer {
 public:
  explicit Newton(const OptimizerSpec& spec)
      : lr_(spec.lr), damping_(spec.own[NewtonOwn::damping]), saddle_free_(spec.own[NewtonOwn::saddle_free] != 0) {}

  void step(uint64_t, double x[2], Oracle& f) override {
    double g[2], h[3];
    gradient_at(f, x, g);
    f.hessian(x, h);
    const SymmetricEigen e = symmetric_eigen(h);
    double curvature[2] = {e.values[0], e.values[1]};
    double d[2];
    bool solved;
    if (saddle_free_) {
      curvature[0] = std::fabs(curvature[0]);
      curvature[1] = std::fabs(curvature[1]);
      const double mu[2] = {curvature[0] + damping_, curvature[1] + damping_};
      solved = solve_eigen(e, mu, g, d);
    } else {
      const double damped[3] = {h[0] + damping_, h[1], h[2] + damping_};
      solved = solve_symmetric(damped, g, d);
    }
    report_.lr = lr_;
    // |λ|: the curves draw it on a log axis; a saddle's negative curvature shows in the story, not here.
    report_.second[0] = std::fabs(e.values[0]), report_.second[1] = std::fabs(e.values[1]);
    report_.failure.clear();
    if (!solved) {  // no Newton step: the run stops and says why (newton.hpp)
      report_.failure = std::string("the matrix ") + (saddle_free_ ? "|H|" : "H") + (damping_ > 0 ? " + λI" : "") +
                        " is singular at (" + check::format_number(x[0]) + ", " + check::format_number(x[1]) +
                        "): no Newton step";
      return;
    }
    for (int i = 0; i < 2; ++i) {
      const double move = lr_ * d[i];
      x[i] = x[i] - move;
      report_.first[i] = std::fabs(move);
    }
  }

 private:
  double lr_;
  double damping_;
  bool saddle_free_;
};

OptimizerInfo info() {
  using namespace fields;
  OptimizerInfo o{
      "newton", "Newton",
      "Nocedal & Wright 2006 §3.3–3.4 (damped Newton); Dauphin et al. 2014 §5 eq. (8) (saddle-free)",
      "Newton's method with the objective's exact Hessian: jumps to the stationary point of the local quadratic "
      "model, in one step on a quadratic, and is attracted by saddle points. saddle_free uses |H| (absolute "
      "eigenvalues) so that negative curvature repels; damping λ adds λI (Levenberg–Marquardt). Where the matrix "
      "is singular there is no step and the run stops as diverged.",
      R"(\begin{aligned}H_t &= \nabla^2 f(\theta_{t-1}) = Q\Lambda Q^\top,\quad |H_t| = Q\,|\Lambda|\,Q^\top\\ )"
      R"(\theta_t &= \theta_{t-1} - \eta\,(\tilde H_t + \lambda I)^{-1} g_t,\quad \tilde H_t = H_t \text{ or } |H_t|\end{aligned})",
      {lr(1, "step size η: θ ← θ − η·(H + λI)⁻¹g (1: the full Newton step)"),
       own("damping", NewtonOwn::damping, ParamType::Real, 0, Range{0, 1e3}, 1e-4, 100, "log",
           "damping λ added to the Hessian's diagonal (Levenberg–Marquardt; 0: none)"),
       own_flag("saddle_free", NewtonOwn::saddle_free, false,
                "saddle-free Newton (Dauphin et al. 2014): invert |H| = Q|Λ|Qᵀ, the absolute eigenvalues, so "
                "directions of negative curvature are descended instead of climbed")},
      false, "|Δθ| (Newton step)", "|λ(H)| (|eigenvalues|)", false, 1, false, false, 22};
  o.whole = true;
  o.needs_hessian = true;
  return o;
}

std::unique_ptr<WholeOptimizer> make(const OptimizerSpec& spec) { return std::make_unique<Newton>(spec); }

std::string latex(const OptimizerSpec& spec) {
  const bool saddle_free = spec.own[NewtonOwn::saddle_free] != 0;
  const std::string matrix = saddle_free ? "|H_t|" : "H_t";
  const std::string inverted =
      spec.own[NewtonOwn::damping] != 0 ? "(" + matrix + R"( + \lambda I)^{-1})" : matrix + "^{-1}";
  std::string out = R"(\begin{aligned}H_t &= \nabla^2 f(\theta_{t-1}))";
  if (saddle_free) out += R"( = Q\Lambda Q^\top,\quad |H_t| = Q\,|\Lambda|\,Q^\top)";
  return out + R"(\\ \theta_t &= \theta_{t-1} - \eta\,)" + inverted + R"(\,g_t\end{aligned})";
}

std::string constraint(const OptimizerSpec&, const std::string&) { return ""; }

}  // namespace

WholeEntry newton_entry() { return {info, make, latex, constraint}; }

}  // namespace gs::optim::whole
