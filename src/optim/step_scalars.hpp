// Per-step scalars of an optimizer (Kingma & Ba 2015, Algorithm 1 computes them once per step:
// t, the scheduled learning rate, bias corrections). They are computed in double, once per
// step, outside the element-wise loop, and cast to the kernel's float type inside it.
#pragma once

#include <cstddef>
#include <cstdint>

namespace gs::optim {

struct StepScalars {
  uint64_t t = 1;          // 1-based step number
  double lr = 0;           // learning rate after the schedule
  double beta1 = 0;        // β1,t = β1·λ^(t−1) (also the momentum coefficient of sgd, nag, rmsprop, momentum)
  double beta2 = 0;        // β2, rmsprop's alpha or adadelta's rho
  double eps = 0;
  double weight_decay = 0;  // L2 penalty folded into the gradient (0 for AdamW)
  double decay = 1;         // AdamW's decoupled factor 1 − lr·λ (1 for every other optimizer)
  double dampening = 0;
  double step_size = 0;     // the scalar that multiplies the update direction
  double step_size2 = 0;    // a second one (NAdam's momentum term)
  double bc2_sqrt = 1;      // √(1 − β2^t), or 1 without bias correction
  double rect = 1;          // RAdam's variance rectification term
  bool first = false;       // SGD: the momentum buffer is initialised on this step
  bool flag = false;        // amsgrad | centered | nesterov | RAdam's rectified branch
  bool has_momentum = false;  // SGD / RMSprop: momentum ≠ 0
};

// The signature every optimizer kernel has, in its reference and its SIMD form:
// params and grads of length n, and the optimizer's state slots (each of length n).
template <class T>
using KernelFn = void (*)(const StepScalars&, T* params, const T* grads, T* const* state, size_t n);

}  // namespace gs::optim
