// The gradscape-user-objectives module's addition to the core module's bindings: it registers the
// user objectives (a typed formula, least_squares, logistic), so that its registry lists them and
// its configs may name them. The core module leaves this file out and so their code too.
#include <emscripten/bind.h>

#include "objectives/user_objectives.hpp"

EMSCRIPTEN_BINDINGS(gradscape_user_objectives) {
  gs::objectives::register_user_objectives();
  emscripten::function("hasUserObjectives", +[] { return true; });
}
