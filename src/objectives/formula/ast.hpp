// The formula's syntax tree (nodes in one vector, children by index) and its canonical printer:
// fully parenthesised prefix form, e.g. "(+ (* 2 x) (sin y))".
#pragma once

#include <string>
#include <vector>

#include "objectives/formula/ops.hpp"

namespace gs::formula {

enum class NodeKind { Number, Constant, X, Y, Parameter, Operation };

struct Node {
  NodeKind kind;
  double value = 0;          // Number and Constant
  std::string text{};        // Number: as written; Constant: "pi" or "e"; Parameter: its name
  int parameter = -1;        // Parameter: index into the declared names
  Op op = Op::Add;           // Operation
  int column = 1;            // 1-based: a leaf's or function's first character, an operator's symbol
                             // (an implicit product: its right operand's first character)
  std::vector<int> children{}; // Operation: indices into Ast::nodes
};

struct Ast {
  std::vector<Node> nodes;
  int root = -1;
};

std::string print(const Ast& ast);

}  // namespace gs::formula
