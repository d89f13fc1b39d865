#include "optim/pack/pack_parts.hpp"
#include "optim/rule_table.hpp"
#include "optim/rules/all.hpp"

namespace gs::optim::pack {

void register_meta() {
  rules::PackRules::for_each([](auto rule) {
    using Rule = decltype(rule);
    set_rule_meta(rules::kind_of<Rule>(), meta_of<Rule>());
  });
}

}  // namespace gs::optim::pack
