// The paper lab's SIMD kernels against their readable reference forms, and the dropout masks.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/rng.hpp"
#include "models/dense_kernels.hpp"
#include "models/noise.hpp"

namespace gs {
namespace {

// Values in [−1, 1] with about a third exact zeros (as images and ReLU outputs have).
std::vector<float> sample(size_t n, uint64_t stream) {
  std::vector<float> v(n);
  for (size_t k = 0; k < n; ++k) {
    const double u = rng::uniform01(7, stream, k);
    v[k] = u < 1.0 / 3 ? 0.0f : float(2 * u - 1);
  }
  return v;
}

struct Shape {
  size_t rows, in, out;
};
// Outputs below, at and above the 4 SIMD lanes and the 8-output tile; rows around the 4-row tile.
constexpr Shape kShapes[] = {{1, 1, 1}, {3, 5, 3}, {8, 13, 4}, {9, 7, 10}, {17, 33, 29}, {128, 40, 64}, {6, 1, 10}, {5, 2, 7}, {130, 19, 10}};

TEST(ModelsKernels, DenseForwardMatchesReferenceBitForBit) {
  for (const Shape& s : kShapes) {
    const auto x = sample(s.rows * s.in, 1), w = sample(s.in * s.out, 2), b = sample(s.out, 3);
    std::vector<float> y(s.rows * s.out), ref(s.rows * s.out);
    models::dense_forward(x.data(), s.rows, s.in, w.data(), b.data(), s.out, y.data());
    models::reference::dense_forward(x.data(), s.rows, s.in, w.data(), b.data(), s.out, ref.data());
    for (size_t k = 0; k < y.size(); ++k) ASSERT_EQ(y[k], ref[k]) << s.rows << "x" << s.in << "x" << s.out << " @" << k;
  }
}

TEST(ModelsKernels, DenseParameterGradientMatchesReferenceBitForBit) {
  for (const Shape& s : kShapes) {
    const auto x = sample(s.rows * s.in, 4), dy = sample(s.rows * s.out, 5);
    auto dw = sample(s.in * s.out, 6), db = sample(s.out, 7);
    auto ref_dw = dw, ref_db = db;
    models::dense_backward_params(x.data(), dy.data(), s.rows, s.in, s.out, dw.data(), db.data());
    models::reference::dense_backward_params(x.data(), dy.data(), s.rows, s.in, s.out, ref_dw.data(), ref_db.data());
    for (size_t k = 0; k < dw.size(); ++k) ASSERT_EQ(dw[k], ref_dw[k]) << s.rows << "x" << s.in << "x" << s.out;
    for (size_t k = 0; k < db.size(); ++k) ASSERT_EQ(db[k], ref_db[k]) << s.rows << "x" << s.in << "x" << s.out;
  }
}

TEST(ModelsKernels, DenseInputGradientAgreesWithReference) {
  for (const Shape& s : kShapes) {
    const auto dy = sample(s.rows * s.out, 8), w = sample(s.in * s.out, 9);
    std::vector<float> dx(s.rows * s.in), ref(s.rows * s.in);
    models::dense_backward_input(dy.data(), w.data(), s.rows, s.in, s.out, dx.data());
    models::reference::dense_backward_input(dy.data(), w.data(), s.rows, s.in, s.out, ref.data());
    for (size_t k = 0; k < dx.size(); ++k) {
      // A sum of `out` products of terms in [−1, 1], regrouped in 4 lanes: a few ulp of the
      // sum of magnitudes (≤ out) apart.
      ASSERT_NEAR(dx[k], ref[k], 4 * float(s.out) * 1.2e-7f) << s.rows << "x" << s.in << "x" << s.out;
      if (s.out < 4) {
        ASSERT_EQ(dx[k], ref[k]);  // no vector part: the same sequential sum
      }
    }
  }
}

TEST(ModelsKernels, ReluAndMaskMatchReference) {
  for (size_t n : {1, 3, 4, 7, 64, 101}) {
    auto y = sample(n, 10), ref = y;
    models::relu_forward(y.data(), n);
    models::reference::relu_forward(ref.data(), n);
    ASSERT_EQ(y, ref);
    for (float v : y) ASSERT_GE(v, 0.0f);
    auto dy = sample(n, 11), ref_dy = dy;
    models::relu_backward(y.data(), dy.data(), n);
    models::reference::relu_backward(y.data(), ref_dy.data(), n);
    ASSERT_EQ(dy, ref_dy);
    for (size_t k = 0; k < n; ++k)
      if (y[k] == 0.0f) {
        ASSERT_EQ(dy[k], 0.0f);
      }
    const auto mask = sample(n, 12);
    auto x = sample(n, 13), ref_x = x;
    models::multiply(x.data(), mask.data(), n);
    models::reference::multiply(ref_x.data(), mask.data(), n);
    ASSERT_EQ(x, ref_x);
  }
}

TEST(ModelsDropout, MaskKeepsOneMinusRateScaled) {
  for (float rate : {0.2f, 0.5f}) {
    std::vector<float> mask(40001);
    models::dropout_mask({3, 1}, models::kInputDropoutStream, rate, mask.data(), mask.size());
    size_t kept = 0;
    for (float m : mask) {
      ASSERT_TRUE(m == 0.0f || m == 1.0f / (1.0f - rate)) << m;
      kept += m != 0.0f;
    }
    const double p = 1.0 - rate, sd = std::sqrt(p * (1 - p) / double(mask.size()));
    EXPECT_NEAR(double(kept) / double(mask.size()), p, 5 * sd) << rate;
  }
}

TEST(ModelsDropout, MaskIsAPureFunctionOfTheKey) {
  std::vector<float> a(999), b(999), c(999), d(999);
  models::dropout_mask({3, 7}, models::kInputDropoutStream, 0.5f, a.data(), a.size());
  models::dropout_mask({3, 7}, models::kInputDropoutStream, 0.5f, b.data(), b.size());
  models::dropout_mask({3, 8}, models::kInputDropoutStream, 0.5f, c.data(), c.size());
  models::dropout_mask({3, 7}, models::kHiddenDropoutStream, 0.5f, d.data(), d.size());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_NE(a, d);
}

TEST(ModelsNoise, GaussianHasUnitMoments) {
  std::vector<float> e(20000);
  models::gaussian_noise({5, 2}, models::kLatentNoiseStream, e.data(), e.size());
  double sum = 0, squares = 0;
  for (float v : e) {
    sum += v;
    squares += double(v) * v;
  }
  EXPECT_NEAR(sum / 20000, 0.0, 0.03);
  EXPECT_NEAR(squares / 20000, 1.0, 0.05);
}

}  // namespace
}  // namespace gs
