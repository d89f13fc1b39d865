// The optimizer pack: the optimizers beyond the core twelve (rules::PackRules in
// optim/rules/all.hpp), in the modules that register them (the full engine, the sweep lab's
// module, the CLI, the tests). Registering enters each pack rule into the single-run engine's
// tables (optim/rule_table.hpp) and so into the registry; a module that does not register the
// pack does not contain its code.
#pragma once

#include <string_view>

namespace gs::optim {

// Enters the pack's rules (their reference twins, kernels and meta entries). Calling it
// again does nothing.
void register_optimizer_pack();

// The pack's optimizer names, known to every module so that one without the pack can say which
// module has them (a test checks them against PackRules).
inline constexpr std::string_view kPackOptimizerNames[] = {"lion", "asgd", "adabelief", "yogi", "adan", "ademamix", "schedulefree_sgd", "schedulefree_adamw"};
bool is_pack_optimizer(std::string_view name);

}  // namespace gs::optim
