// Recursive-descent parser of the formula language (grammar in parser.hpp).
#include "objectives/formula/parser.hpp"

#include <cctype>
#include <optional>

#include "objectives/formula/lexer.hpp"
#include "objectives/formula/suggest.hpp"

namespace gs::formula {
namespace {

constexpr double kPi = 3.141592653589793;
constexpr double kE = 2.718281828459045;

const char* const kOperandExpected = "expected a number, variable, function or '('";

std::string at(int column) { return " at column " + std::to_string(column); }

bool is_reserved(const std::string& name) {
  return name == "x" || name == "y" || name == "pi" || name == "e" || function_named(name).has_value();
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, const std::vector<std::string>& parameters)
      : tokens_(std::move(tokens)), parameters_(parameters) {}

  Result<Ast> run() {
    const int root = expression();
    if (!error_ && peek().kind != TokenKind::End) {
      const Token& token = peek();
      if (token.kind == TokenKind::RightParen)
        fail(token.column, "unexpected ')'" + at(token.column));
      else
        fail(token.column, "unexpected " + describe(token) + at(token.column) + ": expected an operator or the end");
    }
    if (error_) return *error_;
    ast_.root = root;
    return std::move(ast_);
  }

 private:
  const Token& peek() const { return tokens_[position_]; }
  const Token& advance() { return tokens_[position_++]; }

  int fail(int column, std::string message) {
    if (!error_) error_ = ParseError{column, std::move(message)};
    return -1;
  }

  int add(Node node) {
    ast_.nodes.push_back(std::move(node));
    return static_cast<int>(ast_.nodes.size()) - 1;
  }

  int operation(Op op, int column, std::vector<int> children) {
    Node node{NodeKind::Operation};
    node.op = op;
    node.column = column;
    node.children = std::move(children);
    return add(std::move(node));
  }

  // Counts one level of nesting for the lifetime of the guard.
  struct Nest {
    Parser& parser;
    Nest(Parser& p, int column) : parser(p) {
      if (++parser.depth_ > kMaxNesting)
        parser.fail(column, "the formula nests deeper than " + std::to_string(kMaxNesting) + " levels" + at(column));
    }
    ~Nest() { --parser.depth_; }
  };

  int expression() {
    int left = term();
    while (!error_ && (peek().kind == TokenKind::Plus || peek().kind == TokenKind::Minus)) {
      const Token& op = advance();
      const int right = term();
      left = operation(op.kind == TokenKind::Plus ? Op::Add : Op::Sub, op.column, {left, right});
    }
    return error_ ? -1 : left;
  }

  int term() {
    int left = unary();
    while (!error_) {
      const TokenKind kind = peek().kind;
      if (kind == TokenKind::Star || kind == TokenKind::Slash) {
        const int column = advance().column;
        const int right = unary();
        if (error_) return -1;
        left = operation(kind == TokenKind::Star ? Op::Mul : Op::Div, column, {left, right});
        continue;
      }
      const TokenKind previous = tokens_[position_ - 1].kind;
      const bool implicit = (previous == TokenKind::Number || previous == TokenKind::RightParen) &&
                            (kind == TokenKind::Name || kind == TokenKind::LeftParen);
      if (!implicit) break;
      const int right = power();
      if (error_) return -1;
      left = operation(Op::Mul, ast_.nodes[right].column, {left, right});
    }
    return error_ ? -1 : left;
  }

  int unary() {
    if (peek().kind == TokenKind::Minus) {
      const Token& minus = advance();
      Nest nest(*this, minus.column);
      if (error_) return -1;
      const int operand = unary();
      if (error_) return -1;
      return operation(Op::Neg, minus.column, {operand});
    }
    return power();
  }

  int power() {
    const int base = primary();
    if (error_) return -1;
    if (peek().kind != TokenKind::Caret) return base;
    const Token& caret = advance();
    Nest nest(*this, caret.column);
    if (error_) return -1;
    const int exponent = unary();
    if (error_) return -1;
    return operation(Op::Pow, caret.column, {base, exponent});
  }

  int primary() {
    const Token& token = advance();
    switch (token.kind) {
      case TokenKind::Number: {
        Node node{NodeKind::Number, token.number, token.text};
        node.column = token.column;
        return add(std::move(node));
      }
      case TokenKind::LeftParen: {
        Nest nest(*this, token.column);
        if (error_) return -1;
        const int inner = expression();
        if (error_) return -1;
        if (!close(token)) return -1;
        return inner;
      }
      case TokenKind::Name: return name(token);
      default:
        --position_;
        return fail(token.column, "unexpected " + describe(token) + at(token.column) + ": " + kOperandExpected);
    }
  }

  // Consumes the ')' matching `open`, or reports what is there instead.
  bool close(const Token& open) {
    const Token& token = peek();
    if (token.kind == TokenKind::RightParen) {
      advance();
      return true;
    }
    if (token.kind == TokenKind::End)
      fail(open.column, "missing ')' for the '('" + at(open.column));
    else
      fail(token.column, "unexpected " + describe(token) + at(token.column) + ": expected an operator or ')'");
    return false;
  }

  int name(const Token& token) {
    const std::string& text = token.text;
    if (peek().kind == TokenKind::LeftParen) {
      if (is_value_name(text))
        return fail(peek().column, "unexpected '('" + at(peek().column) + ": " + text +
                                       " is not a function (write " + text + "*(...) for a product)");
      return call(token);
    }
    if (function_named(text))
      return fail(token.column, "function '" + text + "'" + at(token.column) + " needs its arguments in parentheses: " +
                                    text + "(...)");
    Node node{NodeKind::X};
    node.column = token.column;
    node.text = text;
    if (text == "x") return add(std::move(node));
    if (text == "y") {
      node.kind = NodeKind::Y;
      return add(std::move(node));
    }
    for (std::size_t i = 0; i < parameters_.size(); ++i) {
      if (parameters_[i] == text) {
        node.kind = NodeKind::Parameter;
        node.parameter = static_cast<int>(i);
        return add(std::move(node));
      }
    }
    if (text == "pi" || text == "e") {
      node.kind = NodeKind::Constant;
      node.value = text == "pi" ? kPi : kE;
      return add(std::move(node));
    }
    return fail(token.column, unknown_name(token));
  }

  bool is_value_name(const std::string& text) const {
    if (text == "x" || text == "y" || text == "pi" || text == "e") return true;
    for (const std::string& parameter : parameters_)
      if (parameter == text) return true;
    return false;
  }

  std::string unknown_name(const Token& token) const {
    const std::string& text = token.text;
    std::vector<std::string> names{"x", "y", "pi", "e"};
    names.insert(names.end(), parameters_.begin(), parameters_.end());
    const std::string head = "unknown name '" + text + "'" + at(token.column);
    for (std::size_t split = 1; split < text.size(); ++split) {
      const std::string left = text.substr(0, split), right = text.substr(split);
      bool left_known = false, right_known = false;
      for (const std::string& known : names) {
        left_known = left_known || known == left;
        right_known = right_known || known == right;
      }
      if (left_known && right_known) return head + " (write " + left + "*" + right + " for a product)";
    }
    if (auto suggestion = closest_name(text, names)) return head + " (did you mean " + *suggestion + "?)";
    return head + " (x, y and the declared parameters are the names)";
  }

  int call(const Token& token) {
    const std::optional<Op> op = function_named(token.text);
    if (!op) {
      const std::span<const std::string_view> names = function_names();
      std::string message = "unknown function '" + token.text + "'" + at(token.column);
      if (auto suggestion = closest_name(token.text, std::vector<std::string>(names.begin(), names.end())))
        message += " (did you mean " + *suggestion + "?)";
      return fail(token.column, message);
    }
    const Token& open = advance();
    Nest nest(*this, open.column);
    if (error_) return -1;
    std::vector<int> arguments;
    if (peek().kind != TokenKind::RightParen) {
      while (true) {
        arguments.push_back(expression());
        if (error_) return -1;
        if (peek().kind != TokenKind::Comma) break;
        advance();
      }
    }
    if (peek().kind != TokenKind::RightParen) {
      const Token& next = peek();
      if (next.kind == TokenKind::End) return fail(open.column, "missing ')' for the '('" + at(open.column));
      return fail(next.column, "unexpected " + describe(next) + at(next.column) + ": expected an operator, ',' or ')'");
    }
    advance();
    const int arity = op_arity(*op);
    if (static_cast<int>(arguments.size()) != arity)
      return fail(token.column, token.text + " takes " + std::to_string(arity) +
                                    (arity == 1 ? " argument" : " arguments") + ", got " +
                                    std::to_string(arguments.size()) + at(token.column));
    return operation(*op, token.column, std::move(arguments));
  }

  std::vector<Token> tokens_;
  const std::vector<std::string>& parameters_;
  std::size_t position_ = 0;
  int depth_ = 0;
  std::optional<ParseError> error_;
  Ast ast_;
};

}  // namespace

Result<Ast> parse(std::string_view formula, const std::vector<std::string>& parameters) {
  if (static_cast<int>(formula.size()) > kMaxFormulaLength)
    return ParseError{kMaxFormulaLength + 1, "the formula is " + std::to_string(formula.size()) +
                                                 " characters long: at most " + std::to_string(kMaxFormulaLength) +
                                                 " are allowed"};
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const std::string& name = parameters[i];
    bool valid = !name.empty() && (std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_');
    for (char c : name) valid = valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
    if (!valid) return ParseError{1, "parameter '" + name + "' is not a name (letters, digits and '_', not starting with a digit)"};
    if (is_reserved(name)) return ParseError{1, "parameter '" + name + "' clashes with a built-in name"};
    for (std::size_t j = 0; j < i; ++j)
      if (parameters[j] == name) return ParseError{1, "parameter '" + name + "' is declared twice"};
  }
  Result<std::vector<Token>> tokens = tokenize(formula);
  if (!tokens.ok()) return tokens.error();
  if (tokens.value().size() == 1) return ParseError{1, "the formula is empty"};
  return Parser(std::move(tokens.value()), parameters).run();
}

}  // namespace gs::formula
