// The optimizer pack's parts, one translation unit each: the reference kernels and the meta
// entries compiled for size, the SIMD kernels for speed. register_optimizer_pack() calls them.
#pragma once

namespace gs::optim::pack {

void register_references();  // pack_references.cpp
void register_kernels();     // pack_kernels.cpp
void register_meta();        // pack_meta.cpp (the registry lists the rule from here on)

}  // namespace gs::optim::pack
