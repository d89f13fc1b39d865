// The whole-vector optimizers' table (whole_optimizer.hpp), by Kind: they follow the rules in the
// registry (kinds rules::AllRules::size, +1, …, in kWholeOptimizerNames' order). A module enters
// them with register_whole_optimizers(), which registers the optimizer pack first so that every
// kind before them exists; a module that does not (the component's core, the labs' modules)
// contains only this table's lookups, not their code.
#pragma once

#include <cstddef>
#include <string_view>

#include "optim/spec.hpp"
#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

inline constexpr std::string_view kWholeOptimizerNames[] = {"lbfgs",  "newton",  "lookahead", "prodigy",
                                                             "sophia", "shampoo", "custom"};
inline constexpr size_t kWholeCount = std::size(kWholeOptimizerNames);
bool is_whole_optimizer(std::string_view name);
// Why `name` (one of them) runs on the 2-D surfaces only, for messages: "is a whole-vector optimizer
// (it needs the objective itself, not one gradient per coordinate)", or for `custom` "is a rule you
// type, which runs through the same path (the sweep does not run typed rules yet)".
const char* why_surfaces_only(std::string_view name);

// The kind of the i-th whole optimizer.
Kind whole_kind(size_t i);
// The entry of a whole kind, or nullptr (a rule's kind, or a whole optimizer this module has not registered).
const WholeEntry* whole_entry(Kind kind);
void set_whole_entry(size_t i, const WholeEntry& entry);

// Enters every whole optimizer (and the optimizer pack, and the catalog's Hessians, which Newton and
// SophiaH read). Calling it again does nothing.
void register_whole_optimizers();

}  // namespace gs::optim::whole
