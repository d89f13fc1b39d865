// Every paper-lab model's hand-written backpropagation against central finite differences of its
// own loss. The noise (dropout masks, the VAE's ε) is fixed by the NoiseKey, so the loss is a
// deterministic function of the parameters. The models compute in f32: a loss near 1 carries a
// rounding error of about 1e-7·(Σ|terms|), so with h = 1e-2 a central difference is within
// ~1e-5 of the derivative plus the O(h²) truncation error (f‴·h²/6, ~1e-5 here); the check allows
// 1e-3 + 2% and samples ~150 coordinates over every layer, biases included. Small shapes keep it
// fast; ReLU kinks would break a difference quotient, and none falls within ±h at these seeds.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/rng.hpp"
#include "models/mlp.hpp"
#include "models/softmax_regression.hpp"
#include "models/sparse_logistic_regression.hpp"
#include "models/vae.hpp"

namespace gs {
namespace {

constexpr float kStep = 1e-2f;
constexpr double kAbsTolerance = 1e-3, kRelTolerance = 0.02;

struct GradientCase {
  std::string name;
  std::unique_ptr<models::Model> model;
  models::Batch batch;
};

struct Mismatch {
  size_t index;
  double analytic, numeric;
};

// Coordinates where the analytic gradient and the central difference disagree (and how many
// coordinates were checked).
std::vector<Mismatch> check_gradient(models::Model& model, const models::Batch& batch, std::vector<float> params,
                                     float gradient_scale, size_t& checked) {
  const models::NoiseKey key{11, 3};
  std::vector<float> grad(params.size()), scratch(params.size());
  model.loss_and_grad(params.data(), batch, grad.data(), key);
  std::vector<Mismatch> bad;
  const size_t stride = std::max<size_t>(1, params.size() / 150);
  checked = 0;
  for (size_t i = 0; i < params.size(); i += stride) {
    const float saved = params[i];
    params[i] = saved + kStep;
    const double up = model.loss_and_grad(params.data(), batch, scratch.data(), key);
    params[i] = saved - kStep;
    const double down = model.loss_and_grad(params.data(), batch, scratch.data(), key);
    params[i] = saved;
    const double numeric = (up - down) / (double(saved + kStep) - double(saved - kStep));
    const double analytic = double(grad[i]) * gradient_scale;
    if (std::fabs(numeric - analytic) > kAbsTolerance + kRelTolerance * std::fabs(numeric))
      bad.push_back({i, analytic, numeric});
    ++checked;
  }
  return bad;
}

std::vector<float> uniform(size_t n, uint64_t stream, float lo, float hi) {
  std::vector<float> v(n);
  for (size_t k = 0; k < n; ++k) v[k] = lo + (hi - lo) * float(rng::uniform01(9, stream, k));
  return v;
}

// Initial parameters plus noise, so biases are not all zero.
std::vector<float> parameters(const models::Model& model) {
  std::vector<float> p(model.parameter_count());
  model.init(5, p.data());
  const auto noise = uniform(p.size(), 77, -0.2f, 0.2f);
  for (size_t k = 0; k < p.size(); ++k) p[k] += noise[k];
  return p;
}

struct Fixture {
  std::vector<float> pixels = uniform(6 * 12, 1, 0.0f, 1.0f);
  std::vector<uint8_t> classes{0, 3, 1, 2, 3, 1};
  data::CsrMatrix docs;
  std::vector<uint32_t> doc_rows{2, 0, 3, 1};
  std::vector<float> targets{1, 0, 0, 1};

  Fixture() {
    docs.rows = 4;
    docs.cols = 30;
    const uint32_t words[][6] = {{0, 4, 9, 17, 22, 29}, {1, 2, 4, 8, 16, 28}, {3, 4, 5, 6, 20, 25}, {0, 7, 11, 13, 19, 27}};
    for (const auto& doc : words) {
      for (uint32_t j : doc) {
        docs.indices.push_back(j);
        docs.values.push_back(1.0f);
      }
      docs.offsets.push_back(uint32_t(docs.indices.size()));
    }
  }

  models::Batch images() const {
    models::Batch b;
    b.rows = 6;
    b.dense = pixels.data();
    b.classes = classes.data();
    return b;
  }
  models::Batch sparse() const {
    models::Batch b;
    b.rows = 4;
    b.sparse = &docs;
    b.sparse_rows = doc_rows.data();
    b.targets = targets.data();
    return b;
  }
};

std::vector<GradientCase> cases(const Fixture& f) {
  std::vector<GradientCase> out;
  out.push_back({"softmax_regression", std::make_unique<models::SoftmaxRegression>(12, 4), f.images()});
  out.push_back({"sparse_logistic_no_dropout", std::make_unique<models::SparseLogisticRegression>(30, 0.0f), f.sparse()});
  out.push_back({"sparse_logistic_dropout", std::make_unique<models::SparseLogisticRegression>(30, 0.5f), f.sparse()});
  models::MlpShape mlp{12, 7, 4, 0.2f, 0.5f};
  out.push_back({"mlp_dropout", std::make_unique<models::Mlp>(mlp), f.images()});
  mlp.input_dropout = mlp.dropout = 0.0f;
  out.push_back({"mlp_no_dropout", std::make_unique<models::Mlp>(mlp), f.images()});
  out.push_back({"vae", std::make_unique<models::Vae>(models::VaeShape{12, 8, 3}), f.images()});
  return out;
}

TEST(ModelsGradient, BackpropMatchesCentralDifferences) {
  Fixture f;
  for (auto& c : cases(f)) {
    size_t checked = 0;
    const auto bad = check_gradient(*c.model, c.batch, parameters(*c.model), 1.0f, checked);
    EXPECT_GE(checked, std::min<size_t>(100, c.model->parameter_count())) << c.name;
    EXPECT_TRUE(bad.empty()) << c.name << ": " << bad.size() << " of " << checked << " coordinates disagree, first #"
                             << bad[0].index << ": analytic " << bad[0].analytic << ", numeric " << bad[0].numeric;
  }
}

TEST(ModelsGradient, CheckCatchesAGradientOffByFivePercent) {
  Fixture f;
  for (auto& c : cases(f)) {
    size_t checked = 0;
    const auto bad = check_gradient(*c.model, c.batch, parameters(*c.model), 1.05f, checked);
    EXPECT_GT(bad.size(), checked / 10) << c.name;
  }
}

TEST(ModelsGradient, EvaluationUsesNoDropout) {
  Fixture f;
  models::SparseLogisticRegression noisy(30, 0.5f), clean(30, 0.0f);
  const auto p = parameters(noisy);
  std::vector<float> g(p.size());
  const double clean_loss = clean.loss_and_grad(p.data(), f.sparse(), g.data(), {1, 1});
  EXPECT_DOUBLE_EQ(noisy.evaluate(p.data(), f.sparse(), {1, 1}).loss_sum / 4, clean_loss);
  EXPECT_NE(noisy.loss_and_grad(p.data(), f.sparse(), g.data(), {1, 1}), clean_loss);
}

TEST(ModelsLayout, FlatParameterOffsets) {
  models::Mlp mlp(models::MlpShape{784, 256, 10, 0.2f, 0.5f});
  EXPECT_EQ(mlp.layer(1).w, 784u * 256 + 256);
  EXPECT_EQ(mlp.parameter_count(), 784u * 256 + 256 + 256 * 256 + 256 + 256 * 10 + 10);
  models::Vae vae(models::VaeShape{});
  EXPECT_EQ(vae.parameter_count(), 784u * 200 + 200 + 200 * 40 + 40 + 20 * 200 + 200 + 200 * 784 + 784);
  EXPECT_EQ(models::SoftmaxRegression(784, 10).parameter_count(), 7850u);
  EXPECT_EQ(models::SparseLogisticRegression(10000, 0.5f).parameter_count(), 10001u);
}

}  // namespace
}  // namespace gs
