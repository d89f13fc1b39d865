#include "online/logistic_solver.hpp"

#include <algorithm>
#include <cmath>

#include "online/logistic_loss.hpp"
#include "online/vector_ops.hpp"

namespace gs::online {

namespace {

constexpr int kMemory = 10;          // nonmonotone line search: compare with the max of the last 10 losses
constexpr double kArmijo = 1e-4;
constexpr int kMaxBacktracks = 40;
constexpr double kMinStep = 1e-12, kMaxStep = 1e12;

// ∇F from the margins; with `curvature`, also the diagonal of the Hessian Σ_s σ(1−σ)·x_{s,j}.
void gradient_from_margins(const BagOfWords& data, const std::vector<double>& z, std::vector<double>& gradient,
                           std::vector<double>* curvature = nullptr) {
  std::fill(gradient.begin(), gradient.end(), 0.0);
  if (curvature) std::fill(curvature->begin(), curvature->end(), 0.0);
  for (size_t s = 0; s < z.size(); ++s) {
    const double y = data.label(s);
    const double weight = logistic_weight(y * z[s]);
    const double r = -y * weight;
    for (const uint32_t* j = data.begin(s); j != data.end(s); ++j) gradient[*j] += r;
    if (curvature) {
      const double h = weight * (1 - weight);
      for (const uint32_t* j = data.begin(s); j != data.end(s); ++j) (*curvature)[*j] += h;
    }
  }
}

// Scales for the box: 1/(h_j + floor), the inverse of the Hessian's diagonal (a projection onto
// the box in the scaled norm is still a clip); on the ball, 1 (the projection needs the plain norm).
void update_scale(const Domain& domain, const std::vector<double>& curvature, std::vector<double>& scale) {
  if (domain.type != DomainType::Box) return;
  const double largest = *std::max_element(curvature.begin(), curvature.end());
  const double floor = 1e-12 * (1 + largest);
  for (size_t j = 0; j < scale.size(); ++j) scale[j] = 1 / (curvature[j] + floor);
}

double loss_from_margins(const BagOfWords& data, const std::vector<double>& z) {
  double loss = 0;
  for (size_t s = 0; s < z.size(); ++s) loss += logistic_loss(data.label(s) * z[s]);
  return loss;
}

double margin(const BagOfWords& data, size_t s, const double* w) {
  double m = 0;
  for (const uint32_t* j = data.begin(s); j != data.end(s); ++j) m += w[*j];
  return m;
}

}  // namespace

void evaluate_logistic(const BagOfWords& data, size_t documents, LogisticPoint& point) {
  point.z.resize(documents);
  for (size_t s = 0; s < documents; ++s) point.z[s] = margin(data, s, point.w.data());
  point.loss = loss_from_margins(data, point.z);
  point.gradient.resize(data.dimension());
  gradient_from_margins(data, point.z, point.gradient);
}

void add_document(const BagOfWords& data, size_t s, LogisticPoint& point) {
  const double z = margin(data, s, point.w.data());
  const double y = data.label(s);
  point.z.push_back(z);
  point.loss += logistic_loss(y * z);
  const double r = -y * logistic_weight(y * z);
  for (const uint32_t* j = data.begin(s); j != data.end(s); ++j) point.gradient[*j] += r;
}

SolveStats solve_logistic(const BagOfWords& data, const Domain& domain, LogisticPoint& point, double target,
                          int max_iterations, double& step) {
  const size_t d = data.dimension(), n = point.z.size();
  SolveStats stats;
  stats.gap = domain.duality_gap(point.w.data(), point.gradient.data(), d);
  if (stats.gap <= target || n == 0) return stats;
  if (!(step > 0) && domain.type == DomainType::Box) {
    step = 1;  // a Newton step on the diagonal
  } else if (!(step > 0)) {
    uint32_t most = 1, longest = 1;
    for (uint32_t c : data.counts()) most = std::max(most, c);
    for (size_t s = 0; s < n; ++s) longest = std::max(longest, static_cast<uint32_t>(data.end(s) - data.begin(s)));
    step = 4.0 / (static_cast<double>(most) * static_cast<double>(longest));
  }
  std::vector<double> direction(d), trial_w(d), dz(n), trial_z(n), trial_gradient(d);
  std::vector<double> scale(d, 1.0), curvature(domain.type == DomainType::Box ? d : 0);
  std::vector<double>* curvature_out = curvature.empty() ? nullptr : &curvature;
  if (curvature_out) {
    gradient_from_margins(data, point.z, trial_gradient, curvature_out);
    update_scale(domain, curvature, scale);
    stats.work += n;
  }
  std::vector<double> history(1, point.loss);
  for (; stats.iterations < max_iterations && stats.gap > target; ++stats.iterations) {
    for (size_t j = 0; j < d; ++j) trial_w[j] = point.w[j] - step * scale[j] * point.gradient[j];
    domain.project(trial_w.data(), d);
    for (size_t j = 0; j < d; ++j) direction[j] = trial_w[j] - point.w[j];
    const double slope = dot(point.gradient.data(), direction.data(), d);
    if (!(slope < 0)) break;
    for (size_t s = 0; s < n; ++s) dz[s] = margin(data, s, direction.data());
    stats.work += n;
    const double reference = *std::max_element(history.begin(), history.end());
    double lambda = 1, trial_loss = 0;
    bool accepted = false;
    for (int k = 0; k < kMaxBacktracks; ++k) {
      for (size_t s = 0; s < n; ++s) trial_z[s] = point.z[s] + lambda * dz[s];
      trial_loss = loss_from_margins(data, trial_z);
      stats.work += n;
      if (trial_loss <= reference + kArmijo * lambda * slope) {
        accepted = true;
        break;
      }
      lambda *= 0.5;
    }
    if (!accepted) break;
    for (size_t j = 0; j < d; ++j) trial_w[j] = point.w[j] + lambda * direction[j];
    gradient_from_margins(data, trial_z, trial_gradient, curvature_out);
    stats.work += n;
    // Barzilai–Borwein in the metric of the scaling: ⟨s, S⁻¹s⟩/⟨s, Δg⟩.
    double sy = 0, ss = 0;
    for (size_t j = 0; j < d; ++j) {
      const double sj = trial_w[j] - point.w[j];
      sy += sj * (trial_gradient[j] - point.gradient[j]);
      ss += sj * sj / scale[j];
    }
    step = sy > 0 ? std::clamp(ss / sy, kMinStep, kMaxStep) : kMaxStep;
    if (curvature_out) update_scale(domain, curvature, scale);
    point.w.swap(trial_w);
    point.z.swap(trial_z);
    point.gradient.swap(trial_gradient);
    point.loss = trial_loss;
    history.push_back(trial_loss);
    if (history.size() > kMemory) history.erase(history.begin());
    stats.gap = domain.duality_gap(point.w.data(), point.gradient.data(), d);
  }
  evaluate_logistic(data, n, point);
  stats.work += n;
  stats.gap = domain.duality_gap(point.w.data(), point.gradient.data(), d);
  return stats;
}

}  // namespace gs::online
