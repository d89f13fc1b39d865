// SophiaH with the exact Hessian diagonal, as the NumPy port tests/fixtures/ports/sophia.py runs
// Liuhong99/Sophia's sophia.py (a7e1572), statement for statement (see sophia.hpp).
#include "optim/whole/sophia.hpp"

#include <cmath>
#include <string>

#include "optim/registry_fields.hpp"

namespace gs::optim::whole {
namespace {

struct Own {
  enum : int { rho, update_every };
};

// The reference's step(bs=…): fixed, since diag(∇²f) needs no batch-size rescaling.
constexpr double kBatchSize = 1;

class Sophia final : public WholeOptimizer {
 public:
  explicit Sophia(const OptimizerSpec& spec)
      : lr_(spec.lr), beta1_(spec.beta1), beta2_(spec.beta2), rho_(spec.own[Own::rho]),
        weight_decay_(spec.weight_decay), update_every_(static_cast<uint64_t>(spec.own[Own::update_every])) {}

  void step(uint64_t, double x[2], Oracle& f) override {
    double g[2];
    gradient_at(f, x, g);
    report_.lr = lr_;

    // update_hessian(), which follows the step of iteration iter_num ≡ k − 1 (mod k) at this point
    if (iter_num_ > 0 && iter_num_ % update_every_ == 0) {
      double hess[3];
      f.hessian(x, hess);
      const double diag[2] = {hess[0], hess[2]};
      for (int i = 0; i < 2; ++i) {
        hessian_[i] = hessian_[i] * beta2_;
        hessian_[i] = hessian_[i] + (1 - beta2_) * diag[i];
      }
    }

    ++iter_num_;
    for (int i = 0; i < 2; ++i) {
      x[i] = x[i] * (1 - lr_ * weight_decay_);
      exp_avg_[i] = exp_avg_[i] * beta1_;
      exp_avg_[i] = exp_avg_[i] + (1 - beta1_) * g[i];
      const double quotient = std::fabs(exp_avg_[i]) / (rho_ * kBatchSize * hessian_[i] + 1e-15);
      const double ratio = quotient > 1.0 ? 1.0 : quotient;  // np.minimum(·, 1): NaN stays NaN
      const double m = exp_avg_[i];
      const double sign = m > 0 ? 1.0 : m < 0 ? -1.0 : m == 0 ? 0.0 : m;  // np.sign: sign(±0) = 0, NaN stays
      x[i] = x[i] + (-lr_) * sign * ratio;
      report_.first[i] = exp_avg_[i];
      report_.second[i] = hessian_[i];
    }
  }

 private:
  double lr_, beta1_, beta2_, rho_, weight_decay_;
  uint64_t update_every_;
  uint64_t iter_num_ = 0;  // train_sophiag.py's iter_num: steps taken so far
  double exp_avg_[2] = {0, 0};
  double hessian_[2] = {0, 0};
};

OptimizerInfo info() {
  using namespace fields;
  HyperInfo b1 = beta1(0.965);
  b1.description = "β1: decay rate of the gradient EMA m whose sign and size make the step";
  HyperInfo b2 = beta2(0.99);
  b2.description = "β2: decay rate of the EMA h of the Hessian diagonal (updated every update_every steps)";
  OptimizerInfo o{
      "sophia", "Sophia", "Liuhong99/Sophia sophia.py; Liu et al. 2024, Algorithm 3 (SophiaH)",
      "A clipped diagonal Newton method: each coordinate steps by η·m/(ρh), the gradient EMA m over an EMA h of "
      "the Hessian diagonal, clipped to at most η. Gradscape uses the objective's EXACT Hessian diagonal, not the "
      "paper's Hutchinson estimate u⊙(Hu), refreshed every update_every steps; h starts at 0, so the first steps "
      "are sign steps of size η. As in the reference the clip is an upper clip only: where h < 0 the step goes "
      "uphill, towards a maximum.",
      R"(\begin{aligned}h_t &= \beta_2 h_{t-k} + (1-\beta_2)\,\operatorname{diag}\nabla^2 f(\theta_{t-1}))"
      R"(\quad\text{when } (t-1) \bmod k = 0,\ t > 1\\ )"
      R"(\theta &\leftarrow \theta\,(1-\eta\lambda)\\ m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ )"
      R"(\theta_t &= \theta - \eta\,\operatorname{sign}(m_t)\,)"
      R"(\min\!\Big(\frac{|m_t|}{\rho\,h_t + 10^{-15}},\ 1\Big)\end{aligned})",
      {lr(1e-4, "step size η: the largest move of a coordinate per step"), b1, b2,
       own("rho", Own::rho, ParamType::Real, 0.04, Range{0, 1e3}, 1e-3, 10, "log",
           "ρ: scale of the curvature in the denominator; a step is clipped to η where |m| ≥ ρh"),
       weight_decay(0.1, "decoupled weight decay λ: θ ← θ(1 − ηλ)"),
       own("update_every", Own::update_every, ParamType::Integer, 10, Range{1, 1e7}, 1, 100, "linear",
           "k: steps between Hessian-diagonal updates (the reference's interval; batch size bs is fixed at 1)")},
      false, "|m|", "h (EMA of diag ∇²f)", false, 0.02, false, false, 25};
  o.whole = true;
  o.needs_hessian = true;
  return o;
}

std::unique_ptr<WholeOptimizer> make(const OptimizerSpec& spec) { return std::make_unique<Sophia>(spec); }

std::string latex(const OptimizerSpec& spec) {
  std::string out =
      R"(\begin{aligned}h_t &= \beta_2 h_{t-k} + (1-\beta_2)\,\operatorname{diag}\nabla^2 f(\theta_{t-1}))";
  out += spec.own[Own::update_every] == 1 ? R"(\quad\text{when } t > 1\\ )"
                                          : R"(\quad\text{when } (t-1) \bmod k = 0,\ t > 1\\ )";
  if (spec.weight_decay != 0) out += R"(\theta &\leftarrow \theta\,(1-\eta\lambda)\\ )";
  out += R"(m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ )";
  return out + R"(\theta_t &= \theta - \eta\,\operatorname{sign}(m_t)\,)"
               R"(\min\!\Big(\frac{|m_t|}{\rho\,h_t + 10^{-15}},\ 1\Big)\end{aligned})";
}

std::string constraint(const OptimizerSpec&, const std::string&) { return ""; }

}  // namespace

WholeEntry sophia_entry() { return {info, make, latex, constraint}; }

}  // namespace gs::optim::whole
