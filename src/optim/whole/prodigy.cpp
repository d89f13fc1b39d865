// Prodigy as the NumPy port tests/fixtures/ports/prodigy.py runs konstmish/prodigy's
// prodigy.py (3efb213), statement for statement (see prodigy.hpp).
#include "optim/whole/prodigy.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "core/detmath.hpp"
#include "optim/registry_fields.hpp"

namespace gs::optim::whole {
namespace {

struct Own {
  enum : int { beta3, decouple, use_bias_correction, safeguard_warmup, d0, d_coef, growth_rate };
};

// Python's built-in max(a, b) / min(a, b): a unless b is strictly larger / smaller.
double py_max(double a, double b) { return b > a ? b : a; }
double py_min(double a, double b) { return b < a ? b : a; }

class Prodigy final : public WholeOptimizer {
 public:
  explicit Prodigy(const OptimizerSpec& spec)
      : lr_(spec.lr), beta1_(spec.beta1), beta2_(spec.beta2), eps_(spec.eps), weight_decay_(spec.weight_decay),
        beta3_(spec.own[Own::beta3] != 0 ? spec.own[Own::beta3] : std::sqrt(spec.beta2)),
        decouple_(spec.own[Own::decouple] != 0), use_bias_correction_(spec.own[Own::use_bias_correction] != 0),
        safeguard_warmup_(spec.own[Own::safeguard_warmup] != 0), d0_(spec.own[Own::d0]),
        d_coef_(spec.own[Own::d_coef]),
        growth_rate_(spec.own[Own::growth_rate] != 0 ? spec.own[Own::growth_rate]
                                                     : std::numeric_limits<double>::infinity()),
        d_(d0_), d_max_(d0_) {}

  void step(uint64_t, double x[2], Oracle& f) override {
    double g[2];
    gradient_at(f, x, g);

    double d = d_;
    const double bias_correction =
        use_bias_correction_
            ? dm::pow(1 - dm::pow(beta2_, double(k_ + 1)), 0.5) / (1 - dm::pow(beta1_, double(k_ + 1)))
            : 1;
    const double dlr = d * lr_ * bias_correction;
    const double d_numerator = d_numerator_ * beta3_;

    if (weight_decay_ != 0 && !decouple_)
      for (int i = 0; i < 2; ++i) g[i] = g[i] + weight_decay_ * x[i];
    if (!started_) {
      started_ = true;
      p0_[0] = x[0];
      p0_[1] = x[1];
    }

    const double dot = g[0] * (p0_[0] - x[0]) + g[1] * (p0_[1] - x[1]);
    const double delta_numerator = 0.0 + (d / d0_) * dlr * dot;
    const double s_scale = (d / d0_) * (safeguard_warmup_ ? d : dlr);
    for (int i = 0; i < 2; ++i) {
      if (beta1_ > 0) exp_avg_[i] = exp_avg_[i] * beta1_ + (d * (1 - beta1_)) * g[i];
      exp_avg_sq_[i] = exp_avg_sq_[i] * beta2_ + ((d * d * (1 - beta2_)) * g[i]) * g[i];
      s_[i] = s_[i] * beta3_ + s_scale * g[i];
    }
    const double d_denom = 0.0 + (std::fabs(s_[0]) + std::fabs(s_[1]));
    report_.lr = dlr;
    fill_moments();
    if (d_denom == 0) {
      report_.curve = d_;
      return;
    }

    const double global_d_numerator = d_numerator + delta_numerator;
    const double d_hat = d_coef_ * global_d_numerator / d_denom;
    if (d == d0_) d = py_max(d, d_hat);
    d_max_ = py_max(d_max_, d_hat);
    d = py_min(d_max_, d * growth_rate_);
    d_numerator_ = global_d_numerator;
    d_ = d;

    for (int i = 0; i < 2; ++i) {
      const double denom = std::sqrt(exp_avg_sq_[i]) + d * eps_;
      if (weight_decay_ != 0 && decouple_) x[i] = x[i] + (-weight_decay_ * dlr) * x[i];
      if (beta1_ > 0)
        x[i] = x[i] + ((-dlr) * exp_avg_[i]) / denom;
      else
        x[i] = x[i] + ((-dlr * d) * g[i]) / denom;
    }
    ++k_;
    report_.curve = d;
  }

 private:
  void fill_moments() {
    for (int i = 0; i < 2; ++i) {
      report_.first[i] = beta1_ > 0 ? exp_avg_[i] : NAN;
      report_.second[i] = exp_avg_sq_[i];
    }
  }

  // hyperparameters
  double lr_, beta1_, beta2_, eps_, weight_decay_, beta3_;
  bool decouple_, use_bias_correction_, safeguard_warmup_;
  double d0_, d_coef_, growth_rate_;
  // the reference's group state
  double d_, d_max_;
  double d_numerator_ = 0;
  uint64_t k_ = 0;
  // the reference's per-parameter state (p0 is set by the first step)
  bool started_ = false;
  double p0_[2] = {0, 0};
  double exp_avg_[2] = {0, 0};
  double exp_avg_sq_[2] = {0, 0};
  double s_[2] = {0, 0};
};

OptimizerInfo info() {
  using namespace fields;
  OptimizerInfo o{
      "prodigy", "Prodigy", "konstmish/prodigy prodigy.py; Mishchenko & Defazio 2024, Section 5 (Adam version)",
      "Parameter-free Adam: it estimates the distance d from the start to the solution as it goes and steps with "
      "the learning rate d·lr, so lr stays 1. d starts at d0 and only grows: d̂ = r/‖s‖₁, where r accumulates "
      "the (d-weighted) gradients' progress ⟨g, x₀ − x⟩ and s the gradients themselves, both decayed by β3. "
      "beta3 = 0 means √β2 and growth_rate = 0 means unbounded growth (the reference's None and inf).",
      R"(\begin{aligned}\eta_k &= d_k\,\eta\\ )"
      R"(r_k &= \beta_3 r_{k-1} + \tfrac{d_k}{d_0}\,\eta_k\,\langle g_k, x_0 - x_k\rangle,\quad )"
      R"(s_k = \beta_3 s_{k-1} + \tfrac{d_k}{d_0}\,\eta_k\,g_k\\ )"
      R"(m_k &= \beta_1 m_{k-1} + (1-\beta_1)\,d_k g_k,\quad v_k = \beta_2 v_{k-1} + (1-\beta_2)\,d_k^2 g_k^2\\ )"
      R"(d_{k+1} &= \min\big(\max(d_{\max}, \hat d_k),\ \gamma\,d_k\big),\quad )"
      R"(\hat d_k = d_{\mathrm{coef}}\,r_k/\lVert s_k\rVert_1\\ )"
      R"(x_{k+1} &= x_k - \eta_k\,\frac{m_k}{\sqrt{v_k} + d_{k+1}\,\epsilon}\end{aligned})",
      {lr(1.0, "multiplier of the estimated step size d (leave at 1; tune d_coef instead)"),
       beta1(0.9), beta2(0.999),
       own("beta3", Own::beta3, ParamType::Real, 0, kUnitOpen, 0, 0.999, "linear",
           "β3: decay rate of r and s, the distance estimate's numerator and denominator (0: √β2, the reference's "
           "None)"),
       eps(1e-8, "ε, scaled by d, added to √v: √v + d·ε"),
       weight_decay(0, "weight decay λ: decoupled θ ← θ − η_k·λ·θ with the step size η_k = d·lr, or coupled "
                       "g + λθ (see decouple)"),
       own_flag("decouple", Own::decouple, true, "AdamW-style decoupled weight decay (false: added to the gradient)"),
       own_flag("use_bias_correction", Own::use_bias_correction, false,
                "scale the step by √(1 − β2ᵏ⁺¹)/(1 − β1ᵏ⁺¹), Adam's bias correction"),
       own_flag("safeguard_warmup", Own::safeguard_warmup, false,
                "accumulate d·g in s instead of the step size times g (the reference's guard for warmup; no change "
                "when lr = 1 without bias correction)"),
       own("d0", Own::d0, ParamType::Real, 1e-6, kPositive, 1e-8, 1e-2, "log",
           "d0: the initial distance estimate"),
       own("d_coef", Own::d_coef, ParamType::Real, 1.0, kPositive, 0.1, 10, "log",
           "multiplier of the estimate d̂ (the knob to tune in place of lr)"),
       own("growth_rate", Own::growth_rate, ParamType::Real, 0, Range{0, 1e3}, 0, 2, "linear",
           "γ: d grows by at most this factor per step (0: unbounded, the reference's inf)")},
      false, "|m| (EMA of d·g)", "√v (v: EMA of d²g²)", true, 1, false, false, 24};
  o.whole = true;
  o.curve_label = "d (distance estimate)";
  return o;
}

std::unique_ptr<WholeOptimizer> make(const OptimizerSpec& spec) { return std::make_unique<Prodigy>(spec); }

std::string latex(const OptimizerSpec& spec) {
  const bool bias_correction = spec.own[Own::use_bias_correction] != 0;
  const bool coupled_decay = spec.weight_decay != 0 && spec.own[Own::decouple] == 0;
  const bool decoupled_decay = spec.weight_decay != 0 && spec.own[Own::decouple] != 0;
  const bool momentum = spec.beta1 > 0;
  const std::string beta3 = spec.own[Own::beta3] != 0 ? R"(\beta_3)" : R"(\sqrt{\beta_2})";
  const std::string s_step = spec.own[Own::safeguard_warmup] != 0 ? "d_k" : R"(\eta_k)";

  std::string out = R"(\begin{aligned})";
  if (coupled_decay) out += R"(g_k &\leftarrow g_k + \lambda\,x_k\\ )";
  out += bias_correction ? R"(\eta_k &= d_k\,\eta\,\frac{\sqrt{1-\beta_2^{k+1}}}{1-\beta_1^{k+1}}\\ )"
                         : R"(\eta_k &= d_k\,\eta\\ )";
  out += "r_k &= " + beta3 + R"( r_{k-1} + \tfrac{d_k}{d_0}\,\eta_k\,\langle g_k, x_0 - x_k\rangle,\quad )";
  out += "s_k = " + beta3 + R"( s_{k-1} + \tfrac{d_k}{d_0}\,)" + s_step + R"(\,g_k\\ )";
  const std::string v_update = R"(\beta_2 v_{k-1} + (1-\beta_2)\,d_k^2 g_k^2\\ )";
  out += momentum ? R"(m_k &= \beta_1 m_{k-1} + (1-\beta_1)\,d_k g_k,\quad v_k = )" + v_update : "v_k &= " + v_update;
  out += R"(\hat d_k &= d_{\mathrm{coef}}\,r_k/\lVert s_k\rVert_1,\quad )"
         R"(d_{\max} \leftarrow \max(d_{\max}, \hat d_k),\quad )";
  out += spec.own[Own::growth_rate] != 0 ? R"(d_{k+1} = \min(d_{\max}, \gamma\,d_k)\\ )" : R"(d_{k+1} = d_{\max}\\ )";
  if (decoupled_decay) out += R"(x_k &\leftarrow x_k - \eta_k\lambda\,x_k\\ )";
  out += momentum ? R"(x_{k+1} &= x_k - \eta_k\,\frac{m_k}{\sqrt{v_k} + d_{k+1}\,\epsilon})"
                  : R"(x_{k+1} &= x_k - \eta_k\,d_{k+1}\,\frac{g_k}{\sqrt{v_k} + d_{k+1}\,\epsilon})";
  return out + R"(\end{aligned})";
}

std::string constraint(const OptimizerSpec&, const std::string&) { return ""; }

}  // namespace

WholeEntry prodigy_entry() { return {info, make, latex, constraint}; }

}  // namespace gs::optim::whole
