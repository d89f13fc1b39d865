#include "optim/optimizer.hpp"
#include "optim/pack/pack_parts.hpp"
#include "optim/rules/all.hpp"

namespace gs::optim::pack {

void register_references() {
  rules::PackRules::for_each([](auto rule) {
    using Rule = decltype(rule);
    set_reference_kernel<float>(rules::kind_of<Rule>(), Rule::template reference<float>);
    set_reference_kernel<double>(rules::kind_of<Rule>(), Rule::template reference<double>);
  });
}

}  // namespace gs::optim::pack
