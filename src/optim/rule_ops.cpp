// The single-run engine's table of rules (RuleOps): each rule's SIMD kernel (simd_kernel.hpp, at
// full optimisation: the hot path), its reference twin (rule_references.cpp) and its look-ahead.
#include <array>

#include "optim/optimizer.hpp"
#include "optim/rules/all.hpp"
#include "optim/simd_kernel.hpp"

namespace gs::optim {

namespace {

template <class Rule, class T>
void lookahead_point(double mu, const T* params, const T* const* state, T* out, size_t n) {
  const T m = T(mu);
  for (size_t i = 0; i < n; ++i) out[i] = Rule::template lookahead<T>(m, params[i], state, i);
}

template <class Rule, class T>
RuleOps<T> ops_of() {
  if constexpr (Rule::kLookahead) {
    return {Rule::kSlots, true, reference_kernel<T>(rules::kind_of<Rule>()), simd_kernel<Rule, T>, lookahead_point<Rule, T>};
  } else {
    return {Rule::kSlots, false, reference_kernel<T>(rules::kind_of<Rule>()), simd_kernel<Rule, T>, nullptr};
  }
}

}  // namespace

template <class T>
const RuleOps<T>& rule_ops(Kind kind) {
  static const auto table = [] {
    std::array<RuleOps<T>, rules::AllRules::size> ops{};
    rules::AllRules::for_each([&](auto rule) {
      using Rule = decltype(rule);
      ops[rules::kind_of<Rule>().index] = ops_of<Rule, T>();
    });
    return ops;
  }();
  return table[kind.index];
}
template const RuleOps<float>& rule_ops<float>(Kind);
template const RuleOps<double>& rule_ops<double>(Kind);

}  // namespace gs::optim
