// Stepping a compiled custom rule and typesetting it (the compilation is custom_rule_compile.cpp).
#include "optim/custom/custom_rule.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "objectives/formula/evaluate.hpp"

namespace gs::optim::custom {

double CustomRule::step(double theta, double g, double t, const double* hyper, double* state, bool& ok,
                        std::string& why) const {
  double* const slot = slots_.data();
  const std::size_t first_state = kFixedSlots + hypers_.size(), end_state = first_state + states_.size();
  slot[kSlotG] = g;
  slot[kSlotTheta] = theta;
  slot[kSlotT] = t;
  std::copy(hyper, hyper + hypers_.size(), slot + kFixedSlots);
  std::copy(state, state + states_.size(), slot + first_state);
  ok = false;
  for (std::size_t i = 0; i < end_state; ++i) {
    if (std::isfinite(slot[i])) continue;
    const char* const kind = i < kFixedSlots ? "" : i < first_state ? "hyperparameter " : "state ";
    why = kind + slot_names_[i] + " is not a finite number";
    return std::numeric_limits<double>::quiet_NaN();
  }
  // Every slot is finite from here on (inputs checked, locals 0 or assigned finite values), so the
  // evaluation's only failure is leaving the domain.
  for (const Assignment& assignment : assignments_) {
    const formula::Evaluation<double> result = formula::evaluate<double>(assignment.program, 0.0, 0.0, slots_, scratch_);
    if (result.left_domain) {
      const int column = assignment.program.code[static_cast<std::size_t>(result.instruction)].column;
      const std::string& message = result.domain_message;
      why = "line " + std::to_string(assignment.line) + ", column " +
            std::to_string(assignment.expression_column + column - 1) + ": " +
            message.substr(0, message.rfind(" at column "));
      return std::numeric_limits<double>::quiet_NaN();
    }
    slot[assignment.target] = result.value;
  }
  std::copy(slot + first_state, slot + end_state, state);
  ok = true;
  return slot[kSlotTheta];
}

std::string CustomRule::latex() const {
  std::string out = R"(\begin{aligned})";
  for (std::size_t i = 0; i < assignments_.size(); ++i) out += (i > 0 ? R"(\\ )" : "") + assignments_[i].latex;
  return out + R"(\end{aligned})";
}

}  // namespace gs::optim::custom
