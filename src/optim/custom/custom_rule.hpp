// A user-written optimizer: an update rule typed per coordinate in a small language, checked and
// compiled once, then stepped for every coordinate of every step.
//
// The language: one statement per line; ';' also separates statements on a line; '#' starts a
// comment that runs to the end of the line.
//
//   hyper lr = 0.01 [1e-5, 1] log; beta = 0.9 [0, 0.999]
//   state m = 0
//   m = beta*m + (1 - beta)*g
//   theta = theta - lr*sign(m)
//
// Grammar:
//   statement   := 'hyper' hyper_decl | 'state' state_decl | hyper_decl | state_decl | assignment
//   hyper_decl  := NAME '=' NUMBER '[' NUMBER ',' NUMBER ']' 'log'?
//   state_decl  := NAME '=' NUMBER
//   assignment  := NAME '=' expression          (the formula language: objectives/formula/parser.hpp)
//   NUMBER      := '-'? digits ('.' digits)? (('e' | 'E') ('+' | '-')? digits)?   (also ".5")
// A statement that starts with 'hyper' or 'state' declares one; the statements after it on the same
// line (after ';') declare the same kind, so "hyper a = 1 [0, 2]; b = 2 [1, 3]" declares two. Other
// statements are assignments. Declarations may stand anywhere; assignments run in the text's order.
//
// Meaning: a hyperparameter has a default, a closed range and a slider scale (linear, or log); a state
// is a per-coordinate slot with its initial value, kept from step to step. The assignments run in
// order, once per coordinate per step. They read g (the gradient), theta (the parameter: its value
// before the step until an assignment changes it), t (the 1-based step), the hyperparameters, the
// states and the locals already assigned in this step; a name assigned that is neither theta nor a
// state is a local, recomputed every step. The new theta is theta after the last assignment.
// Values are computed by the formula evaluator in double (gs::dm functions: the same bits native and
// in wasm).
//
// Checked, each error as "line L, column C: message" (columns 1-based, in bytes):
//   the text's length (kMaxRuleLength), the number of statements (kMaxStatements), of
//   hyperparameters (kMaxHypers) and of states (kMaxStates); the statements' syntax; a declaration's
//   numbers (range not empty, the default inside it, a log scale's minimum above 0); declaring a
//   name twice, or one that is built in (g, t, theta, x, y, pi, e, a function, 'hyper', 'state');
//   assigning g, t, a hyperparameter or a built-in name; unknown names (with "did you mean" —
//   x and y are unknown: the formula language's coordinates are no names here); reading a local
//   before its first assignment; the formula parser's syntax errors (its column made the line's);
//   an empty rule; a rule that never assigns theta.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "objectives/formula/program.hpp"

namespace gs::optim::custom {

inline constexpr int kMaxRuleLength = 4000;  // characters (bytes) of the whole text
inline constexpr int kMaxStatements = 40;    // declarations and assignments together
inline constexpr int kMaxHypers = 8;
inline constexpr int kMaxStates = 8;

struct HyperDecl {
  std::string name;
  double value, min, max;
  bool log;
};

struct StateDecl {
  std::string name;
  double initial;
};

class CustomRule {
 public:
  // Parses, checks and compiles; nullptr and `error` ("line L, column C: message") on bad input.
  static std::shared_ptr<const CustomRule> compile(std::string_view text, std::string& error);

  const std::string& text() const { return text_; }
  const std::vector<HyperDecl>& hypers() const { return hypers_; }
  const std::vector<StateDecl>& states() const { return states_; }

  // One coordinate's step t: `hyper` holds the hyperparameter values in hypers() order, `state` the
  // coordinate's states in states() order (updated in place). Returns the new theta with ok = true.
  // When an input is not finite or an assignment leaves its formula's domain or yields a non-finite
  // value: ok = false, `why` says where ("line 4, column 12: log of a number ≤ 0"), the state is left
  // as it was and the result is NaN. Allocates nothing (uses the object's scratch: one thread only).
  double step(double theta, double g, double t, const double* hyper, double* state, bool& ok,
              std::string& why) const;

  // The rule typeset for KaTeX: \begin{aligned} one "name &\leftarrow expression" line per
  // assignment \end{aligned}, expressions by the formula language's printer (latex.hpp), theta as
  // \theta and the other names as written.
  std::string latex() const;

 private:
  CustomRule() = default;  // made by compile() only

  // The slots every rule starts with (then the hypers, the states, the locals, in that order).
  static constexpr int kSlotG = 0, kSlotTheta = 1, kSlotT = 2, kFixedSlots = 3;

  // One compiled assignment: its target's slot, its program over all slots (parameter i = slot i),
  // where its expression is written and its LaTeX line.
  struct Assignment {
    int target;
    formula::Program program;
    int line, expression_column;  // a program column c is the line's column expression_column + c - 1
    std::string latex;
  };

  std::string text_;
  std::vector<HyperDecl> hypers_;
  std::vector<StateDecl> states_;
  std::vector<std::string> slot_names_;  // g, theta, t, the hypers, the states, the locals
  std::vector<Assignment> assignments_;
  mutable std::vector<double> slots_;    // the slots' values during a step
  mutable std::vector<double> scratch_;  // the evaluator's per-instruction values

  friend class RuleBuilder;  // custom_rule_compile.cpp: the checks and the compilation
};

}  // namespace gs::optim::custom
