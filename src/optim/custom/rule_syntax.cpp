// Reading a custom rule's lines into statements (grammar in custom_rule.hpp).
#include "optim/custom/rule_syntax.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "optim/custom/custom_rule.hpp"

namespace gs::optim::custom {

std::string RuleError::str() const {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// Reads the one statement at [begin, end) of a line.
class StatementReader {
 public:
  StatementReader(std::string_view line, std::size_t begin, std::size_t end, int line_number)
      : line_(line), position_(begin), end_(end), line_number_(line_number) {}

  // `carried`: the declaration kind of the line's previous statement (Assignment when none).
  std::optional<RuleError> read(StatementKind carried, Statement& out) {
    out.line = line_number_;
    skip_spaces();
    out.name_column = column();
    std::string_view word = name();
    out.kind = carried;
    const bool keyword = (word == "hyper" || word == "state") && (position_ == end_ || is_space(line_[position_]));
    if (keyword) {
      out.kind = word == "hyper" ? StatementKind::Hyper : StatementKind::State;
      skip_spaces();
      out.name_column = column();
      word = name();
    }
    if (word.empty()) return error(expected_name(out.kind, keyword));
    out.name = word;
    if (!consume('=')) return error("expected '=' after " + quoted(word));
    if (out.kind == StatementKind::Assignment) {
      out.expression_column = column();
      out.expression = std::string(line_.substr(position_, end_ - position_));
      if (at_end()) return error("expected an expression after '='");
      return std::nullopt;
    }
    const char* const number_hint = keyword ? "" : carried == StatementKind::Hyper
        ? " (the statements after \"hyper\" on its line declare hyperparameters)"
        : " (the statements after \"state\" on its line declare states)";
    const int value_column = next_column();
    std::string value_text;
    if (auto e = number(out.value, value_text, number_hint)) return e;
    if (out.kind == StatementKind::State) {
      if (!at_end()) return error("expected the end of the statement after the initial value");
      return std::nullopt;
    }
    return read_range(out, value_column, value_text);
  }

 private:
  void skip_spaces() {
    while (position_ < end_ && is_space(line_[position_])) ++position_;
  }
  int column() const { return static_cast<int>(position_) + 1; }
  int next_column() {
    skip_spaces();
    return column();
  }
  bool at_end() {
    skip_spaces();
    return position_ == end_;
  }
  bool consume(char c) {
    skip_spaces();
    if (position_ == end_ || line_[position_] != c) return false;
    ++position_;
    return true;
  }
  // The name at the position, consumed; empty when none starts there.
  std::string_view name() {
    const std::size_t start = position_;
    if (position_ < end_ && is_name_start(line_[position_]))
      while (position_ < end_ && is_name_char(line_[position_])) ++position_;
    return line_.substr(start, position_ - start);
  }
  RuleError error(std::string message) const { return {line_number_, column(), std::move(message)}; }

  static std::string expected_name(StatementKind kind, bool after_keyword) {
    if (kind == StatementKind::Hyper) return after_keyword ? "expected a name after \"hyper\"" : "expected a name";
    if (kind == StatementKind::State) return after_keyword ? "expected a name after \"state\"" : "expected a name";
    return "expected a statement: NAME = expression, or a hyper or state declaration";
  }

  // A number as the grammar has it: '-'? digits ('.' digits)? exponent?, or ".5".
  std::optional<RuleError> number(double& value, std::string& text, const char* hint) {
    skip_spaces();
    const std::size_t start = position_;
    if (position_ < end_ && line_[position_] == '-') ++position_;
    std::size_t digits = 0;
    for (; position_ < end_ && is_digit(line_[position_]); ++position_) ++digits;
    if (position_ < end_ && line_[position_] == '.')
      for (++position_; position_ < end_ && is_digit(line_[position_]); ++position_) ++digits;
    if (digits == 0) {
      position_ = start;
      return error(std::string("expected a number") + hint);
    }
    if (position_ < end_ && (line_[position_] == 'e' || line_[position_] == 'E')) {
      std::size_t k = position_ + 1;
      if (k < end_ && (line_[k] == '+' || line_[k] == '-')) ++k;
      if (k < end_ && is_digit(line_[k])) {
        while (k < end_ && is_digit(line_[k])) ++k;
        position_ = k;
      }
    }
    text = line_.substr(start, position_ - start);
    value = std::strtod(text.c_str(), nullptr);
    if (!std::isfinite(value)) {
      position_ = start;
      return error("the number " + text + " is too large (at most about 1.8e308)");
    }
    return std::nullopt;
  }

  // '[' MIN ',' MAX ']' 'log'? after a hyperparameter's default, then the checks of the three numbers.
  std::optional<RuleError> read_range(Statement& out, int value_column, const std::string& value_text) {
    if (!consume('[')) return error("expected '[' and the range [MIN, MAX] after the default");
    const int min_column = next_column();
    std::string min_text, max_text;
    if (auto e = number(out.min, min_text, "")) return e;
    if (!consume(',')) return error("expected ',' between the range's minimum and maximum");
    if (auto e = number(out.max, max_text, "")) return e;
    if (!consume(']')) return error("expected ']' after the range's maximum");
    const int log_column = next_column();
    const std::string_view scale = name();
    out.log = scale == "log";
    if ((!scale.empty() && !out.log) || !at_end()) {
      position_ = static_cast<std::size_t>(log_column - 1);
      return error("expected \"log\" or the end of the statement");
    }
    const std::string range = "[" + min_text + ", " + max_text + "]";
    if (!(out.min < out.max))
      return RuleError{line_number_, min_column, "the range " + range + " needs its minimum below its maximum"};
    if (out.log && out.min <= 0)
      return RuleError{line_number_, log_column, "a log scale needs a minimum above 0, not " + min_text};
    if (out.value < out.min || out.value > out.max)
      return RuleError{line_number_, value_column, "the default " + value_text + " is outside the range " + range};
    return std::nullopt;
  }

  std::string_view line_;
  std::size_t position_, end_;
  int line_number_;
};

}  // namespace

RuleError error_at_index(std::string_view text, std::size_t index, std::string message) {
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < index; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  return {line, static_cast<int>(index - line_start) + 1, std::move(message)};
}

std::optional<RuleError> read_statements(std::string_view text, std::vector<Statement>& statements) {
  statements.clear();
  if (text.size() > static_cast<std::size_t>(kMaxRuleLength))
    return error_at_index(text, kMaxRuleLength, "the rule is " + std::to_string(text.size()) +
                                                    " characters long: at most " + std::to_string(kMaxRuleLength) +
                                                    " are allowed");
  std::size_t line_start = 0;
  for (int line_number = 1; line_start <= text.size(); ++line_number) {
    const std::size_t newline = std::min(text.find('\n', line_start), text.size());
    const std::string_view line = text.substr(line_start, newline - line_start);
    const std::size_t end = std::min(line.find('#'), line.size());
    StatementKind carried = StatementKind::Assignment;
    for (std::size_t begin = 0; begin <= end;) {
      const std::size_t stop = std::min(line.find(';', begin), end);
      std::size_t first = begin;
      while (first < stop && is_space(line[first])) ++first;
      if (first < stop) {
        if (statements.size() == static_cast<std::size_t>(kMaxStatements))
          return RuleError{line_number, static_cast<int>(first) + 1,
                           "more than " + std::to_string(kMaxStatements) + " statements"};
        Statement statement{};
        if (auto error = StatementReader(line, first, stop, line_number).read(carried, statement)) return error;
        carried = statement.kind;
        statements.push_back(std::move(statement));
      }
      begin = stop + 1;
    }
    line_start = newline + 1;
  }
  return std::nullopt;
}

}  // namespace gs::optim::custom
