// The formula lexer: numbers like 1, 2.5, .5, 1e-3; names of letters, digits and '_' starting
// with a letter or '_'; the single-character operators + - * / ^ ( ) ,.
#include "objectives/formula/lexer.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>

namespace gs::formula {

std::string describe(const Token& token) {
  if (token.kind == TokenKind::End) return "end of the formula";
  return "'" + token.text + "'";
}

Result<std::vector<Token>> tokenize(std::string_view formula) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_name_start = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
  while (i < formula.size()) {
    const char c = formula[i];
    const int column = static_cast<int>(i) + 1;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (is_digit(c) || (c == '.' && i + 1 < formula.size() && is_digit(formula[i + 1]))) {
      std::size_t j = i;
      while (j < formula.size() && is_digit(formula[j])) ++j;
      if (j < formula.size() && formula[j] == '.') {
        ++j;
        while (j < formula.size() && is_digit(formula[j])) ++j;
      }
      if (j < formula.size() && (formula[j] == 'e' || formula[j] == 'E')) {
        std::size_t k = j + 1;
        if (k < formula.size() && (formula[k] == '+' || formula[k] == '-')) ++k;
        if (k < formula.size() && is_digit(formula[k])) {
          while (k < formula.size() && is_digit(formula[k])) ++k;
          j = k;
        }
      }
      std::string text(formula.substr(i, j - i));
      const double value = std::strtod(text.c_str(), nullptr);
      if (!std::isfinite(value))
        return ParseError{column, "the number " + text + " at column " + std::to_string(column) +
                                      " is too large (at most about 1.8e308)"};
      tokens.push_back({TokenKind::Number, column, text, value});
      i = j;
      continue;
    }
    if (is_name_start(c)) {
      std::size_t j = i;
      while (j < formula.size() && (is_name_start(formula[j]) || is_digit(formula[j]))) ++j;
      tokens.push_back({TokenKind::Name, column, std::string(formula.substr(i, j - i))});
      i = j;
      continue;
    }
    TokenKind kind;
    std::size_t length = 1;  // a character outside ASCII: all its UTF-8 bytes, for the message
    while ((c & 0x80) != 0 && i + length < formula.size() && (formula[i + length] & 0xC0) == 0x80) ++length;
    switch (c) {
      case '+': kind = TokenKind::Plus; break;
      case '-': kind = TokenKind::Minus; break;
      case '*': kind = TokenKind::Star; break;
      case '/': kind = TokenKind::Slash; break;
      case '^': kind = TokenKind::Caret; break;
      case '(': kind = TokenKind::LeftParen; break;
      case ')': kind = TokenKind::RightParen; break;
      case ',': kind = TokenKind::Comma; break;
      default:
        return ParseError{column, "unexpected '" + std::string(formula.substr(i, length)) + "' at column " + std::to_string(column) +
                                      ": expected a number, a name, an operator or a parenthesis"};
    }
    tokens.push_back({kind, column, std::string(1, c)});
    ++i;
  }
  tokens.push_back({TokenKind::End, static_cast<int>(formula.size()) + 1, ""});
  return tokens;
}

}  // namespace gs::formula
