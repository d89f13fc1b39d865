// register_optimizer_pack(): the pack's three parts, each in its own translation unit so that the
// kernels are compiled for speed and the rest for size (CMakeLists.txt).
#include "optim/pack/optimizer_pack.hpp"

#include <algorithm>
#include <iterator>

#include "optim/pack/pack_parts.hpp"

namespace gs::optim {

void register_optimizer_pack() {
  static bool registered = false;
  if (registered) return;
  registered = true;
  pack::register_references();
  pack::register_kernels();
  pack::register_meta();
}

bool is_pack_optimizer(std::string_view name) {
  return std::find(std::begin(kPackOptimizerNames), std::end(kPackOptimizerNames), name) !=
         std::end(kPackOptimizerNames);
}

}  // namespace gs::optim
