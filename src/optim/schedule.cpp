#include "optim/schedule.hpp"

#include <cmath>

#include "core/detmath.hpp"

namespace gs::optim {

double ipow(double b, uint64_t e) {
  double result = 1;
  while (e) {
    if (e & 1) result *= b;
    b *= b;
    e >>= 1;
  }
  return result;
}

double schedule_factor(const ScheduleSpec& s, uint64_t t) {
  const uint64_t e = t - 1;
  switch (s.kind) {
    case ScheduleKind::Constant: return 1;
    case ScheduleKind::InvSqrt: return std::sqrt(static_cast<double>(t));
    case ScheduleKind::Step: return ipow(s.gamma, e / static_cast<uint64_t>(s.step_size));
    case ScheduleKind::Exponential: return ipow(s.gamma, e);
    case ScheduleKind::Cosine: {
      constexpr double kPi = 3.141592653589793;
      return 1 + dm::cos(kPi * static_cast<double>(e) / s.T_max);
    }
    case ScheduleKind::Warmup: return static_cast<double>(t) / s.warmup_steps;
  }
  return 1;
}

double scheduled_lr(double lr, const ScheduleSpec& s, uint64_t t) {
  return apply_schedule(lr, s, schedule_factor(s, t));
}

double decayed_beta1(double beta1, double lambda, uint64_t t) {
  return lambda == 1 ? beta1 : beta1 * ipow(lambda, t - 1);
}

}  // namespace gs::optim
