// Mean squared error and mean cross-entropy of the line y = w·x + b, with their gradients:
//   least squares  r = w·x + b − y:      ∂/∂w (r²) = 2r·x,  ∂/∂b (r²) = 2r
//   logistic       z = y − w·x − b:      ∂/∂z (softplus(z) − ℓz) = σ(z) − ℓ,  ∂z/∂w = −x,  ∂z/∂b = −1
// softplus and σ through gs::dm (exp, log), so native and wasm agree bit for bit.
#include "objectives/data/model_loss.hpp"

#include "core/detmath.hpp"

namespace gs::objectives::data {
namespace {

double sigmoid(double z) {
  if (z >= 0) return 1 / (1 + dm::exp(-z));
  const double e = dm::exp(z);
  return e / (1 + e);
}

// log(1 + e^z) without overflow: z + log(1 + e^−z) for z > 0.
double softplus(double z) { return z > 0 ? z + dm::log(1 + dm::exp(-z)) : dm::log(1 + dm::exp(z)); }

struct Sums {
  double loss = 0, dw = 0, db = 0;
  void add(Model model, const DataPoint& p, double w, double b) {
    if (model == Model::LeastSquares) {
      const double r = w * p.x + b - p.y;
      loss += r * r;
      dw += 2 * r * p.x;
      db += 2 * r;
      return;
    }
    const double z = p.y - w * p.x - b;
    const double slope = sigmoid(z) - p.label;
    loss += softplus(z) - p.label * z;
    dw -= slope * p.x;
    db -= slope;
  }
  LossAndGradient mean(std::size_t m) const {
    const double n = m ? static_cast<double>(m) : 1.0;
    return {loss / n, dw / n, db / n};
  }
};

}  // namespace

LossAndGradient loss_and_gradient(Model model, std::span<const DataPoint> points, double w, double b) {
  Sums sums;
  for (const DataPoint& p : points) sums.add(model, p, w, b);
  return sums.mean(points.size());
}

LossAndGradient loss_and_gradient(Model model, std::span<const DataPoint> points, std::span<const std::uint32_t> indices,
                                  double w, double b) {
  Sums sums;
  for (std::uint32_t i : indices) sums.add(model, points[i], w, b);
  return sums.mean(indices.size());
}

}  // namespace gs::objectives::data
