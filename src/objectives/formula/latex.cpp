// LaTeX printer of the formula syntax tree (rules in latex.hpp).
#include "objectives/formula/latex.hpp"

#include <array>
#include <cctype>
#include <string_view>

namespace gs::formula {
namespace {

// How tightly a printed node holds together; an operand printed below the level its place needs
// is parenthesised.
enum Level : int { kSum = 1, kProduct, kNegation, kPower, kGroup, kAtom };

// Lower case: every letter but omicron (no LaTeX command) and pi (the constant, never a parameter).
constexpr std::array<std::string_view, 33> kGreekLetters{
    "alpha", "beta",  "gamma",   "delta", "epsilon", "zeta",  "eta",   "theta",  "iota",
    "kappa", "lambda", "mu",     "nu",    "xi",      "rho",   "sigma", "tau",    "upsilon",
    "phi",   "chi",   "psi",     "omega", "Gamma",   "Delta", "Theta", "Lambda", "Xi",
    "Pi",    "Sigma", "Upsilon", "Phi",   "Psi",     "Omega",
};

bool has_exponent(const std::string& number) {
  return number.find_first_of("eE") != std::string::npos;
}

std::string number_latex(const std::string& text) {
  const std::size_t e = text.find_first_of("eE");
  if (e == std::string::npos) return text;
  return text.substr(0, e) + " \\times 10^{" + text.substr(e + 1) + "}";
}

std::string name_latex(const std::string& name) {
  if (name.size() == 1 && std::isalpha(static_cast<unsigned char>(name[0]))) return name;
  for (std::string_view greek : kGreekLetters)
    if (greek == name) return "\\" + name;
  std::string escaped;
  for (char c : name) {
    if (c == '_') escaped += "\\_";
    else escaped += c;
  }
  return "\\mathrm{" + escaped + "}";
}

// The LaTeX of a function's name, for the functions written name\left(args\right).
std::string_view function_latex(Op op) {
  switch (op) {
    case Op::Sin: return "\\sin";
    case Op::Cos: return "\\cos";
    case Op::Tan: return "\\tan";
    case Op::Asin: return "\\arcsin";
    case Op::Acos: return "\\arccos";
    case Op::Atan: return "\\arctan";
    case Op::Sinh: return "\\sinh";
    case Op::Cosh: return "\\cosh";
    case Op::Tanh: return "\\tanh";
    case Op::Exp: return "\\exp";
    case Op::Log: return "\\ln";
    case Op::Log2: return "\\log_{2}";
    case Op::Log10: return "\\log_{10}";
    case Op::Min: return "\\min";
    case Op::Max: return "\\max";
    case Op::Sign: return "\\operatorname{sign}";
    case Op::Sigmoid: return "\\operatorname{sigmoid}";
    case Op::Softplus: return "\\operatorname{softplus}";
    case Op::Relu: return "\\operatorname{relu}";
    case Op::Atan2: return "\\operatorname{atan2}";
    case Op::Hypot: return "\\operatorname{hypot}";
    case Op::PowFn: return "\\operatorname{pow}";
    default: return "";
  }
}

class Printer {
 public:
  explicit Printer(const Ast& ast) : ast_(ast) {}

  // `starts_group`: the node's text begins a group (the formula, an argument, a fraction's part,
  // an exponent, a parenthesis) or the left operand of an operator that does.
  std::string node(int index, bool starts_group) const {
    const Node& n = ast_.nodes[index];
    switch (n.kind) {
      case NodeKind::Number: return number_latex(n.text);
      case NodeKind::Constant: return n.text == "pi" ? "\\pi" : n.text;
      case NodeKind::X: return "x";
      case NodeKind::Y: return "y";
      case NodeKind::Parameter: return name_latex(n.text);
      case NodeKind::Operation: return operation(n, starts_group);
    }
    return "";
  }

 private:
  std::string operation(const Node& n, bool starts_group) const {
    const auto& c = n.children;
    switch (n.op) {
      case Op::Add: return operand(c[0], kSum, starts_group) + " + " + operand(c[1], kSum + 1, false);
      case Op::Sub: return operand(c[0], kSum, starts_group) + " - " + operand(c[1], kSum + 1, false);
      case Op::Mul:
        return operand(c[0], kProduct, starts_group) + " \\cdot " + operand(c[1], kProduct + 1, false);
      case Op::Div: return "\\frac{" + node(c[0], true) + "}{" + node(c[1], true) + "}";
      case Op::Pow: return operand(c[0], kAtom, starts_group) + "^{" + node(c[1], true) + "}";
      case Op::Neg: return "-" + operand(c[0], kNegation, false);
      case Op::Sqrt: return "\\sqrt{" + node(c[0], true) + "}";
      case Op::Cbrt: return "\\sqrt[3]{" + node(c[0], true) + "}";
      case Op::Abs: return "\\left|" + node(c[0], true) + "\\right|";
      default: break;
    }
    std::string out(function_latex(n.op));
    out += "\\left(";
    for (std::size_t i = 0; i < c.size(); ++i) {
      if (i > 0) out += ", ";
      out += node(c[i], true);
    }
    return out + "\\right)";
  }

  // The child printed in a place that needs at least `needed`, parenthesised if it binds looser
  // or is a negation that does not start its group.
  std::string operand(int index, int needed, bool starts_group) const {
    const Node& child = ast_.nodes[index];
    const bool stray_negation = child.kind == NodeKind::Operation && child.op == Op::Neg && !starts_group;
    if (level(child) < needed || stray_negation) return "\\left(" + node(index, true) + "\\right)";
    return node(index, starts_group);
  }

  static int level(const Node& n) {
    if (n.kind == NodeKind::Number) return has_exponent(n.text) ? kProduct : kAtom;
    if (n.kind != NodeKind::Operation) return kAtom;
    switch (n.op) {
      case Op::Add: case Op::Sub: return kSum;
      case Op::Mul: return kProduct;
      case Op::Neg: return kNegation;
      case Op::Pow: return kPower;
      case Op::Div: case Op::Sqrt: case Op::Cbrt: return kGroup;
      default: return kAtom;
    }
  }

  const Ast& ast_;
};

}  // namespace

std::string to_latex(const Ast& ast) {
  if (ast.root < 0) return "";
  return Printer(ast).node(ast.root, true);
}

}  // namespace gs::formula
