// DataDefinition: the points, their minibatches, the best fit, the view and start.
#include "objectives/data/data_definition.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "core/detmath.hpp"
#include "objectives/data/model_loss.hpp"

namespace gs::objectives::data {
namespace {

// Least squares: w = Sxy / Sxx, b = ȳ − w·x̄ (the normal equations), none when Sxx = 0.
std::optional<objectives::Minimum> least_squares_fit(const std::vector<DataPoint>& points) {
  double mx = 0, my = 0;
  for (const DataPoint& p : points) mx += p.x, my += p.y;
  mx /= static_cast<double>(points.size());
  my /= static_cast<double>(points.size());
  double sxx = 0, sxy = 0;
  for (const DataPoint& p : points) sxx += (p.x - mx) * (p.x - mx), sxy += (p.x - mx) * (p.y - my);
  if (!(sxx > 0)) return std::nullopt;
  const double w = sxy / sxx, b = my - w * mx;
  return objectives::Minimum{w, b, loss_and_gradient(Model::LeastSquares, points, w, b).loss, true};
}

// Logistic: Newton's method on the convex loss from (0, 0), halving a step that does not lower it;
// none when the Hessian is singular (every x the same) or it does not converge.
std::optional<objectives::Minimum> logistic_fit(const std::vector<DataPoint>& points) {
  double w = 0, b = 0;
  LossAndGradient at = loss_and_gradient(Model::Logistic, points, w, b);
  for (int i = 0; i < 100; ++i) {
    if (std::hypot(at.dw, at.db) < 1e-12) return objectives::Minimum{w, b, at.loss, true};
    double hww = 0, hwb = 0, hbb = 0;
    for (const DataPoint& p : points) {
      const double z = p.y - w * p.x - b, s = 1 / (1 + dm::exp(-z)), c = s * (1 - s);
      hww += c * p.x * p.x, hwb += c * p.x, hbb += c;
    }
    const double m = static_cast<double>(points.size());
    hww /= m, hwb /= m, hbb /= m;
    const double det = hww * hbb - hwb * hwb;
    if (!(det > 0)) return std::nullopt;
    double dw = (hbb * at.dw - hwb * at.db) / det, db = (hww * at.db - hwb * at.dw) / det;
    for (int halving = 0; halving < 30; ++halving, dw /= 2, db /= 2) {
      const LossAndGradient next = loss_and_gradient(Model::Logistic, points, w - dw, b - db);
      if (next.loss <= at.loss) {
        w -= dw, b -= db, at = next;
        break;
      }
    }
    if (std::fabs(w) > 1e6 || std::fabs(b) > 1e6) return std::nullopt;
  }
  return std::nullopt;
}

std::vector<DataPoint> standard_points(Model model) {
  // A noisy line y ≈ 0.8x − 0.3, and two clusters either side of y = −0.5x + 0.2.
  const double xs[] = {-0.9, -0.7, -0.55, -0.35, -0.2, 0.0, 0.15, 0.3, 0.5, 0.65, 0.8, 0.95};
  const double noise[] = {0.08, -0.05, 0.1, -0.12, 0.03, 0.06, -0.09, 0.04, -0.02, 0.11, -0.07, 0.05};
  std::vector<DataPoint> points;
  for (int i = 0; i < 12; ++i) {
    if (model == Model::LeastSquares) {
      points.push_back({xs[i], 0.8 * xs[i] - 0.3 + noise[i], 0});
    } else {
      const double boundary = -0.5 * xs[i] + 0.2;
      const int label = i % 2;
      points.push_back({xs[i], boundary + (label ? 0.35 : -0.35) + noise[i] * 3, label});
    }
  }
  return points;
}

}  // namespace

std::optional<Model> model_named(std::string_view name) {
  if (name == "least_squares") return Model::LeastSquares;
  if (name == "logistic") return Model::Logistic;
  return std::nullopt;
}

std::shared_ptr<const DataDefinition> DataDefinition::make(Model model, std::vector<DataPoint> points,
                                                           std::size_t batch_size, std::uint64_t seed) {
  auto d = std::make_shared<DataDefinition>();
  d->model_ = model;
  d->points_ = std::move(points);
  d->batch_size_ = std::clamp<std::size_t>(batch_size, 1, std::max<std::size_t>(1, d->points_.size()));
  d->minibatches_ = Minibatches(d->points_.size(), d->batch_size_, seed);
  d->best_fit_ = d->points_.empty() ? std::nullopt
                 : model == Model::LeastSquares ? least_squares_fit(d->points_)
                                                : logistic_fit(d->points_);
  const bool squares = model == Model::LeastSquares;
  objectives::ObjectiveInfo& info = d->info_;
  info.name = squares ? "least_squares" : "logistic";
  info.display_name = squares ? "Linear regression (data)" : "Logistic regression (data)";
  info.latex = squares ? R"(L(w, b) = \frac{1}{m}\sum_{i=1}^{m} \left(w\,x_i + b - y_i\right)^2)"
                       : R"(L(w, b) = \frac{1}{m}\sum_{i=1}^{m} \log\left(1 + e^{z_i}\right) - \ell_i z_i,\quad z_i = y_i - w\,x_i - b)";
  d->description_ = std::string(squares ? "The mean squared error of the line y = w·x + b" :
                                          "The cross-entropy of the line y = w·x + b as a decision boundary (label 1 above it)") +
                    " over your " + std::to_string(d->points_.size()) + " points, as a surface over (w, b); " +
                    (d->batch_size_ < d->points_.size() ? "each step's gradient comes from a minibatch of " +
                                                              std::to_string(d->batch_size_) + " points."
                                                        : "each step's gradient uses every point.");
  info.description = d->description_.c_str();
  const double cw = d->best_fit_ ? d->best_fit_->x : 0, cb = d->best_fit_ ? d->best_fit_->y : 0;
  const double half = d->best_fit_ ? 3 : 4;
  const auto round_out = [](double v, bool up) { return (up ? std::ceil(v * 2) : std::floor(v * 2)) / 2; };
  info.view[0] = round_out(cw - half, false), info.view[1] = round_out(cw + half, true);
  info.view[2] = round_out(cb - half, false), info.view[3] = round_out(cb + half, true);
  info.default_start[0] = info.view[0] + 0.1 * (info.view[1] - info.view[0]);
  info.default_start[1] = info.view[3] - 0.1 * (info.view[3] - info.view[2]);
  return d;
}

const DataDefinition& DataDefinition::standard(Model model) {
  static const std::shared_ptr<const DataDefinition> kSquares =
      make(Model::LeastSquares, standard_points(Model::LeastSquares), 12, 1);
  static const std::shared_ptr<const DataDefinition> kLogistic =
      make(Model::Logistic, standard_points(Model::Logistic), 12, 1);
  return model == Model::LeastSquares ? *kSquares : *kLogistic;
}

}  // namespace gs::objectives::data
