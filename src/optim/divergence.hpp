// When a run has diverged: at the first non-finite value or a parameter |θ_i| above kDivergenceLimit.
// One rule for every engine that steps an optimizer: the player's runs, the sweep's batches and the
// paper lab's training (the regret lab projects onto a bounded domain instead).
#pragma once

namespace gs::optim {

inline constexpr double kDivergenceLimit = 1e12;

}  // namespace gs::optim
