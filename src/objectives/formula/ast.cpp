// The canonical prefix printer of the formula syntax tree.
#include "objectives/formula/ast.hpp"

namespace gs::formula {
namespace {

void print_node(const Ast& ast, int index, std::string& out) {
  const Node& node = ast.nodes[index];
  switch (node.kind) {
    case NodeKind::Number:
    case NodeKind::Constant:
    case NodeKind::Parameter: out += node.text; return;
    case NodeKind::X: out += "x"; return;
    case NodeKind::Y: out += "y"; return;
    case NodeKind::Operation:
      out += "(";
      out += op_name(node.op);
      for (int child : node.children) {
        out += " ";
        print_node(ast, child, out);
      }
      out += ")";
      return;
  }
}

}  // namespace

std::string print(const Ast& ast) {
  std::string out;
  if (ast.root >= 0) print_node(ast, ast.root, out);
  return out;
}

}  // namespace gs::formula
