// The user objectives, a typed formula and objectives made of data: the kinds a module registers
// to offer them (defined_objective.hpp). The CLI, the tests, the sweep lab's module and the full
// engine module (gradscape-full) call it; the core module does not, and so stays without them.
#pragma once

namespace gs::objectives {

// Registers the formula kind, then the data kind. Call before the first registry(); calling it
// again does nothing.
void register_user_objectives();

}  // namespace gs::objectives
