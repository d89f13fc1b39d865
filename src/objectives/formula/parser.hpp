// The formula parser: text -> syntax tree, or the first error with its column.
//
// Grammar (lowest precedence first):
//   expression := term (('+' | '-') term)*
//   term       := unary (('*' | '/') unary | implicit)*      implicit: a product without '*'
//   unary      := '-' unary | power                           -x^2 = -(x^2)
//   power      := primary ('^' unary)?                        right-associative: 2^3^2 = 2^9
//   primary    := number | name | function '(' args ')' | '(' expression ')'
// Implicit multiplication only after a number or ')' and before a name or '(' ("2x", "3(x+1)",
// "2 sin(x)", "(x+1)(x-1)"); never between two names ("xy" is an unknown name) nor before a number.
// Names: x, y, the caller's parameters, pi, e. Limits: 1000 characters, nesting 64 deep.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "objectives/formula/ast.hpp"
#include "objectives/formula/errors.hpp"

namespace gs::formula {

inline constexpr int kMaxFormulaLength = 1000;
inline constexpr int kMaxNesting = 64;

Result<Ast> parse(std::string_view formula, const std::vector<std::string>& parameters = {});

}  // namespace gs::formula
