// Names and arities of the formula language's operations.
#include "objectives/formula/ops.hpp"

#include <array>
#include <utility>

namespace gs::formula {
namespace {

constexpr std::array<std::pair<std::string_view, Op>, 25> kFunctions{{
    {"sin", Op::Sin},   {"cos", Op::Cos},       {"tan", Op::Tan},           {"asin", Op::Asin},
    {"acos", Op::Acos}, {"atan", Op::Atan},     {"atan2", Op::Atan2},       {"sinh", Op::Sinh},
    {"cosh", Op::Cosh}, {"tanh", Op::Tanh},     {"exp", Op::Exp},           {"log", Op::Log},
    {"log2", Op::Log2}, {"log10", Op::Log10},   {"sqrt", Op::Sqrt},         {"cbrt", Op::Cbrt},
    {"abs", Op::Abs},   {"sign", Op::Sign},     {"min", Op::Min},           {"max", Op::Max},
    {"hypot", Op::Hypot}, {"pow", Op::PowFn},   {"sigmoid", Op::Sigmoid},   {"softplus", Op::Softplus},
    {"relu", Op::Relu},
}};

constexpr std::array<std::string_view, 25> kNames = [] {
  std::array<std::string_view, 25> names{};
  for (std::size_t i = 0; i < kFunctions.size(); ++i) names[i] = kFunctions[i].first;
  return names;
}();

}  // namespace

std::string_view op_name(Op op) {
  switch (op) {
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Pow: return "^";
    case Op::Neg: return "neg";
    default: break;
  }
  for (const auto& [name, fn] : kFunctions)
    if (fn == op) return name;
  return "?";
}

int op_arity(Op op) {
  switch (op) {
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Pow:
    case Op::Atan2: case Op::Min: case Op::Max: case Op::Hypot: case Op::PowFn:
      return 2;
    default:
      return 1;
  }
}

std::optional<Op> function_named(std::string_view name) {
  for (const auto& [fn_name, fn] : kFunctions)
    if (fn_name == name) return fn;
  return std::nullopt;
}

std::span<const std::string_view> function_names() { return kNames; }

}  // namespace gs::formula
