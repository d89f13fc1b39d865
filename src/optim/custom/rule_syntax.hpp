// The custom rule's statements (grammar in custom_rule.hpp): the text split into lines and
// ';'-separated statements, comments dropped, declarations read with their numbers checked, each
// assignment's right-hand side kept as written for the formula compiler.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gs::optim::custom {

// Where and what: formatted "line L, column C: message".
struct RuleError {
  int line = 1, column = 1;
  std::string message;
  std::string str() const;
};

enum class StatementKind { Hyper, State, Assignment };

struct Statement {
  StatementKind kind;
  int line;
  int name_column;  // the declared or assigned name's first character
  std::string name;
  double value = 0, min = 0, max = 0;  // Hyper: default and range; State: initial value in `value`
  bool log = false;                    // Hyper: log slider scale
  std::string expression;              // Assignment: the right-hand side as written
  int expression_column = 0;           // Assignment: the line's column of the expression's first character
};

// The error at the byte `index` of `text` (its line and column).
RuleError error_at_index(std::string_view text, std::size_t index, std::string message);

// The statements in order, or the first syntax error (also: text or statement count over the limits).
std::optional<RuleError> read_statements(std::string_view text, std::vector<Statement>& statements);

}  // namespace gs::optim::custom
