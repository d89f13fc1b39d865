// What the full engine has beyond the core: the user objectives (objectives/user_objectives.hpp)
// and the optimizer pack (optim/pack/optimizer_pack.hpp). The full engine module
// (bindings/full_bindings.cpp), the sweep lab's module, the CLI and the tests register them; the
// core module does not, so it contains neither. (The custom rule and the whole-vector optimizers
// enter with optim/whole/whole_registry.hpp, their single runs with engine/run_state.hpp.)
#pragma once

namespace gs::engine {

// Registers both. Call before the first registry; calling it again does nothing.
void register_full_engine();

}  // namespace gs::engine
