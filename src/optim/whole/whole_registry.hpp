// The table of the optimizers beyond the compiled rules (whole_optimizer.hpp's entries), by Kind:
// they follow the rules in the registry (kinds rules::AllRules::size, +1, …, in kBeyondRuleNames'
// order). A module enters them with register_whole_optimizers() (custom first; the optimizer pack
// before it, so that every kind before them exists), the sweep's module enters custom alone
// (custom::register_custom_optimizer()); a module that does neither (the component's core, the
// other labs' modules) contains only this table's lookups, not their code.
#pragma once

#include <cstddef>
#include <string_view>

#include "optim/spec.hpp"
#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

// The optimizers beyond the compiled rules, in Kind order after rules::AllRules: `custom` first (the
// rule the user types, optim/custom/, which the sweep's module enters without the others), then the
// whole-vector optimizers. The registry lists kinds in order up to the first one not entered.
inline constexpr std::string_view kBeyondRuleNames[] = {"custom", "lbfgs",   "newton", "lookahead",
                                                        "prodigy", "sophia", "shampoo"};
inline constexpr size_t kBeyondRuleCount = std::size(kBeyondRuleNames);
inline constexpr size_t kCustomIndex = 0;  // custom's position in kBeyondRuleNames
// Whether `name` is one of the whole-vector optimizers (kBeyondRuleNames but custom).
bool is_whole_optimizer(std::string_view name);
// Why `name` (one of them) runs on the 2-D surfaces only, for messages: "is a whole-vector optimizer
// (it needs the objective itself, not one gradient per coordinate)", or for `custom` "is a rule you
// type, interpreted per coordinate: it runs on the 2-D surfaces and in the sweep".
const char* why_surfaces_only(std::string_view name);

// The kind of kBeyondRuleNames[i].
Kind whole_kind(size_t i);
// The entry of a kind beyond the rules, or nullptr (a rule's kind, or one this module has not entered).
const WholeEntry* whole_entry(Kind kind);
// Enters kBeyondRuleNames[i]'s entry.
void set_whole_entry(size_t i, const WholeEntry& entry);

// Enters every whole optimizer (and the optimizer pack, and the catalog's Hessians, which Newton and
// SophiaH read). Calling it again does nothing.
void register_whole_optimizers();

}  // namespace gs::optim::whole
