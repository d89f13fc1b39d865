// A compiled formula: a flat instruction list in evaluation order (each instruction reads only
// earlier ones; the last is the result), with constant subexpressions folded and repeated
// subexpressions computed once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objectives/formula/ast.hpp"
#include "objectives/formula/errors.hpp"

namespace gs::formula {

enum class InstructionKind { Constant, X, Y, Parameter, Operation };

struct Instruction {
  InstructionKind kind;
  double value = 0;    // Constant
  int parameter = -1;  // Parameter
  Op op = Op::Add;     // Operation
  int a = -1, b = -1;  // Operation: operand instructions (b = -1 for one argument)
  int column = 1;      // its node's column (ast.hpp)
};

struct Program {
  std::vector<Instruction> code;
  int parameter_count = 0;
};

// Lowers a syntax tree. Folding evaluates with the evaluator's own arithmetic (so a folded
// constant has the bits the evaluation would produce); an operation that would leave its domain
// is kept, so the evaluation reports it.
Program compile(const Ast& ast, int parameter_count);
// parse + compile.
Result<Program> compile(std::string_view formula, const std::vector<std::string>& parameters = {});

// One instruction a line: "%2 = * %0 %1", "%0 = x", "%1 = 6".
std::string print(const Program& program);

}  // namespace gs::formula
