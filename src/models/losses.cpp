#include "models/losses.hpp"

#include <cmath>

#include "core/detmath.hpp"

namespace gs::models {

double softplus(double z) { return (z > 0 ? z : 0.0) + dm::log(1.0 + dm::exp(-std::fabs(z))); }

double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + dm::exp(-z));
  const double e = dm::exp(z);
  return e / (1.0 + e);
}

double softmax_cross_entropy(const float* z, const uint8_t* labels, size_t rows, size_t classes, float scale,
                             float* dz, size_t* correct) {
  double total = 0;
  double e[256];
  for (size_t r = 0; r < rows; ++r) {
    const float* zr = z + r * classes;
    size_t best = 0;
    for (size_t c = 1; c < classes; ++c)
      if (zr[c] > zr[best]) best = c;
    const double top = zr[best];
    double sum = 0;
    for (size_t c = 0; c < classes; ++c) sum += e[c] = dm::exp(double(zr[c]) - top);
    total += dm::log(sum) + top - double(zr[labels[r]]);
    if (correct && best == labels[r]) ++*correct;
    if (dz)
      for (size_t c = 0; c < classes; ++c)
        dz[r * classes + c] = float((e[c] / sum - (c == labels[r] ? 1.0 : 0.0)) * double(scale));
  }
  return total;
}

double bernoulli_nll(const float* z, const float* x, size_t n, float scale, float* dz) {
  double total = 0;
  for (size_t k = 0; k < n; ++k) {
    const double zk = z[k];
    total += softplus(zk) - double(x[k]) * zk;
    if (dz) dz[k] = float((sigmoid(zk) - double(x[k])) * double(scale));
  }
  return total;
}

}  // namespace gs::models
