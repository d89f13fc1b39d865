// register_whole_optimizers(): the custom optimizer's entry, then every whole-vector optimizer's, in
// kBeyondRuleNames' order.
#include "objectives/objective.hpp"
#include "optim/custom/custom_optimizer.hpp"
#include "optim/pack/optimizer_pack.hpp"
#include "optim/whole/lbfgs_optimizer.hpp"
#include "optim/whole/lookahead.hpp"
#include "optim/whole/newton.hpp"
#include "optim/whole/prodigy.hpp"
#include "optim/whole/shampoo.hpp"
#include "optim/whole/sophia.hpp"
#include "optim/whole/whole_registry.hpp"

namespace gs::optim::whole {

void register_whole_optimizers() {
  static bool registered = false;
  if (registered) return;
  registered = true;
  register_optimizer_pack();
  objectives::register_catalog_hessians();
  const WholeEntry entries[] = {lbfgs_entry(),  newton_entry(), lookahead_entry(),
                                prodigy_entry(), sophia_entry(), shampoo_entry()};
  static_assert(kCustomIndex == 0 && std::size(entries) + 1 == kBeyondRuleCount);
  custom::register_custom_optimizer();
  for (size_t i = 0; i < std::size(entries); ++i) set_whole_entry(i + 1, entries[i]);
}

}  // namespace gs::optim::whole
