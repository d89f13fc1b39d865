// register_catalog_hessians(): every catalog entry's exact Hessian, for the optimizers that need one
// (Newton, SophiaH). Registered by the modules that run them (optim/whole/register_whole.cpp).
#include "objectives/catalog/all.hpp"
#include "objectives/objective.hpp"

namespace gs::objectives {

void register_catalog_hessians() {
  std::vector<HessianFn> table;
  catalog::AllObjectives::for_each([&](auto entry, size_t) { table.push_back(decltype(entry)::hessian); });
  set_catalog_hessians(std::move(table));
}

}  // namespace gs::objectives
