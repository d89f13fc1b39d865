// The operations of the formula language: the arithmetic operators and the built-in functions,
// their names and arities, shared by the parser, the compiler and the evaluator.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace gs::formula {

enum class Op {
  Add, Sub, Mul, Div, Pow, Neg,
  Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Exp, Log, Log2, Log10, Sqrt, Cbrt, Abs,
  Sign, Sigmoid, Softplus, Relu,
  Atan2, Min, Max, Hypot, PowFn,
};

// The operation's name as written in a formula (operators: "+", "-", "*", "/", "^", "neg").
std::string_view op_name(Op op);
// 1 or 2.
int op_arity(Op op);
// The built-in function called `name`, if any.
std::optional<Op> function_named(std::string_view name);
// Every built-in function's name, in the order of the language reference.
std::span<const std::string_view> function_names();

}  // namespace gs::formula
