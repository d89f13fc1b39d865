// libFuzzer target for the formula language (src/objectives/formula/): any bytes go through
// parse, compile and, when the formula is valid, value_at and derivatives_at; a broken invariant
// traps, so the fuzzer keeps the input. Built and run by scripts/fuzz.sh.
//
// Input: the first byte chooses the declared parameters (byte % 3: none, {a}, {a, b}); the rest
// is the formula. The evaluation points and parameter values come from a hash of the whole input.
//
// Invariants checked:
//   - a parse error has a column in [1, length + 1] and a non-empty message;
//   - compile succeeds exactly when parse does, and fails with the same column and message;
//   - a compiled program is non-empty, each instruction reads only earlier ones, a parameter
//     instruction names a declared parameter, and print(program) has one line per instruction;
//   - an evaluation at a finite point with the right parameter count reports no input error and
//     either leaves the domain (at an instruction of the program, with a message) or gives a
//     finite value (for derivatives_at: value, gradient and Hessian);
//   - value_at and derivatives_at share their arithmetic (jets.hpp): when derivatives_at gives a
//     value, value_at gives the same bits, and when value_at leaves the domain at an instruction,
//     derivatives_at leaves it there or earlier.
// Not checked: print(ast) re-parsing to itself. The printer writes the prefix form "(+ x 1)",
// which is not in the infix grammar, so no printed formula with an operation re-parses.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/detmath.hpp"
#include "objectives/formula/evaluate.hpp"
#include "objectives/formula/parser.hpp"
#include "objectives/formula/program.hpp"

namespace {

using namespace gs::formula;

void require(bool condition) {
  if (!condition) __builtin_trap();
}

// FNV-1a, 64 bits.
std::uint64_t hash_bytes(const std::uint8_t* data, std::size_t size) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (std::size_t i = 0; i < size; ++i) h = (h ^ data[i]) * 0x100000001b3ULL;
  return h;
}

// SplitMix64: the next well-mixed 64 bits from `state`.
std::uint64_t next_bits(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Domain edges and overflow thresholds of the built-in functions, and plain values.
constexpr std::array<double, 20> kEdgeValues{
    0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.141592653589793, 1.5707963267948966,
    1e-300, -1e-300, 5e-324, 1e300, -1e300, 709.8, -745.2, 36.5, 20.5, 1e8};

// An edge value, or a value spread uniformly over [-8, 8).
double point_value(std::uint64_t& state) {
  const std::uint64_t bits = next_bits(state);
  if (bits & 1) return kEdgeValues[(bits >> 1) % kEdgeValues.size()];
  return static_cast<double>(bits >> 11) * 0x1p-53 * 16.0 - 8.0;
}

void check_parse_error(const ParseError& error, std::size_t length) {
  require(error.column >= 1);
  require(static_cast<std::size_t>(error.column) <= length + 1);
  require(!error.message.empty());
}

void check_program(const Program& program, int parameter_count) {
  require(!program.code.empty());
  require(program.parameter_count == parameter_count);
  for (std::size_t i = 0; i < program.code.size(); ++i) {
    const Instruction& in = program.code[i];
    const int index = static_cast<int>(i);
    if (in.kind == InstructionKind::Operation) {
      require(in.a >= 0 && in.a < index);
      require(op_arity(in.op) == 1 ? in.b == -1 : (in.b >= 0 && in.b < index));
    }
    if (in.kind == InstructionKind::Parameter) require(in.parameter >= 0 && in.parameter < parameter_count);
  }
  const std::string listing = print(program);
  require(static_cast<std::size_t>(std::count(listing.begin(), listing.end(), '\n')) == program.code.size());
}

template <class T>
void check_evaluation(const Evaluation<T>& evaluation, const Program& program) {
  require(evaluation.error.empty());
  if (evaluation.left_domain) {
    require(evaluation.instruction >= 0 && evaluation.instruction < static_cast<int>(program.code.size()));
    require(!evaluation.domain_message.empty());
  } else {
    require(is_finite(evaluation.value));
  }
}

void check_evaluations(const Program& program, double x, double y, std::span<const double> parameters) {
  const Evaluation<double> value = value_at(program, x, y, parameters);
  const Evaluation<Dual> derivatives = derivatives_at(program, x, y, parameters);
  check_evaluation(value, program);
  check_evaluation(derivatives, program);
  if (!derivatives.left_domain) {
    require(!value.left_domain);
    require(gs::dm::to_bits(value.value) == gs::dm::to_bits(derivatives.value.v));
  }
  if (value.left_domain) require(derivatives.left_domain && derivatives.instruction <= value.instruction);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const std::array<std::vector<std::string>, 3> kParameterLists{
      std::vector<std::string>{}, std::vector<std::string>{"a"}, std::vector<std::string>{"a", "b"}};
  const std::vector<std::string>& parameters = kParameterLists[data[0] % kParameterLists.size()];
  const std::string_view formula(reinterpret_cast<const char*>(data + 1), size - 1);

  const Result<Ast> ast = parse(formula, parameters);
  const Result<Program> program = compile(formula, parameters);
  require(ast.ok() == program.ok());
  if (!ast.ok()) {
    check_parse_error(ast.error(), formula.size());
    require(program.error().column == ast.error().column);
    require(program.error().message == ast.error().message);
    return 0;
  }
  const int parameter_count = static_cast<int>(parameters.size());
  check_program(program.value(), parameter_count);

  std::uint64_t state = hash_bytes(data, size);
  for (int point = 0; point < 2; ++point) {
    const double x = point_value(state), y = point_value(state);
    std::vector<double> values;
    for (int i = 0; i < parameter_count; ++i) values.push_back(point_value(state));
    check_evaluations(program.value(), x, y, values);
  }
  return 0;
}
