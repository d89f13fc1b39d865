// The non-stationary problems: losses around the drifting target c_t of drift.hpp.
//   online_linear     f_t(x) = ⟨c_t, x⟩
//   online_quadratic  f_t(x) = ½‖x − c_t‖²   (the optimum of each round, c_t, moves)
// Comparators in closed form from running sums S_t = Σ_{s≤t} c_s and Q_t = Σ_{s≤t} ‖c_s‖²:
//   linear     min ⟨S_t, x⟩ over the domain: a vertex of the box (x_i = −r·sign S_i) or −r·S/‖S‖
//              on the ball (Domain::minimize_linear)
//   quadratic  Σ f_s(x) = (t/2)‖x − S_t/t‖² + const, so x* = Π(S_t/t), the projection of the mean
//              target, exact for the box (separable) and the ball (an isotropic quadratic); the
//              minimum is ½Q_t − ⟨S_t, x*⟩ + (t/2)‖x*‖².
// The rotation and noise make the best point of each round wander, which is what separates a
// method that tracks (constant step) from one that averages (α/√t, AdaGrad).
#include <memory>

#include "online/drift.hpp"
#include "online/problems.hpp"
#include "online/vector_ops.hpp"

namespace gs::online {

namespace {

DriftParams drift_params(const std::vector<double>& p) {
  DriftParams d;
  d.d = static_cast<size_t>(p[0]);
  d.amplitude = p[1];
  d.period = p[2];
  d.center = p[3];
  d.noise = p[4];
  d.seed = static_cast<uint64_t>(p[5]);
  return d;
}

std::vector<optim::HyperInfo> drift_param_infos() {
  using check::ParamType;
  using check::Range;
  return {dimension_param(1, "dimension d (pairs of coordinates rotate together)"),
          {"amplitude", ParamType::Real, 1, Range{0, 100}, 0, 5, "linear", "A: radius of the rotation of c_t"},
          {"period", ParamType::Real, 1000, Range{2, 1e9}, 10, 1e6, "log", "rounds per full turn of c_t"},
          {"center", ParamType::Real, 0.25, Range{-100, 100}, -2, 2, "linear",
           "the point every coordinate of c_t rotates around"},
          {"noise", ParamType::Real, 0.1, Range{0, 100}, 0, 2, "linear",
           "σ: standard deviation of the seeded uniform noise added to c_t"},
          seed_param()};
}

class DriftProblem : public Problem {
 public:
  DriftProblem(const std::vector<double>& params, const Domain& domain)
      : Problem(static_cast<size_t>(params[0]), domain), target_(drift_params(params)), c_(d_), sum_(d_, 0.0) {}

 protected:
  void draw(uint64_t t) override {
    target_.draw(t, c_.data());
    for (size_t i = 0; i < d_; ++i) sum_[i] += c_[i];
    sum_squares_ += sum_of_squares(c_.data(), d_);
  }

  DriftingTarget target_;
  std::vector<double> c_;    // c_t
  std::vector<double> sum_;  // S_t
  double sum_squares_ = 0;   // Q_t
};

class OnlineLinear final : public DriftProblem {
 public:
  using DriftProblem::DriftProblem;

  double loss_and_gradient(const double* x, double* g) const override {
    for (size_t i = 0; i < d_; ++i) g[i] = c_[i];
    return dot(c_.data(), x, d_);
  }

  void comparator(Comparator& out, bool) override {
    out.t = t_;
    out.x.resize(d_);
    out.loss = domain_.minimize_linear(sum_.data(), d_, out.x.data());
    out.tolerance = 0;
  }
};

class OnlineQuadratic final : public DriftProblem {
 public:
  using DriftProblem::DriftProblem;

  double loss_and_gradient(const double* x, double* g) const override {
    for (size_t i = 0; i < d_; ++i) g[i] = x[i] - c_[i];
    return 0.5 * sum_of_squares(g, d_);
  }

  void comparator(Comparator& out, bool) override {
    out.t = t_;
    out.x.resize(d_);
    const double t = static_cast<double>(t_);
    for (size_t i = 0; i < d_; ++i) out.x[i] = sum_[i] / t;
    domain_.project(out.x.data(), d_);
    out.loss = 0.5 * sum_squares_ - dot(sum_.data(), out.x.data(), d_) + 0.5 * t * sum_of_squares(out.x.data(), d_);
    out.tolerance = 0;
  }
};

}  // namespace

template <>
std::unique_ptr<Problem> OnlineLinearEntry::make(const std::vector<double>& params, const Domain& domain) {
  return std::make_unique<OnlineLinear>(params, domain);
}

template <>
std::unique_ptr<Problem> OnlineQuadraticEntry::make(const std::vector<double>& params, const Domain& domain) {
  return std::make_unique<OnlineQuadratic>(params, domain);
}

template <>
ProblemInfo OnlineLinearEntry::info() {
  return {"online_linear",
          "Drifting linear losses",
          R"(f_t(x) = \langle c_t, x\rangle,\quad \begin{pmatrix}c_{t,2k}\\ c_{t,2k+1}\end{pmatrix} = \text{center} + A\begin{pmatrix}\cos(2\pi t/P + \theta_k)\\ \sin(2\pi t/P + \theta_k)\end{pmatrix} + \xi_t)",
          "Linear losses whose direction c_t rotates slowly around a centre, with seeded noise: a non-stationary "
          "sequence. The best fixed point in hindsight sits on the boundary of the domain, on the side opposite "
          "to the average of c_t.",
          "online linear optimization (Zinkevich, ICML 2003); the drift is Gradscape's",
          "closed form: min ⟨Σ c_s, x⟩, a vertex of the box or −r·S/‖S‖ on the ball; exact",
          drift_param_infos(),
          0,
          DomainType::Box,
          1,
          0};
}

template <>
ProblemInfo OnlineQuadraticEntry::info() {
  return {"online_quadratic",
          "Drifting quadratic target",
          R"(f_t(x) = \tfrac12\lVert x - c_t\rVert^2,\quad \begin{pmatrix}c_{t,2k}\\ c_{t,2k+1}\end{pmatrix} = \text{center} + A\begin{pmatrix}\cos(2\pi t/P + \theta_k)\\ \sin(2\pi t/P + \theta_k)\end{pmatrix} + \xi_t)",
          "Each round's optimum c_t rotates slowly around a centre, with seeded noise: a non-stationary target. "
          "A constant step tracks it; α/√t and AdaGrad settle on the average. The best fixed point in hindsight "
          "is the projection of the mean target onto the domain.",
          "online convex optimization (Zinkevich, ICML 2003); the drift is Gradscape's",
          "closed form: the projection of the mean of c_s onto the domain (exact for box and ball)",
          drift_param_infos(),
          0,
          DomainType::Box,
          1,
          0};
}

}  // namespace gs::online
