#include "online/theorem41.hpp"

#include <cmath>
#include <string_view>
#include <vector>

#include "core/check.hpp"
#include "optim/registry.hpp"

namespace gs::online {

namespace {

double gamma_of(const optim::OptimizerSpec& spec) {
  return spec.beta1 == 0 ? 0 : spec.beta1 * spec.beta1 / std::sqrt(spec.beta2);
}

}  // namespace

std::string theorem41_failed_condition(const optim::OptimizerSpec& spec) {
  if (!optim::info(spec.kind).regret_bound) {
    std::vector<std::string_view> names;
    for (const auto& o : optim::optimizer_registry())
      if (o.regret_bound) names.push_back(o.name);
    return "Theorem 4.1 is about Adam (Algorithm 1): " + check::join(names, " or ") + " only";
  }
  if (spec.schedule.kind != optim::ScheduleKind::InvSqrt)
    return "Theorem 4.1 needs α_t = α/√t: schedule inv_sqrt";
  const double gamma = gamma_of(spec);
  if (!(gamma < 1))
    return "Theorem 4.1 needs γ = β1²/√β2 < 1, got " + check::format_number(gamma);
  if (spec.beta1 != 0 && !(spec.beta1_decay > 0 && spec.beta1_decay < 1))
    return "Theorem 4.1 needs a decaying β₁,ₜ = β₁·λᵗ⁻¹, λ ∈ (0, 1): beta1_decay, got " +
           check::format_number(spec.beta1_decay);
  return "";
}

double theorem41_bound(const optim::OptimizerSpec& spec, const Theorem41Observed& o) {
  const double alpha = spec.lr, b1 = spec.beta1, b2 = spec.beta2;
  const double gamma = gamma_of(spec);
  const double one_minus_lambda = b1 == 0 ? 1 : 1 - spec.beta1_decay;
  const double first = o.D * o.D / (2 * alpha * (1 - b1)) * o.sum_sqrt_t_vhat;
  const double second = alpha * (1 + b1) * o.G_inf /
                        ((1 - b1) * std::sqrt(1 - b2) * (1 - gamma) * (1 - gamma)) * o.sum_gradient_norms;
  const double third = static_cast<double>(o.d) * o.D_inf * o.D_inf * o.G_inf * std::sqrt(1 - b2) /
                       (2 * alpha * (1 - b1) * one_minus_lambda * one_minus_lambda);
  return first + second + third;
}

}  // namespace gs::online
