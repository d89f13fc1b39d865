// The core rules' readable reference kernels (the oracle the SIMD kernels are tested against, and
// the JS API's stepReference), apart from the SIMD kernels so that they can be compiled for size;
// rule_ops.cpp enters them into its table.
#include "optim/optimizer.hpp"
#include "optim/rules/all.hpp"

namespace gs::optim {

template <class T>
void enter_core_references(RuleOps<T>* ops) {
  rules::CoreRules::for_each([&](auto rule) {
    using Rule = decltype(rule);
    ops[rules::kind_of<Rule>().index].reference = Rule::template reference<T>;
  });
}
template void enter_core_references<float>(RuleOps<float>*);
template void enter_core_references<double>(RuleOps<double>*);

}  // namespace gs::optim
