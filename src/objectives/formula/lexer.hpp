// Splits a formula into tokens (numbers, names, operators, parentheses, commas), each with its
// 1-based column; reports the first character that belongs to no token.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objectives/formula/errors.hpp"

namespace gs::formula {

enum class TokenKind { Number, Name, Plus, Minus, Star, Slash, Caret, LeftParen, RightParen, Comma, End };

struct Token {
  TokenKind kind;
  int column;          // 1-based
  std::string text;    // as written ("" for End)
  double number = 0;   // for Number
};

// "'x'" for a token, "end of the formula" for End.
std::string describe(const Token& token);

Result<std::vector<Token>> tokenize(std::string_view formula);

}  // namespace gs::formula
