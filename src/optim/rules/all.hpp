// The list of optimizer rules: the registry's list of optimizers and its order. A rule's Kind is
// its position here (kind_of<Rule>), so this list is the one place that maps an optimizer kind to
// its rule. Everything that depends on which optimizer runs (the single-run engine, the sweep's
// batches, the slot counts of the registry) goes through visit_rule; nothing else switches on Kind.
#pragma once

#include <tuple>
#include <type_traits>
#include <utility>

#include "optim/rules/adadelta.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/adamw.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nadam.hpp"
#include "optim/rules/nag.hpp"
#include "optim/rules/radam.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/rprop.hpp"
#include "optim/rules/sgd.hpp"

namespace gs::optim::rules {

template <class... Rules>
struct RuleList {
  static constexpr size_t size = sizeof...(Rules);

  // The position of Rule in the list: its Kind.
  template <class Rule>
  static constexpr Kind kind_of() {
    constexpr bool match[] = {std::is_same_v<Rule, Rules>...};
    for (size_t i = 0; i < size; ++i)
      if (match[i]) return Kind{static_cast<uint8_t>(i)};
    return Kind{static_cast<uint8_t>(size)};
  }

  // f(Rule{}) for the rule of `kind`; f's result for it.
  template <class F>
  static decltype(auto) visit(Kind kind, F&& f) {
    using Result = decltype(f(std::declval<std::tuple_element_t<0, std::tuple<Rules...>>>()));
    if constexpr (std::is_void_v<Result>) {
      (void)((kind == kind_of<Rules>() ? (f(Rules{}), true) : false) || ...);
    } else {
      Result result{};
      (void)((kind == kind_of<Rules>() ? (result = f(Rules{}), true) : false) || ...);
      return result;
    }
  }

  // f(Rule{}) for every rule, in list order.
  template <class F>
  static void for_each(F&& f) {
    (f(Rules{}), ...);
  }
};

using AllRules = RuleList<Sgd, Momentum, Nag, Adagrad, Rmsprop, Adadelta, Adam, Adamw, Adamax, Nadam, Radam, Rprop>;

template <class Rule>
constexpr Kind kind_of() {
  return AllRules::kind_of<Rule>();
}
static_assert(AllRules::size < 256, "Kind holds a rule's position in one byte");

template <class F>
decltype(auto) visit_rule(Kind kind, F&& f) {
  return AllRules::visit(kind, std::forward<F>(f));
}

}  // namespace gs::optim::rules
