// Lowering of the formula syntax tree to a flat instruction list: post-order, each distinct
// instruction emitted once (common subexpressions shared), constant operations folded.
#include "objectives/formula/program.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <tuple>

#include "core/detmath.hpp"
#include "objectives/formula/evaluate.hpp"
#include "objectives/formula/parser.hpp"

namespace gs::formula {
namespace {

class Compiler {
 public:
  explicit Compiler(const Ast& ast) : ast_(ast) {}

  int lower(int index) {
    const Node& node = ast_.nodes[static_cast<std::size_t>(index)];
    Instruction instruction{InstructionKind::Constant};
    instruction.column = node.column;
    switch (node.kind) {
      case NodeKind::Number:
      case NodeKind::Constant: instruction.value = node.value; break;
      case NodeKind::X: instruction.kind = InstructionKind::X; break;
      case NodeKind::Y: instruction.kind = InstructionKind::Y; break;
      case NodeKind::Parameter:
        instruction.kind = InstructionKind::Parameter;
        instruction.parameter = node.parameter;
        break;
      case NodeKind::Operation: {
        instruction.kind = InstructionKind::Operation;
        instruction.op = node.op;
        instruction.a = lower(node.children[0]);
        if (node.children.size() > 1) instruction.b = lower(node.children[1]);
        fold(instruction);
        break;
      }
    }
    return emit(instruction);
  }

  Program program;

 private:
  bool is_constant(int i) const { return program.code[static_cast<std::size_t>(i)].kind == InstructionKind::Constant; }
  double constant(int i) const { return program.code[static_cast<std::size_t>(i)].value; }

  // Replaces an operation on constants by its value, when that value is defined.
  void fold(Instruction& instruction) const {
    if (!is_constant(instruction.a) || (instruction.b >= 0 && !is_constant(instruction.b))) return;
    const double a = constant(instruction.a), b = instruction.b >= 0 ? constant(instruction.b) : 0.0;
    if (!in_domain(instruction.op, a, b)) return;
    const double value = instruction.b >= 0 ? apply(instruction.op, a, b) : apply(instruction.op, a);
    if (!std::isfinite(value)) return;
    instruction = Instruction{InstructionKind::Constant, value, -1, Op::Add, -1, -1, instruction.column};
  }

  int emit(const Instruction& instruction) {
    const bool constant_kind = instruction.kind == InstructionKind::Constant;
    const auto key = std::make_tuple(static_cast<int>(instruction.kind), constant_kind ? 0 : static_cast<int>(instruction.op),
                                     instruction.a, instruction.b,
                                     constant_kind ? dm::to_bits(instruction.value) : std::uint64_t{0},
                                     instruction.parameter);
    const auto found = seen_.find(key);
    if (found != seen_.end()) return found->second;
    program.code.push_back(instruction);
    const int index = static_cast<int>(program.code.size()) - 1;
    seen_.emplace(key, index);
    return index;
  }

  const Ast& ast_;
  std::map<std::tuple<int, int, int, int, std::uint64_t, int>, int> seen_;
};

std::string format_number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

// Drops the instructions the result does not use (the operands of folded constants) and makes
// the result the last instruction, keeping the order otherwise.
Program keep_reachable(const Program& full, int result, int parameter_count) {
  std::vector<bool> used(full.code.size(), false);
  used[static_cast<std::size_t>(result)] = true;
  for (int i = result; i >= 0; --i) {
    const Instruction& in = full.code[static_cast<std::size_t>(i)];
    if (!used[static_cast<std::size_t>(i)] || in.kind != InstructionKind::Operation) continue;
    used[static_cast<std::size_t>(in.a)] = true;
    if (in.b >= 0) used[static_cast<std::size_t>(in.b)] = true;
  }
  Program program;
  program.parameter_count = parameter_count;
  std::vector<int> renumbered(full.code.size(), -1);
  for (int i = 0; i <= result; ++i) {
    if (!used[static_cast<std::size_t>(i)]) continue;
    Instruction in = full.code[static_cast<std::size_t>(i)];
    if (in.kind == InstructionKind::Operation) {
      in.a = renumbered[static_cast<std::size_t>(in.a)];
      if (in.b >= 0) in.b = renumbered[static_cast<std::size_t>(in.b)];
    }
    renumbered[static_cast<std::size_t>(i)] = static_cast<int>(program.code.size());
    program.code.push_back(in);
  }
  return program;
}

}  // namespace

Program compile(const Ast& ast, int parameter_count) {
  Compiler compiler(ast);
  const int result = compiler.lower(ast.root);
  return keep_reachable(compiler.program, result, parameter_count);
}

Result<Program> compile(std::string_view formula, const std::vector<std::string>& parameters) {
  Result<Ast> ast = parse(formula, parameters);
  if (!ast.ok()) return ast.error();
  return compile(ast.value(), static_cast<int>(parameters.size()));
}

std::string print(const Program& program) {
  std::string out;
  for (std::size_t i = 0; i < program.code.size(); ++i) {
    const Instruction& in = program.code[i];
    out += "%" + std::to_string(i) + " = ";
    switch (in.kind) {
      case InstructionKind::Constant: out += format_number(in.value); break;
      case InstructionKind::X: out += "x"; break;
      case InstructionKind::Y: out += "y"; break;
      case InstructionKind::Parameter: out += "p" + std::to_string(in.parameter); break;
      case InstructionKind::Operation:
        out += std::string(op_name(in.op)) + " %" + std::to_string(in.a);
        if (in.b >= 0) out += " %" + std::to_string(in.b);
        break;
    }
    out += "\n";
  }
  return out;
}

}  // namespace gs::formula
