#include "engine/full_engine.hpp"

#include "objectives/user_objectives.hpp"
#include "optim/pack/optimizer_pack.hpp"

namespace gs::engine {

void register_full_engine() {
  objectives::register_user_objectives();
  optim::register_optimizer_pack();
}

}  // namespace gs::engine
