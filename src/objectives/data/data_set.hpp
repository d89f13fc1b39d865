// A data objective's points and model: the points a user clicks into the landscape's data panel
// (or a preset), and the two-parameter model fitted to them, whose loss over (w, b) becomes the
// surface the optimizers descend.
#pragma once

#include <cstddef>
#include <vector>

namespace gs::objectives::data {

inline constexpr std::size_t kMaxPoints = 10000;

// least_squares: the line y = w·x + b fitted by mean squared error,
//   L(w, b) = (1/m) Σ (w·xᵢ + b − yᵢ)².
// logistic: the same line as a decision boundary; a point above it (zᵢ = yᵢ − w·xᵢ − b > 0) is
// labelled 1 with probability σ(zᵢ), and the loss is the mean cross-entropy
//   L(w, b) = (1/m) Σ softplus(zᵢ) − ℓᵢ·zᵢ.
enum class Model { LeastSquares, Logistic };

struct DataPoint {
  double x = 0, y = 0;
  int label = 0;  // logistic: 0 or 1
};

}  // namespace gs::objectives::data
