#include "optim/pack/pack_parts.hpp"
#include "optim/rule_kernels.hpp"

namespace gs::optim::pack {

void register_kernels() {
  rules::PackRules::for_each([](auto rule) {
    using Rule = decltype(rule);
    set_rule_ops<float>(rules::kind_of<Rule>(), ops_of<Rule, float>());
    set_rule_ops<double>(rules::kind_of<Rule>(), ops_of<Rule, double>());
  });
}

}  // namespace gs::optim::pack
