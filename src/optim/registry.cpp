#include "optim/registry.hpp"

namespace gs::optim {

namespace {

using check::ParamType;
using check::Range;

constexpr Range kPositive{0, 1e3, true, false};
constexpr Range kUnitOpen{0, 1, false, true};
constexpr Range kUnitClosed{0, 1, false, false};

HyperInfo lr(double def, const char* description = "learning rate α (before the schedule)") {
  return {"lr", ParamType::Real, def, kPositive, 1e-5, 10, "log", description, &OptimizerSpec::lr};
}
HyperInfo weight_decay(double def = 0, const char* description = "L2 penalty λ added to the gradient: g + λθ") {
  return {"weight_decay", ParamType::Real, def, Range{0, 100}, 0, 1, "linear", description, &OptimizerSpec::weight_decay};
}
HyperInfo eps(double def, const char* description = "ε added to the denominator for numerical stability") {
  return {"eps", ParamType::Real, def, Range{0, 10}, 1e-10, 1, "log", description, &OptimizerSpec::eps};
}
HyperInfo beta1(double def = 0.9) {
  return {"beta1", ParamType::Real, def, kUnitOpen, 0, 0.999, "linear",
          "β1: decay rate of the first-moment (mean) estimate", &OptimizerSpec::beta1};
}
HyperInfo beta2(double def = 0.999) {
  return {"beta2", ParamType::Real, def, kUnitOpen, 0.5, 0.99999, "log1m",
          "β2: decay rate of the second-moment (uncentered variance) estimate", &OptimizerSpec::beta2};
}
HyperInfo momentum(double def, const char* description) {
  return {"momentum", ParamType::Real, def, kUnitOpen, 0, 0.999, "linear", description, &OptimizerSpec::momentum};
}
HyperInfo flag(const char* name, bool def, const char* description, bool OptimizerSpec::*field) {
  return {name, ParamType::Bool, def ? 1.0 : 0.0, Range{0, 1}, 0, 1, "linear", description, nullptr, field};
}
HyperInfo bias_correction() {
  return flag("bias_correction", true,
              "divide the moments by (1−β^t) (Adam paper Section 3); false gives the uncorrected form",
              &OptimizerSpec::bias_correction);
}
HyperInfo amsgrad() {
  return flag("amsgrad", false, "AMSGrad (Reddi et al. 2018): use the running maximum of v", &OptimizerSpec::amsgrad);
}

std::vector<OptimizerInfo> build_optimizers() {
  return {
      {Kind::Sgd, "sgd", "SGD", "torch.optim.SGD (1.13)",
       "Stochastic gradient descent with optional heavy-ball or Nesterov momentum, as torch computes it "
       "(the buffer starts at the first gradient). lr has no torch default; Gradscape uses 0.01.",
       R"(\begin{aligned}d_t &= g_t + \lambda\theta_{t-1}\\ b_t &= \mu b_{t-1} + (1-\tau)\,d_t \quad (b_1 = d_1)\\ )"
       R"(\theta_t &= \theta_{t-1} - \eta\,(\text{nesterov}\ ?\ d_t + \mu b_t : b_t)\end{aligned})",
       {lr(0.01), momentum(0, "momentum μ (0 turns it off)"),
        {"dampening", ParamType::Real, 0, kUnitClosed, 0, 1, "linear", "dampening τ of the momentum buffer",
         &OptimizerSpec::dampening},
        flag("nesterov", false, "Nesterov momentum (needs momentum > 0 and dampening = 0)", &OptimizerSpec::nesterov),
        weight_decay()},
       true, "|b| (buffer)", nullptr, true, 0.001, false, false, 2},
      {Kind::Momentum, "momentum", "Momentum (EMA)", "exponential-moving-average form (seeds; Adam's m_t)",
       "Momentum as an exponential moving average of the gradients, m₀ = 0: the form of the seeds and of "
       "Adam's first moment. Equivalent to heavy-ball SGD with learning rate η(1−β).",
       R"(\begin{aligned}m_t &= \beta m_{t-1} + (1-\beta)\,g_t\\ \theta_t &= \theta_{t-1} - \eta\, m_t\end{aligned})",
       {lr(0.01), {"beta", ParamType::Real, 0.9, kUnitOpen, 0, 0.999, "linear", "β: decay of the moving average",
                   &OptimizerSpec::beta}},
       true, "|m|", nullptr, true, 0.01, false, false, 11},
      {Kind::Nag, "nag", "Nesterov (look-ahead)", "Sutskever et al. 2013, look-ahead form",
       "Nesterov's accelerated gradient in its look-ahead form: the gradient is taken at θ + μv, "
       "where the momentum is about to carry the parameters.",
       R"(\begin{aligned}v_t &= \mu v_{t-1} - \eta\,\nabla f(\theta_{t-1} + \mu v_{t-1})\\ \theta_t &= \theta_{t-1} + v_t\end{aligned})",
       {lr(0.01), momentum(0.9, "momentum μ")},
       true, "|v| (velocity)", nullptr, true, 0.001, false, false, 10},
      {Kind::Adagrad, "adagrad", "AdaGrad", "torch.optim.Adagrad (1.13)",
       "Per-coordinate step sizes from the sum of all squared gradients (Duchi et al. 2011).",
       R"(\begin{aligned}\tilde\eta_t &= \eta / (1 + (t-1)\,\text{lr\_decay})\\ s_t &= s_{t-1} + g_t^2\\ )"
       R"(\theta_t &= \theta_{t-1} - \tilde\eta_t\, g_t / (\sqrt{s_t} + \epsilon)\end{aligned})",
       {lr(0.01),
        {"lr_decay", ParamType::Real, 0, Range{0, 1e3}, 0, 1, "linear", "learning-rate decay: η/(1 + (t−1)·lr_decay)",
         &OptimizerSpec::lr_decay},
        weight_decay(),
        {"initial_accumulator_value", ParamType::Real, 0, Range{0, 1e6}, 0, 10, "linear",
         "starting value of the sum of squared gradients", &OptimizerSpec::initial_accumulator_value},
        eps(1e-10)},
       false, nullptr, "√s (Σg²)", true, 0.5, false, false, 4},
      {Kind::Rmsprop, "rmsprop", "RMSProp", "torch.optim.RMSprop (1.13)",
       "Divides by a moving average of squared gradients (Tieleman & Hinton 2012); centered subtracts the "
       "squared mean gradient (Graves 2013).",
       R"(\begin{aligned}a_t &= \alpha a_{t-1} + (1-\alpha)\,g_t^2\\ d_t &= \sqrt{a_t - \bar g_t^2} + \epsilon\ \ (\text{centered})\ \text{or}\ \sqrt{a_t} + \epsilon\\ )"
       R"(b_t &= \mu b_{t-1} + g_t/d_t\\ \theta_t &= \theta_{t-1} - \eta\, b_t\end{aligned})",
       {lr(0.01),
        {"alpha", ParamType::Real, 0.99, kUnitOpen, 0.5, 0.9999, "log1m", "α: smoothing constant of the squared average",
         &OptimizerSpec::alpha},
        eps(1e-8), weight_decay(), momentum(0, "momentum μ (0 turns it off)"),
        flag("centered", false, "normalise by the estimated variance instead of the second moment",
             &OptimizerSpec::centered)},
       true, "|b| (buffer)", "√a (avg g²)", true, 0.01, false, false, 3},
      {Kind::Adadelta, "adadelta", "AdaDelta", "torch.optim.Adadelta (1.13)",
       "Step sizes from the ratio of two moving averages, of squared updates and squared gradients (Zeiler 2012).",
       R"(\begin{aligned}a_t &= \rho a_{t-1} + (1-\rho)\,g_t^2\\ \delta_t &= \frac{\sqrt{u_{t-1}+\epsilon}}{\sqrt{a_t+\epsilon}}\,g_t\\ )"
       R"(u_t &= \rho u_{t-1} + (1-\rho)\,\delta_t^2\\ \theta_t &= \theta_{t-1} - \eta\,\delta_t\end{aligned})",
       {lr(1.0, "coefficient η that scales δ"),
        {"rho", ParamType::Real, 0.9, kUnitClosed, 0.5, 0.9999, "log1m", "ρ: decay of the running averages",
         &OptimizerSpec::rho},
        eps(1e-6), weight_decay()},
       false, nullptr, "√a (avg g²)", true, 1, false, false, 9},
      {Kind::Adam, "adam", "Adam", "torch.optim.Adam (1.13); Kingma & Ba 2015, Algorithm 1",
       "Adaptive moment estimation: bias-corrected moving averages of the gradient and its square.",
       R"(\begin{aligned}m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ v_t &= \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
       R"(\hat m_t &= m_t/(1-\beta_1^t),\quad \hat v_t = v_t/(1-\beta_2^t)\\ \theta_t &= \theta_{t-1} - \alpha\,\hat m_t/(\sqrt{\hat v_t}+\epsilon)\end{aligned})",
       {lr(1e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8), weight_decay(), amsgrad(),
        bias_correction()},
       true, "|m̂|", "√v̂", true, 0.05, true, true, 1},
      {Kind::Adamw, "adamw", "AdamW", "torch.optim.AdamW (1.13); Loshchilov & Hutter 2019",
       "Adam with decoupled weight decay: the parameters shrink by (1 − αλ) each step instead of an L2 term "
       "in the gradient.",
       R"(\begin{aligned}\theta &\leftarrow \theta\,(1-\alpha\lambda)\\ m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
       R"(\theta_t &= \theta - \alpha\,\hat m_t/(\sqrt{\hat v_t}+\epsilon)\end{aligned})",
       {lr(1e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8),
        weight_decay(1e-2, "decoupled weight decay λ: θ ← θ(1 − αλ)"), amsgrad(), bias_correction()},
       true, "|m̂|", "√v̂", true, 0.05, true, true, 6},
      {Kind::Adamax, "adamax", "AdaMax", "torch.optim.Adamax (1.13); Kingma & Ba 2015, Algorithm 2",
       "Adam with the infinity norm: u_t = max(β2·u, |g|). torch adds ε inside the max; eps = 0 is the "
       "paper's Algorithm 2.",
       R"(\begin{aligned}m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t\\ u_t &= \max(\beta_2 u_{t-1},\ |g_t| + \epsilon)\\ )"
       R"(\theta_t &= \theta_{t-1} - \frac{\alpha}{1-\beta_1^t}\, m_t/u_t\end{aligned})",
       {lr(2e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8, "ε added to |g| inside the max (0: the paper's form)"),
        weight_decay(), bias_correction()},
       true, "|m̂|", "u", false, 0.05, false, false, 7},
      {Kind::Nadam, "nadam", "NAdam", "torch.optim.NAdam (≥ 2.0 rule; 1.13 foreach path); Dozat 2016",
       "Adam with Nesterov momentum and the momentum schedule μ_t = β1(1 − ½·0.96^(tψ)).",
       R"(\begin{aligned}\mu_t &= \beta_1\big(1 - \tfrac12\, 0.96^{t\psi}\big)\\ m_t &= \beta_1 m_{t-1} + (1-\beta_1)\,g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)\,g_t^2\\ )"
       R"(\theta_t &= \theta_{t-1} - \alpha\Big[\frac{1-\mu_t}{1-\prod_{i\le t}\mu_i}\,g_t + \frac{\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\,m_t\Big]\Big/\big(\sqrt{\hat v_t}+\epsilon\big)\end{aligned})",
       {lr(2e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8), weight_decay(),
        {"momentum_decay", ParamType::Real, 4e-3, kUnitClosed, 0, 0.1, "linear", "ψ in the momentum schedule",
         &OptimizerSpec::momentum_decay}},
       true, "|m̂|", "√v̂", true, 0.05, true, false, 5},
      {Kind::Radam, "radam", "RAdam", "torch.optim.RAdam (1.13); Liu et al. 2020",
       "Adam with the variance of the adaptive step rectified; plain momentum SGD while ρ_t ≤ 5.",
       R"(\begin{aligned}\rho_\infty &= \tfrac{2}{1-\beta_2} - 1,\quad \rho_t = \rho_\infty - \tfrac{2t\beta_2^t}{1-\beta_2^t}\\ )"
       R"(\theta_t &= \theta_{t-1} - \alpha\,\hat m_t\cdot\begin{cases} r_t\,\sqrt{1-\beta_2^t}/(\sqrt{v_t}+\epsilon) & \rho_t > 5\\ 1 & \text{otherwise}\end{cases}\end{aligned})",
       {lr(1e-3, "step size α (before the schedule)"), beta1(), beta2(), eps(1e-8), weight_decay()},
       true, "|m̂|", "√v̂", true, 0.05, true, false, 8},
      {Kind::Rprop, "rprop", "Rprop", "torch.optim.Rprop (1.13); Riedmiller & Braun 1993",
       "Resilient backpropagation: only the sign of the gradient counts. Each coordinate keeps its own step "
       "size, which grows by η₊ while the sign holds and shrinks by η₋ when it flips (that step is skipped).",
       R"(\begin{aligned}s_t &= g_t\,g_{t-1}\\ \Delta_t &= \operatorname{clip}\big(\Delta_{t-1}\cdot\{\eta_+\ (s_t>0),\ \eta_-\ (s_t<0),\ 1\},\ \Delta_{\min},\ \Delta_{\max}\big)\\ )"
       R"(g_t &\leftarrow 0\ \ (s_t<0)\\ \theta_t &= \theta_{t-1} - \operatorname{sign}(g_t)\,\Delta_t\end{aligned})",
       {lr(0.01, "initial step size Δ₀ of every coordinate (a schedule does not change it)"),
        {"etaminus", ParamType::Real, 0.5, Range{0, 1, true, true}, 0.1, 0.99, "linear",
         "η₋: the step size shrinks by this factor when the gradient's sign flips", &OptimizerSpec::etaminus},
        {"etaplus", ParamType::Real, 1.2, Range{1, 10, true, false}, 1.01, 2, "linear",
         "η₊: the step size grows by this factor while the sign holds", &OptimizerSpec::etaplus},
        {"step_size_min", ParamType::Real, 1e-6, Range{0, 1e3}, 1e-8, 1, "log", "Δ_min: the smallest step size",
         &OptimizerSpec::step_size_min},
        {"step_size_max", ParamType::Real, 50, Range{0, 1e6, true, false}, 1e-3, 100, "log",
         "Δ_max: the largest step size", &OptimizerSpec::step_size_max}},
       false, "Δ (step size)", nullptr, true, 0.01, false, false, 12},
  };
}

HyperInfo schedule_real(const char* name, ParamType type, double def, Range range, double smin, double smax,
                        const char* scale, const char* description, double ScheduleSpec::*field) {
  HyperInfo h{name, type, def, range, smin, smax, scale, description};
  h.schedule_real = field;
  return h;
}

std::vector<ScheduleInfo> build_schedules() {
  HyperInfo gamma = schedule_real("gamma", ParamType::Real, 0.5, Range{0, 1, true, false}, 0.5, 1, "log1m",
                                  "multiplicative factor γ", &ScheduleSpec::gamma);
  HyperInfo exp_gamma = gamma;
  exp_gamma.default_value = 0.99;
  return {
      {ScheduleKind::Constant, "constant", "the learning rate as given", R"(\eta_t = \eta)", {}},
      {ScheduleKind::InvSqrt, "inv_sqrt", "α/√t, the schedule of the Adam paper's Theorem 4.1",
       R"(\eta_t = \eta/\sqrt{t})", {}},
      {ScheduleKind::Step, "step", "multiply by γ every step_size steps (torch StepLR)",
       R"(\eta_t = \eta\,\gamma^{\lfloor (t-1)/s \rfloor})",
       {schedule_real("step_size", ParamType::Integer, 100, Range{1, 1e9}, 1, 1000, "log", "steps between decays",
                      &ScheduleSpec::step_size),
        gamma}},
      {ScheduleKind::Exponential, "exponential", "multiply by γ every step (torch ExponentialLR)",
       R"(\eta_t = \eta\,\gamma^{t-1})", {exp_gamma}},
      {ScheduleKind::Cosine, "cosine", "cosine annealing from η to eta_min over T_max steps (torch CosineAnnealingLR)",
       R"(\eta_t = \eta_{\min} + \tfrac12(\eta-\eta_{\min})\big(1+\cos\tfrac{\pi (t-1)}{T_{\max}}\big))",
       {schedule_real("T_max", ParamType::Integer, 1000, Range{1, 1e9}, 1, 10000, "log", "half period in steps",
                      &ScheduleSpec::T_max),
        schedule_real("eta_min", ParamType::Real, 0, Range{0, 1e3}, 0, 1, "linear", "the lowest learning rate",
                      &ScheduleSpec::eta_min)}},
      {ScheduleKind::Warmup, "warmup", "linear warm-up over warmup_steps, then constant (torch LinearLR)",
       R"(\eta_t = \eta\,\min(1,\ t/W))",
       {schedule_real("warmup_steps", ParamType::Integer, 100, Range{1, 1e9}, 1, 1000, "log", "W: steps of the ramp",
                      &ScheduleSpec::warmup_steps)}},
  };
}

}  // namespace

const std::vector<OptimizerInfo>& optimizer_registry() {
  static const std::vector<OptimizerInfo> registry = build_optimizers();
  return registry;
}

const OptimizerInfo* find_optimizer(std::string_view name) {
  for (const auto& o : optimizer_registry())
    if (name == o.name) return &o;
  return nullptr;
}

const OptimizerInfo& info(Kind kind) {
  for (const auto& o : optimizer_registry())
    if (o.kind == kind) return o;
  return optimizer_registry().front();
}

const std::vector<ScheduleInfo>& schedule_registry() {
  static const std::vector<ScheduleInfo> registry = build_schedules();
  return registry;
}

const ScheduleInfo& info(ScheduleKind kind) {
  for (const auto& s : schedule_registry())
    if (s.kind == kind) return s;
  return schedule_registry().front();
}

OptimizerSpec default_spec(Kind kind) {
  OptimizerSpec spec;
  spec.kind = kind;
  const OptimizerInfo& o = info(kind);
  spec.label = o.display_name;
  for (const auto& h : o.hypers) {
    if (h.real) spec.*h.real = h.default_value;
    if (h.flag) spec.*h.flag = h.default_value != 0;
  }
  return spec;
}

}  // namespace gs::optim
