// What a rule's latex(spec) writes with: the update rule the engine runs for one spec, as KaTeX
// `aligned` lines. The symbols follow the spec: the learning rate is η_t / α_t under a schedule
// (η / α otherwise), β1 is β_{1,t} = β1·λ^(t−1) when beta1_decay < 1, and L2 weight decay adds its
// line only when weight_decay ≠ 0. The formula panel, the docs and the tests read the result
// (optim::formula_latex, gs.formula(spec)).
#pragma once

#include <string>
#include <vector>

#include "optim/spec.hpp"

namespace gs::optim::rules {

class RuleLatex {
 public:
  // `lr` is the learning rate's symbol in this rule ("\\eta" or "\\alpha").
  RuleLatex(const OptimizerSpec& spec, std::string lr)
      : scheduled_(spec.schedule.kind != ScheduleKind::Constant), decaying_(spec.beta1_decay != 1),
        lr_(std::move(lr)) {}

  // The learning rate of step t: "\\eta" or "\\eta_t".
  std::string lr() const { return scheduled_ ? lr_ + "_t" : lr_; }
  // A first-moment coefficient (β1, μ or β): itself, or with ",t" when beta1_decay decays it.
  std::string decayed(const std::string& symbol) const {
    if (!decaying_) return symbol;
    if (symbol.size() > 2 && symbol.compare(symbol.size() - 2, 2, "_1") == 0)
      return symbol.substr(0, symbol.size() - 2) + "_{1,t}";
    return symbol + "_t";
  }
  std::string beta1() const { return decayed("\\beta_1"); }

  // A line "left &= right" (or any aligned line given whole).
  RuleLatex& line(const std::string& text) {
    lines_.push_back(text);
    return *this;
  }
  // g_t ← g_t + λθ_{t−1} when the spec adds L2 weight decay.
  RuleLatex& l2(double weight_decay) {
    if (weight_decay != 0) lines_.push_back(R"(g_t &\leftarrow g_t + \lambda\,\theta_{t-1})");
    return *this;
  }
  // The line defining the decayed first-moment coefficient (β1,t = β1·λ^(t−1)) when beta1_decay decays it.
  RuleLatex& decay_line(const std::string& first_moment) {
    if (decaying_) lines_.push_back(decayed(first_moment) + R"( &= )" + first_moment + R"(\,\lambda_{\beta_1}^{\,t-1})");
    return *this;
  }

  std::string str() const {
    std::string out = R"(\begin{aligned})";
    for (size_t i = 0; i < lines_.size(); ++i) out += (i ? R"(\\ )" : "") + lines_[i];
    return out + R"(\end{aligned})";
  }

 private:
  bool scheduled_;
  bool decaying_;
  std::string lr_;
  std::vector<std::string> lines_;
};

}  // namespace gs::optim::rules
