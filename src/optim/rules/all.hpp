// The lists of optimizer rules: the registry's list of optimizers and its order. A rule's Kind is
// its position in AllRules (kind_of<Rule>), so this list is the one place that maps an optimizer
// kind to its rule. AllRules is CoreRules, the optimizers every engine module has, followed by
// PackRules, the optimizer pack that only the modules registering it have (optim/pack/): the
// single-run engine reaches a rule through the tables its module filled (optim/rule_table.hpp),
// so a module that does not register the pack leaves its code out. The sweep's batches visit
// AllRules at compile time; its module registers the pack.
#pragma once

#include <tuple>
#include <type_traits>
#include <utility>

#include "optim/rules/adabelief.hpp"
#include "optim/rules/adadelta.hpp"
#include "optim/rules/adagrad.hpp"
#include "optim/rules/adam.hpp"
#include "optim/rules/adamax.hpp"
#include "optim/rules/adamw.hpp"
#include "optim/rules/ademamix.hpp"
#include "optim/rules/adan.hpp"
#include "optim/rules/asgd.hpp"
#include "optim/rules/lion.hpp"
#include "optim/rules/momentum.hpp"
#include "optim/rules/nadam.hpp"
#include "optim/rules/nag.hpp"
#include "optim/rules/radam.hpp"
#include "optim/rules/rmsprop.hpp"
#include "optim/rules/rprop.hpp"
#include "optim/rules/schedulefree_adamw.hpp"
#include "optim/rules/schedulefree_sgd.hpp"
#include "optim/rules/sgd.hpp"
#include "optim/rules/yogi.hpp"

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

  // f(Rule{}) for every rule, in list order.
  template <class F>
  static void for_each(F&& f) {
    (f(Rules{}), ...);
  }
};

// Concatenation of two RuleLists.
template <class A, class B>
struct Concat;
template <class... A, class... B>
struct Concat<RuleList<A...>, RuleList<B...>> {
  using type = RuleList<A..., B...>;
};

using CoreRules = RuleList<Sgd, Momentum, Nag, Adagrad, Rmsprop, Adadelta, Adam, Adamw, Adamax, Nadam, Radam, Rprop>;
using PackRules = RuleList<Lion, Asgd, Adabelief, Yogi, Adan, Ademamix, SchedulefreeSgd, SchedulefreeAdamw>;
using AllRules = Concat<CoreRules, PackRules>::type;

template <class Rule>
constexpr Kind kind_of() {
  return AllRules::kind_of<Rule>();
}
static_assert(AllRules::size < 256, "Kind holds a rule's position in one byte");
template <class... Rules>
constexpr bool slots_fit(RuleList<Rules...>) {
  return ((Rules::kSlots <= kMaxSlots) && ...);
}
static_assert(slots_fit(AllRules{}), "a rule keeps more state slots than kMaxSlots (optim/spec.hpp)");

}  // namespace gs::optim::rules
