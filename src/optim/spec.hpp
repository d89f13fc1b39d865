// The resolved description of one optimizer: which update rule, every hyperparameter, the
// learning-rate schedule and the β1 decay of the Adam paper's Theorem 4.1. Hyperparameters are
// plain values apart from the optimizer's state (optim/optimizer.hpp), so they can change mid-run.
// Names follow torch.optim 1.13, with `betas` split into beta1/beta2, Rprop's `etas` into
// etaminus/etaplus and its `step_sizes` into step_size_min/step_size_max.
#pragma once

#include <cstdint>
#include <string>

namespace gs::optim {

enum class Kind {
  Sgd,       // torch.optim.SGD: momentum, dampening, nesterov, weight_decay
  Momentum,  // EMA momentum (seed and textbook form): m = βm + (1−β)g, θ −= lr·m
  Nag,       // Sutskever et al. (2013) look-ahead Nesterov: v = μv − lr·∇f(θ + μv), θ += v
  Adagrad,   // torch.optim.Adagrad
  Rmsprop,   // torch.optim.RMSprop
  Adadelta,  // torch.optim.Adadelta
  Adam,      // torch.optim.Adam (Kingma & Ba 2015, Algorithm 1), amsgrad and L2 weight decay
  Adamw,     // torch.optim.AdamW (Loshchilov & Hutter 2019): decoupled weight decay
  Adamax,    // torch.optim.Adamax (Kingma & Ba 2015, Algorithm 2)
  Nadam,     // torch.optim.NAdam (Dozat 2016), corrected μ-product rule
  Radam,     // torch.optim.RAdam (Liu et al. 2020)
  Rprop,     // torch.optim.Rprop (Riedmiller & Braun 1993)
};

enum class ScheduleKind { Constant, InvSqrt, Step, Exponential, Cosine, Warmup };

struct ScheduleSpec {
  ScheduleKind kind = ScheduleKind::Constant;
  double step_size = 100;   // step: multiply by gamma every step_size steps
  double gamma = 0.5;       // step, exponential
  double T_max = 1000;      // cosine: half period in steps
  double eta_min = 0;       // cosine: the lowest learning rate
  double warmup_steps = 100;  // warmup: linear ramp lr·t/warmup_steps, then constant
};

struct OptimizerSpec {
  Kind kind = Kind::Adam;
  std::string label;  // shown in legends; defaults to the display name

  double lr = 1e-3;
  double momentum = 0;
  double dampening = 0;
  bool nesterov = false;
  double weight_decay = 0;
  double beta = 0.9;  // EMA coefficient of the `momentum` form
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  bool amsgrad = false;
  bool bias_correction = true;
  double lr_decay = 0;
  double initial_accumulator_value = 0;
  double alpha = 0.99;  // RMSprop smoothing constant
  bool centered = false;
  double rho = 0.9;  // Adadelta
  double momentum_decay = 4e-3;  // NAdam ψ
  double etaminus = 0.5;         // Rprop: torch's etas = (etaminus, etaplus)
  double etaplus = 1.2;
  double step_size_min = 1e-6;   // Rprop: torch's step_sizes = (step_size_min, step_size_max)
  double step_size_max = 50;

  ScheduleSpec schedule;
  double beta1_decay = 1;  // λ: β1,t = β1·λ^(t−1) (applied to beta1, momentum or beta)
};

}  // namespace gs::optim
