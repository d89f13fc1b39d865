// Checking and compiling a custom rule (the checks are listed in custom_rule.hpp): declarations
// become slots, every assignment's expression is checked name by name, parsed and compiled by the
// formula language with every slot as a parameter (parameter i reads slot i).
#include <algorithm>
#include <optional>

#include "objectives/formula/latex.hpp"
#include "objectives/formula/lexer.hpp"
#include "objectives/formula/ops.hpp"
#include "objectives/formula/parser.hpp"
#include "objectives/formula/suggest.hpp"
#include "optim/custom/custom_rule.hpp"
#include "optim/custom/rule_syntax.hpp"

namespace gs::optim::custom {
namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

// What a built-in name is ("it is ..."), for declarations and assignments that would redefine it.
std::optional<std::string> built_in_meaning(std::string_view name) {
  if (name == "g") return "the gradient";
  if (name == "t") return "the step number";
  if (name == "theta") return "the parameter";
  if (name == "x" || name == "y") return "reserved (update rules have no x or y)";
  if (name == "pi" || name == "e") return "a constant";
  if (name == "hyper" || name == "state") return "a keyword";
  if (formula::function_named(name)) return "a function";
  return std::nullopt;
}

// "unexpected ')' at column 7" -> "unexpected ')'", the column given by the prefix instead.
std::string without_column(std::string message, int column) {
  const std::string at = " at column " + std::to_string(column);
  const std::size_t found = message.find(at);
  if (found != std::string::npos) message.erase(found, at.size());
  const std::string formula_end = "end of the formula";
  const std::size_t end = message.find(formula_end);
  if (end != std::string::npos) message.replace(end, formula_end.size(), "end of the statement");
  return message;
}

// A name's LaTeX as the formula printer writes a parameter of that name (theta -> \theta).
std::string name_latex(const std::string& name) { return formula::to_latex(formula::parse(name, {name}).value()); }

}  // namespace

class RuleBuilder {
 public:
  explicit RuleBuilder(std::string_view text) : rule_(new CustomRule()) { rule_->text_ = text; }

  std::optional<RuleError> build() {
    if (auto error = read_statements(rule_->text_, statements_)) return error;
    if (statements_.empty()) return RuleError{1, 1, "the rule is empty"};
    if (auto error = declare_all()) return error;
    add_locals();
    for (const Statement& statement : statements_)
      if (statement.kind == StatementKind::Assignment)
        if (auto error = assign(statement)) return error;
    if (!theta_assigned_) {
      const std::string& text = rule_->text_;
      const std::size_t last = text.find_last_not_of(" \t\r\n");
      return error_at_index(text, last == std::string::npos ? 0 : last + 1, "the rule never assigns theta");
    }
    std::size_t longest = 0;
    for (const auto& assignment : rule_->assignments_) longest = std::max(longest, assignment.program.code.size());
    rule_->scratch_.reserve(longest);
    rule_->slots_.assign(rule_->slot_names_.size(), 0.0);
    return std::nullopt;
  }

  std::shared_ptr<const CustomRule> rule() const { return rule_; }

 private:
  // Hyperparameters then states become the slots after g, theta, t; errors in the text's order.
  std::optional<RuleError> declare_all() {
    std::vector<std::string>& names = rule_->slot_names_;
    names = {"g", "theta", "t"};
    std::vector<std::pair<std::string, int>> declared;  // name, line
    for (const Statement& s : statements_) {
      if (s.kind == StatementKind::Assignment) continue;
      const auto error = [&](std::string message) { return RuleError{s.line, s.name_column, std::move(message)}; };
      if (auto meaning = built_in_meaning(s.name)) return error("cannot declare " + quoted(s.name) + ": it is " + *meaning);
      for (const auto& [name, line] : declared)
        if (name == s.name) return error(quoted(s.name) + " is already declared on line " + std::to_string(line));
      declared.emplace_back(s.name, s.line);
      if (s.kind == StatementKind::Hyper) {
        if (rule_->hypers_.size() == kMaxHypers)
          return error("more than " + std::to_string(kMaxHypers) + " hyperparameters");
        rule_->hypers_.push_back({s.name, s.value, s.min, s.max, s.log});
      } else {
        if (rule_->states_.size() == kMaxStates) return error("more than " + std::to_string(kMaxStates) + " states");
        rule_->states_.push_back({s.name, s.value});
      }
    }
    for (const HyperDecl& h : rule_->hypers_) names.push_back(h.name);
    for (const StateDecl& s : rule_->states_) names.push_back(s.name);
    readable_.assign(names.size(), true);
    first_assigned_on_.assign(names.size(), 0);
    return std::nullopt;
  }

  // Every name assigned that is no slot yet (and may be assigned) is a local: a slot, unreadable
  // until its first assignment has run.
  void add_locals() {
    for (const Statement& s : statements_) {
      if (s.kind != StatementKind::Assignment || slot_of(s.name) >= 0 || built_in_meaning(s.name)) continue;
      rule_->slot_names_.push_back(s.name);
      readable_.push_back(false);
      first_assigned_on_.push_back(s.line);
    }
  }

  int slot_of(std::string_view name) const {
    const auto& names = rule_->slot_names_;
    const auto found = std::find(names.begin(), names.end(), name);
    return found == names.end() ? -1 : static_cast<int>(found - names.begin());
  }

  bool is_hyper(std::string_view name) const {
    return std::any_of(rule_->hypers_.begin(), rule_->hypers_.end(), [&](const HyperDecl& h) { return h.name == name; });
  }

  std::optional<RuleError> assign(const Statement& s) {
    const auto error = [&](std::string message) { return RuleError{s.line, s.name_column, std::move(message)}; };
    if (is_hyper(s.name)) return error("cannot assign " + quoted(s.name) + ": it is a hyperparameter");
    if (s.name != "theta")
      if (auto meaning = built_in_meaning(s.name)) return error("cannot assign " + quoted(s.name) + ": it is " + *meaning);
    std::optional<formula::Ast> ast;
    if (auto problem = parse_expression(s, ast)) return problem;
    const int target = slot_of(s.name);
    rule_->assignments_.push_back({target, formula::compile(*ast, static_cast<int>(rule_->slot_names_.size())), s.line,
                                   s.expression_column, name_latex(s.name) + R"( &\leftarrow )" + formula::to_latex(*ast)});
    readable_[static_cast<std::size_t>(target)] = true;
    theta_assigned_ = theta_assigned_ || target == CustomRule::kSlotTheta;
    return std::nullopt;
  }

  // The expression's syntax tree over the slots, or the first problem in it: a syntax error from the
  // formula parser or a name the statement may not read, whichever comes first.
  std::optional<RuleError> parse_expression(const Statement& s, std::optional<formula::Ast>& ast) const {
    const auto in_line = [&](const formula::ParseError& e) {
      const int column = s.expression_column + e.column - 1;
      return RuleError{s.line, column, without_column(e.message, e.column)};
    };
    const formula::Result<std::vector<formula::Token>> tokens = formula::tokenize(s.expression);
    if (!tokens.ok()) return in_line(tokens.error());
    std::optional<RuleError> name_problem;
    std::vector<std::string> parameters = rule_->slot_names_;  // plus unknown names, so the parse goes on
    const std::vector<formula::Token>& list = tokens.value();
    for (std::size_t i = 0; i + 1 < list.size(); ++i) {
      const formula::Token& token = list[i];
      if (token.kind != formula::TokenKind::Name || list[i + 1].kind == formula::TokenKind::LeftParen) continue;
      if (token.text == "pi" || token.text == "e" || formula::function_named(token.text)) continue;
      const int slot = slot_of(token.text);
      if (slot >= 0 && readable_[static_cast<std::size_t>(slot)]) continue;
      if (!name_problem)
        name_problem = RuleError{s.line, s.expression_column + token.column - 1,
                                 slot >= 0 ? read_too_early(slot) : unknown_name(token.text)};
      if (slot < 0 && token.text != "x" && token.text != "y" &&
          std::find(parameters.begin(), parameters.end(), token.text) == parameters.end())
        parameters.push_back(token.text);
    }
    formula::Result<formula::Ast> parsed = formula::parse(s.expression, parameters);
    if (!parsed.ok()) {
      RuleError syntax = in_line(parsed.error());
      if (!name_problem || syntax.column < name_problem->column) return syntax;
    }
    if (name_problem) return name_problem;
    ast = std::move(parsed.value());
    return std::nullopt;
  }

  std::string unknown_name(const std::string& name) const {
    std::vector<std::string> readable;
    for (std::size_t i = 0; i < readable_.size(); ++i)
      if (readable_[i]) readable.push_back(rule_->slot_names_[i]);
    const auto is_readable = [&](const std::string& part) {
      return std::find(readable.begin(), readable.end(), part) != readable.end();
    };
    for (std::size_t split = 1; split < name.size(); ++split)
      if (is_readable(name.substr(0, split)) && is_readable(name.substr(split)))
        return "unknown name " + quoted(name) + "; write " + name.substr(0, split) + "*" + name.substr(split) +
               " for a product";
    if (auto suggestion = formula::closest_name(name, readable))
      return "unknown name " + quoted(name) + "; did you mean " + quoted(*suggestion) + "?";
    return "unknown name " + quoted(name) + " (a rule reads g, theta, t, its hypers and states, and locals assigned earlier)";
  }

  // A local read before its first assignment has run.
  std::string read_too_early(int slot) const {
    const auto i = static_cast<std::size_t>(slot);
    return quoted(rule_->slot_names_[i]) + " is read before it is assigned (first on line " +
           std::to_string(first_assigned_on_[i]) + ")";
  }

  std::shared_ptr<CustomRule> rule_;
  std::vector<Statement> statements_;
  std::vector<bool> readable_;                                  // per slot: readable at this point of the step
  std::vector<int> first_assigned_on_;                          // per slot: a local's first assigning line (else 0)
  bool theta_assigned_ = false;
};

std::shared_ptr<const CustomRule> CustomRule::compile(std::string_view text, std::string& error) {
  RuleBuilder builder(text);
  if (auto problem = builder.build()) {
    error = problem->str();
    return nullptr;
  }
  error.clear();
  return builder.rule();
}

}  // namespace gs::optim::custom
