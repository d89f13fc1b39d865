// Shampoo for a 2-vector, as the NumPy port tests/fixtures/ports/shampoo.py runs
// scalable_shampoo/optax/distributed_shampoo.py (1963839), statement for statement (see shampoo.hpp).
#include "optim/whole/shampoo.hpp"

#include <cmath>
#include <string>

#include "core/detmath.hpp"
#include "optim/registry_fields.hpp"

namespace gs::optim::whole {
namespace {

struct Own {
  enum : int { relative_matrix_epsilon };
};

struct Mat2 {
  double a[2][2];
};

constexpr Mat2 kIdentity{{{1, 0}, {0, 1}}};

// The preconditioner's exponent: Preconditioner.exponent_for_preconditioner(), 2 × (1 preconditioned dim).
constexpr int kExponent = 2;
// inverse_failure_threshold: a root whose error reaches it is dropped.
constexpr float kInverseFailureThreshold = 0.1f;

// jnp.matmul: c_ij = a_i0 b_0j + a_i1 b_1j.
Mat2 matmul(const Mat2& a, const Mat2& b) {
  Mat2 c;
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j < 2; ++j) c.a[i][j] = a.a[i][0] * b.a[0][j] + a.a[i][1] * b.a[1][j];
  return c;
}

// The Frobenius norm, summed in row-major order.
double norm_fro(const Mat2& m) {
  return std::sqrt(((m.a[0][0] * m.a[0][0] + m.a[0][1] * m.a[0][1]) + m.a[1][0] * m.a[1][0]) +
                   m.a[1][1] * m.a[1][1]);
}

// Python's max over the four entries of |M − I|: the first unless a later one is strictly larger.
double max_abs_minus_identity(const Mat2& m) {
  const double entries[4] = {std::fabs(m.a[0][0] - 1.0), std::fabs(m.a[0][1]), std::fabs(m.a[1][0]),
                             std::fabs(m.a[1][1] - 1.0)};
  double largest = entries[0];
  for (int k = 1; k < 4; ++k)
    if (entries[k] > largest) largest = entries[k];
  return largest;
}

// distributed_shampoo.power_iteration: the largest eigenvalue estimate s, from the start vector
// np.random.RandomState(1729).uniform(-1, 1, 2).
double power_iteration(const Mat2& m, int num_iters = 100, double error_tolerance = 1e-6) {
  double v[2] = {-0.5756828096125337, -0.4819635189444771};
  double s = 0.0;
  bool run_step = true;
  for (int i = 0; i < num_iters && run_step; ++i) {
    const double norm = std::sqrt(v[0] * v[0] + v[1] * v[1]);
    v[0] = v[0] / norm;
    v[1] = v[1] / norm;
    const double s_v[2] = {m.a[0][0] * v[0] + m.a[0][1] * v[1], m.a[1][0] * v[0] + m.a[1][1] * v[1]};
    const double s_new = v[0] * s_v[0] + v[1] * s_v[1];
    v[0] = s_v[0];
    v[1] = s_v[1];
    run_step = std::fabs(s_new - s) > error_tolerance;
    s = s_new;
  }
  return s;
}

// distributed_shampoo.mat_power: M^p by repeated squaring, starting from the identity.
Mat2 mat_power(const Mat2& m, int p) {
  Mat2 power = kIdentity, mat = m;
  for (int i = p; i > 0; i /= 2) {
    if (i % 2 == 1) power = matmul(mat, power);
    mat = matmul(mat, mat);
  }
  return power;
}

struct Root {
  Mat2 matrix;
  float error;
};

// distributed_shampoo.matrix_inverse_pth_root, coupled Newton branch (eigh False, no LOBPCG).
Root matrix_inverse_pth_root(const Mat2& matrix, int p, double ridge_epsilon, bool relative_matrix_epsilon,
                             int num_iters = 100, double error_tolerance = 1e-6) {
  const double alpha = -1.0 / p;
  const double max_ev = relative_matrix_epsilon ? power_iteration(matrix) : 1.0;
  ridge_epsilon = ridge_epsilon * (error_tolerance > max_ev ? error_tolerance : max_ev);

  const double max_error_ratio = 1.2;
  const float retry_loop_error_threshold = 0.05f;
  const int num_tries = 6;
  Mat2 resultant_mat_h = kIdentity;
  float error = 1000.0f;
  bool iter_failed = true;
  double ten_to_i = 1;  // 10 ** i
  for (int i = 0; iter_failed && i < num_tries; ++i, ten_to_i *= 10) {
    Mat2 damped_matrix;
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c)
        damped_matrix.a[r][c] = matrix.a[r][c] + ridge_epsilon * ten_to_i * kIdentity.a[r][c];
    const double z = (1 + p) / (2 * norm_fro(damped_matrix));
    Mat2 mat_m, mat_h;
    const double z_root = dm::pow(z, 1.0 / p);
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c) {
        mat_m.a[r][c] = damped_matrix.a[r][c] * z;
        mat_h.a[r][c] = kIdentity.a[r][c] * z_root;
      }
    double err = max_abs_minus_identity(mat_m);
    Mat2 old_mat_h = mat_h;
    double ratio = 1.0;
    for (int k = 0; k < num_iters && (err > error_tolerance && ratio < max_error_ratio); ++k) {
      Mat2 mat_m_i;
      for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 2; ++c) mat_m_i.a[r][c] = (1 - alpha) * kIdentity.a[r][c] + alpha * mat_m.a[r][c];
      mat_m = matmul(mat_power(mat_m_i, p), mat_m);
      old_mat_h = mat_h;
      mat_h = matmul(mat_h, mat_m_i);
      const double new_error = max_abs_minus_identity(mat_m);
      ratio = new_error / err;
      err = new_error;
    }
    error = static_cast<float>(max_abs_minus_identity(mat_m));
    const double is_converged = ratio < max_error_ratio ? 1.0 : 0.0;
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c)
        resultant_mat_h.a[r][c] = is_converged * mat_h.a[r][c] + (1 - is_converged) * old_mat_h.a[r][c];
    iter_failed = error > retry_loop_error_threshold;
  }
  return {resultant_mat_h, error};
}

class Shampoo final : public WholeOptimizer {
 public:
  explicit Shampoo(const OptimizerSpec& spec)
      : lr_(spec.lr), eps_(spec.eps), relative_matrix_epsilon_(spec.own[Own::relative_matrix_epsilon] != 0) {
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c) statistics_.a[r][c] = eps_ * kIdentity.a[r][c];
  }

  void step(uint64_t, double x[2], Oracle& f) override {
    double g[2];
    gradient_at(f, x, g);
    report_.lr = lr_;

    // _compute_stats: w1·G + w2·g gᵀ with w1 = w2 = 1 (beta2 = 1)
    for (int r = 0; r < 2; ++r)
      for (int c = 0; c < 2; ++c) statistics_.a[r][c] = statistics_.a[r][c] + g[r] * g[c];

    const Root root = matrix_inverse_pth_root(statistics_, kExponent, eps_, relative_matrix_epsilon_);
    if (!(std::isnan(root.error) || root.error >= kInverseFailureThreshold)) preconditioner_ = root.matrix;

    // _transform_grad: tensordot(g, P, axes=[[0], [0]]), then optax.apply_updates
    const Mat2& p = preconditioner_;
    const double precond_grad[2] = {g[0] * p.a[0][0] + g[1] * p.a[1][0], g[0] * p.a[0][1] + g[1] * p.a[1][1]};
    for (int i = 0; i < 2; ++i) {
      x[i] = x[i] + (-1.0 * lr_) * precond_grad[i];
      report_.first[i] = precond_grad[i];
      report_.second[i] = statistics_.a[i][i];
    }
  }

 private:
  double lr_, eps_;
  bool relative_matrix_epsilon_;
  Mat2 statistics_;
  Mat2 preconditioner_ = kIdentity;
};

OptimizerInfo info() {
  using namespace fields;
  OptimizerInfo o{
      "shampoo", "Shampoo",
      "google-research scalable_shampoo/optax/distributed_shampoo.py; Gupta et al. 2018, Algorithm 1",
      "Full-matrix AdaGrad, which is what Shampoo is for a vector: it sums the outer products g gᵀ into a 2 × 2 "
      "matrix G and steps along G^(−1/2) g, so it rotates the step as well as scaling it. The inverse square root "
      "is the reference's coupled Newton iteration, not an exact one.",
      R"(\begin{aligned}G_t &= G_{t-1} + g_t g_t^{\top},\quad G_0 = \epsilon I\\ )"
      R"(P_t &= \big(G_t + \epsilon' I\big)^{-1/2}\ \text{(coupled Newton iteration)}\\ )"
      R"(\theta_t &= \theta_{t-1} - \eta\,P_t\,g_t\end{aligned})",
      {lr(1.0, "step size η"),
       eps(1e-6, "ε: the statistics start at εI and the inverse root adds the ridge ε′I (ε′ = ε, or ε·λ_max)"),
       own_flag("relative_matrix_epsilon", Own::relative_matrix_epsilon, false,
                "scale the ridge by the largest eigenvalue of G (power iteration): ε′ = ε·max(λ_max, 10⁻⁶) (the "
                "reference's default)")},
      false, "|Pg| (preconditioned gradient)", "√G_ii (statistics diagonal)", true, 0.2, false, false, 26};
  o.whole = true;
  return o;
}

std::unique_ptr<WholeOptimizer> make(const OptimizerSpec& spec) { return std::make_unique<Shampoo>(spec); }

std::string latex(const OptimizerSpec& spec) {
  const std::string ridge = spec.own[Own::relative_matrix_epsilon] != 0
                                ? R"(\epsilon\max(\lambda_{\max}(G_t), 10^{-6}))"
                                : R"(\epsilon)";
  return R"(\begin{aligned}G_t &= G_{t-1} + g_t g_t^{\top},\quad G_0 = \epsilon I\\ )"
         R"(P_t &= \big(G_t + )" + ridge + R"(\,I\big)^{-1/2}\ \text{(coupled Newton iteration)}\\ )"
         R"(\theta_t &= \theta_{t-1} - \eta\,P_t\,g_t\end{aligned})";
}

std::string constraint(const OptimizerSpec&, const std::string&) { return ""; }

}  // namespace

WholeEntry shampoo_entry() { return {info, make, latex, constraint}; }

}  // namespace gs::optim::whole
