// `lbfgs`: torch.optim.LBFGS 1.13 (lbfgs.hpp) as a whole-vector optimizer of the 2-D surfaces. One
// step of a run is one torch optimizer.step(closure), so the trajectory holds θ after each outer
// step, and the run counts torch's function evaluations; every closure call of a step (the inner
// iterates and the strong-Wolfe trials) is reported for drawing.
#pragma once

#include "optim/whole/whole_optimizer.hpp"

namespace gs::optim::whole {

WholeEntry lbfgs_entry();

}  // namespace gs::optim::whole
