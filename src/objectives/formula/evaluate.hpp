// Evaluates a compiled formula over any value type with one body: double (the value alone) or
// Dual (value, exact gradient and Hessian by forward-mode automatic differentiation).
//
// Domain: an operation whose argument is outside its domain (see in_domain in jets.hpp) or whose
// result (for Dual: value, gradient or Hessian) is not finite stops the evaluation with
// left_domain = true, the index of that instruction and a message saying why. So sqrt(x) at
// x = 0 has the value 0 in double, while its Dual evaluation (infinite derivative) leaves the
// domain at the sqrt; the same holds for cbrt at 0, and for hypot and atan2 at (0, 0).
#pragma once

#include <cmath>
#include <span>
#include <string>
#include <vector>

#include "objectives/formula/dual.hpp"
#include "objectives/formula/jets.hpp"
#include "objectives/formula/program.hpp"

namespace gs::formula {

template <class T>
struct Evaluation {
  T value{};
  bool left_domain = false;
  int instruction = -1;  // the instruction that left the domain
  std::string domain_message;  // why, e.g. "log of a number ≤ 0 at column 5"
  std::string error;     // bad input (wrong parameter count, a non-finite coordinate); "" when fine
};

// The value-type-specific pieces: how a value is made, read and carried through an operation.
inline double make_constant(double value, double) { return value; }
inline Dual make_constant(double value, const Dual&) { return Dual::constant(value); }
inline double value_of(double v) { return v; }
inline double value_of(const Dual& v) { return v.v; }
inline bool is_finite(double v) { return std::isfinite(v); }
inline bool is_finite(const Dual& v) { return v.finite(); }
inline double apply(Op op, double a) { return unary_jet(op, a, false).f; }
inline Dual apply(Op op, const Dual& a) { return chain(unary_jet(op, a.v, true), a); }
inline double apply(Op op, double a, double b) { return binary_jet(op, a, b, false, false).f; }
inline Dual apply(Op op, const Dual& a, const Dual& b) {
  return chain(binary_jet(op, a.v, b.v, true, b.varies()), a, b);
}

// `values` is scratch space (one slot per instruction), reusable between calls.
template <class T>
Evaluation<T> evaluate(const Program& program, const T& x, const T& y, std::span<const double> parameters,
                       std::vector<T>& values) {
  Evaluation<T> result;
  if (static_cast<int>(parameters.size()) != program.parameter_count) {
    result.error = "the formula declares " + std::to_string(program.parameter_count) +
                   (program.parameter_count == 1 ? " parameter" : " parameters") + ", got " +
                   std::to_string(parameters.size()) + (parameters.size() == 1 ? " value" : " values");
    return result;
  }
  if (!std::isfinite(value_of(x)) || !std::isfinite(value_of(y))) {
    result.error = std::string(std::isfinite(value_of(x)) ? "y" : "x") + " must be a finite number";
    return result;
  }
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    if (!std::isfinite(parameters[i])) {
      result.error = "parameter " + std::to_string(i + 1) + " must be a finite number";
      return result;
    }
  }
  if (program.code.empty()) {
    result.error = "the program is empty (compile a formula first)";
    return result;
  }
  values.resize(program.code.size());
  for (std::size_t i = 0; i < program.code.size(); ++i) {
    const Instruction& instruction = program.code[i];
    switch (instruction.kind) {
      case InstructionKind::Constant: values[i] = make_constant(instruction.value, x); break;
      case InstructionKind::X: values[i] = x; break;
      case InstructionKind::Y: values[i] = y; break;
      case InstructionKind::Parameter:
        values[i] = make_constant(parameters[static_cast<std::size_t>(instruction.parameter)], x);
        break;
      case InstructionKind::Operation: {
        const T& a = values[static_cast<std::size_t>(instruction.a)];
        const bool binary = instruction.b >= 0;
        const T& b = binary ? values[static_cast<std::size_t>(instruction.b)] : a;
        if (!in_domain(instruction.op, value_of(a), binary ? value_of(b) : 0.0)) {
          result.left_domain = true;
          result.instruction = static_cast<int>(i);
          result.domain_message = domain_exit_message(instruction.op, instruction.column, true, false);
          return result;
        }
        values[i] = binary ? apply(instruction.op, a, b) : apply(instruction.op, a);
        break;
      }
    }
    if (!is_finite(values[i])) {
      result.left_domain = true;
      result.instruction = static_cast<int>(i);
      result.domain_message =
          domain_exit_message(instruction.op, instruction.column, false, std::isfinite(value_of(values[i])));
      return result;
    }
  }
  result.value = values.back();
  return result;
}

// The value at (x, y).
inline Evaluation<double> value_at(const Program& program, double x, double y, std::span<const double> parameters = {}) {
  std::vector<double> values;
  return evaluate<double>(program, x, y, parameters, values);
}
// Value, gradient and Hessian at (x, y).
inline Evaluation<Dual> derivatives_at(const Program& program, double x, double y,
                                       std::span<const double> parameters = {}) {
  std::vector<Dual> values;
  return evaluate<Dual>(program, Dual::variable_x(x), Dual::variable_y(y), parameters, values);
}

}  // namespace gs::formula
