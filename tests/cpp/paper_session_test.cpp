// The paper lab's training engine: the Adam paper's Section 6 experiments on the committed
// Fashion-MNIST subset and the seeded bag-of-words documents, the grid search, divergence,
// determinism and chunked advance. Mechanics tests use small subsets to stay fast.
#include <gtest/gtest.h>

#include <cmath>

#include "data_test_support.hpp"

namespace gs {
namespace {

using labs::PaperSession;
using test::train_to_end;

double final_accuracy(const PaperSession& s, size_t run) { return s.run(run).curves().test_accuracy.back(); }

TEST(PaperLogregImages, AdamReaches80PercentIn5Epochs) {
  PaperSession s;
  train_to_end(s, R"({"version":1,"experiment":"logreg_images","epochs":5,"batch_size":128,
                      "optimizers":[{"name":"adam","lr":0.003}]})");
  ASSERT_EQ(s.run_count(), 1u);
  const train::Curves& c = s.run(0).curves();
  EXPECT_EQ(s.schedule().batches_per_epoch, 47u);  // ⌈6000/128⌉
  EXPECT_EQ(s.run(0).batches_done(), 235u);
  ASSERT_EQ(c.points(), 20u);  // every ⌈47/4⌉ = 12 minibatches and after the last
  EXPECT_EQ(c.batch.back(), 235);
  EXPECT_DOUBLE_EQ(c.epoch.back(), 5.0);
  EXPECT_GE(c.test_accuracy.back(), 0.80);
  EXPECT_LT(c.train_loss.back(), 0.6 * c.train_loss.front());
  EXPECT_FALSE(s.run(0).diverged());
}

TEST(PaperLogregBow, LearnableButNotTrivial) {
  PaperSession s;
  train_to_end(s, R"({"experiment":"logreg_bow","epochs":5,"model":{"dropout":0.5},
                      "optimizers":[{"name":"adam","lr":0.001},{"name":"adagrad","lr":0.03},{"name":"sgd","lr":0.1}]})");
  double best = 0;
  for (size_t r = 0; r < s.run_count(); ++r) best = std::max(best, final_accuracy(s, r));
  EXPECT_GE(best, 0.85);
  EXPECT_LT(best, 0.97);  // label noise 5% and limited evidence per document
  EXPECT_GE(final_accuracy(s, 0), final_accuracy(s, 2));  // as in the paper's Figure 1: Adam ≥ SGD here
}

TEST(PaperMlpImages, LearnsOnASubset) {
  PaperSession s;
  train_to_end(s, R"({"experiment":"mlp_images","model":{"hidden":64,"dropout":0.2,"input_dropout":0.1},
                      "data":{"train":1024,"test":300},"epochs":3,
                      "optimizers":[{"name":"adam","lr":0.003}]})");
  const train::Curves& c = s.run(0).curves();
  EXPECT_GE(c.test_accuracy.back(), 0.6);  // 24 minibatches of 128 (measured 66%)
  EXPECT_LT(c.train_loss.back(), 0.6 * c.train_loss.front());
}

TEST(PaperVaeImages, NegativeElboDecreases) {
  PaperSession s;
  train_to_end(s, R"({"experiment":"vae_images","data":{"train":512,"test":128},"epochs":3,"batch_size":64,
                      "record_every":4,"optimizers":[{"name":"adam","lr":0.001}]})");
  const train::Curves& c = s.run(0).curves();
  ASSERT_EQ(c.points(), 6u);
  EXPECT_LT(c.train_loss.back(), 0.8 * c.train_loss.front());
  EXPECT_LT(c.test_loss.back(), c.test_loss.front());
  EXPECT_TRUE(std::isnan(c.test_accuracy.back()));
  const json::ParseResult result = json::parse(s.result_json());
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result.value.find("runs")->as_array()[0].find("test_accuracy")->is_null());
}

TEST(PaperSession, GridSearchChoosesTheLowestFinalTrainingLoss) {
  PaperSession s;
  train_to_end(s, R"({"experiment":"logreg_images","data":{"train":1024,"test":200},"epochs":1,"seeds":[1,2],
                      "optimizers":[{"name":"sgd","lr_grid":[1e-4,0.1,0.003]},{"name":"adam"}]})");
  ASSERT_EQ(s.run_count(), 8u);  // 3 grid points × 2 seeds + 1 × 2
  const train::GridSummary g = s.summary(0);
  ASSERT_EQ(g.final_train_loss.size(), 3u);
  for (size_t p = 0; p < 3; ++p) {
    const double mean = (s.run(2 * p).curves().train_loss.back() + s.run(2 * p + 1).curves().train_loss.back()) / 2;
    EXPECT_DOUBLE_EQ(g.final_train_loss[p], mean);
  }
  ASSERT_TRUE(g.any_finite);
  EXPECT_EQ(g.chosen, 1u);  // lr 0.1: one epoch at 1e-4 or 0.003 is far from the optimum
  for (size_t k = 0; k < g.batch.size(); ++k) {
    EXPECT_LE(g.train_loss.min[k], g.train_loss.mean[k]);
    EXPECT_LE(g.train_loss.mean[k], g.train_loss.max[k]);
    EXPECT_LE(g.test_accuracy.min[k], g.test_accuracy.max[k]);
  }
  EXPECT_LT(g.train_loss.min.back(), g.train_loss.max.back());  // the seeds differ
  const json::ParseResult result = json::parse(s.result_json());
  ASSERT_TRUE(result.ok());
  const json::Value& grid = result.value.find("grid")->as_array()[0];
  EXPECT_EQ(grid.find("chosen_lr")->as_number(), 0.1);
  EXPECT_EQ(grid.find("lr_grid")->as_array().size(), 3u);
  EXPECT_EQ(grid.find("chosen_runs")->as_array()[0].as_number(), 2);
  EXPECT_EQ(grid.find("train_loss")->find("mean")->as_array().size(), g.batch.size());
}

TEST(PaperSession, DivergenceStopsOnlyThatRun) {
  PaperSession s;
  train_to_end(s, R"({"experiment":"vae_images","model":{"hidden":32,"latent":4},"data":{"train":256,"test":64},
                      "epochs":2,"batch_size":32,"record_every":2,
                      "optimizers":[{"name":"sgd","lr":1000},{"name":"adam","lr":0.001}]})");
  const train::TrainingRun& bad = s.run(0);
  ASSERT_TRUE(bad.diverged());
  EXPECT_GE(bad.diverged_at(), 1u);
  EXPECT_EQ(bad.batches_done(), bad.diverged_at() - 1);
  EXPECT_NE(bad.divergence().find("diverged at minibatch " + std::to_string(bad.diverged_at())), std::string::npos);
  EXPECT_FALSE(s.run(1).diverged());
  EXPECT_EQ(s.run(1).batches_done(), 16u);
  const json::ParseResult result = json::parse(s.result_json());
  ASSERT_TRUE(result.ok());
  const json::Value& run = result.value.find("runs")->as_array()[0];
  EXPECT_EQ(run.find("status")->as_string(), "diverged");
  EXPECT_EQ(run.find("diverged_at")->as_number(), double(bad.diverged_at()));
  const json::Value& grid = result.value.find("grid")->as_array()[0];
  EXPECT_TRUE(grid.find("chosen_lr")->is_null());
  EXPECT_TRUE(grid.find("final_train_loss")->as_array()[0].is_null());
}

TEST(PaperSession, ChunkedAdvanceGivesTheSameBitsAsOneCall) {
  const std::string config = R"({"experiment":"mlp_images","model":{"hidden":16},"data":{"train":300,"test":50},
      "epochs":2,"batch_size":50,"record_every":5,
      "optimizers":[{"name":"nag","lr":0.01,"momentum":0.9},{"name":"adam","lr":0.01,"schedule":"inv_sqrt"}]})";
  PaperSession whole, chunked;
  train_to_end(whole, config);
  std::string error;
  ASSERT_TRUE(chunked.load_images(test::as_bytes(test::fashion_bytes()), error));
  ASSERT_TRUE(chunked.configure(json::parse(config).value, error)) << error;
  uint64_t calls = 0;
  while (!chunked.finished()) {
    EXPECT_LE(chunked.advance(3), 3u);
    ++calls;
  }
  EXPECT_EQ(calls, 4u);  // 12 minibatches, 3 per call
  for (size_t r = 0; r < 2; ++r) {
    EXPECT_EQ(whole.run(r).params(), chunked.run(r).params()) << r;
    EXPECT_EQ(whole.run(r).curves().train_loss, chunked.run(r).curves().train_loss) << r;
    EXPECT_EQ(whole.run(r).curves().test_accuracy, chunked.run(r).curves().test_accuracy) << r;
  }
  chunked.reset();
  EXPECT_EQ(chunked.run(0).batches_done(), 0u);
  EXPECT_EQ(chunked.run(0).curves().points(), 0u);
}

TEST(PaperSession, CurveBuffersNeverMove) {
  PaperSession s;
  std::string error;
  ASSERT_TRUE(s.load_images(test::as_bytes(test::fashion_bytes()), error));
  ASSERT_TRUE(s.configure(json::parse(R"({"experiment":"logreg_images","data":{"train":512,"test":64},"epochs":3,
                                          "batch_size":32,"record_every":1})").value,
                          error))
      << error;
  const double* view = s.run(0).curves().train_loss.data();
  while (!s.finished()) s.advance(5);
  EXPECT_EQ(s.run(0).curves().points(), 48u);
  EXPECT_EQ(s.run(0).curves().train_loss.data(), view);
}

TEST(PaperSession, ConfigChecksAgainstTheData) {
  PaperSession s;
  std::string error;
  const auto config = [](const char* text) { return json::parse(text).value; };
  EXPECT_FALSE(s.configure(config(R"({"experiment":"logreg_images"})"), error));
  EXPECT_NE(error.find("experiment: logreg_images needs the image data"), std::string::npos) << error;
  ASSERT_TRUE(s.load_images(test::as_bytes(test::fashion_bytes()), error));
  EXPECT_FALSE(s.configure(config(R"({"experiment":"logreg_images","data":{"train":7000}})"), error));
  EXPECT_NE(error.find("data.train: must be at most 6000 (the images loaded), got 7000"), std::string::npos) << error;
  EXPECT_FALSE(s.configure(config(R"({"experiment":"logreg_images","data":{"test":1001}})"), error));
  EXPECT_NE(error.find("data.test: must be at most 1000"), std::string::npos) << error;
  EXPECT_FALSE(s.configure(config(R"({"experiment":"logreg_images","data":{"train":100}})"), error));
  EXPECT_NE(error.find("batch_size: must be at most data.train = 100, got 128"), std::string::npos) << error;
  EXPECT_FALSE(s.configure(config(R"({"experiment":"logreg_images","epochs":1,"record_every":48})"), error));
  EXPECT_NE(error.find("record_every: must be at most the 47 minibatches of the run, got 48"), std::string::npos)
      << error;
  EXPECT_FALSE(s.load_images(test::as_bytes(std::string("GSIMAGE")), error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  EXPECT_TRUE(s.has_images());  // a failed load keeps the data loaded before
}

TEST(PaperSession, ResultHoldsTheResolvedConfig) {
  PaperSession s;
  train_to_end(s, R"({"experiment":"logreg_bow","data":{"train":256,"test":64,"vocabulary":500},"epochs":1,
                      "batch_size":64,"seed":4,"optimizers":[{"name":"adam","lr":0.01,"bias_correction":false}]})");
  const json::ParseResult r = json::parse(s.result_json());
  ASSERT_TRUE(r.ok()) << r.error;
  const json::Value& v = r.value;
  EXPECT_EQ(v.find("experiment")->as_string(), "logreg_bow");
  EXPECT_EQ(v.find("model")->find("dropout")->as_number(), 0.5);
  EXPECT_EQ(v.find("data")->find("vocabulary")->as_number(), 500);
  EXPECT_EQ(v.find("parameters")->as_number(), 501);
  EXPECT_EQ(v.find("batches_per_epoch")->as_number(), 4);
  EXPECT_EQ(v.find("record_every")->as_number(), 1);
  EXPECT_EQ(v.find("seeds")->as_array()[0].as_number(), 4);
  const json::Value& run = v.find("runs")->as_array()[0];
  EXPECT_EQ(run.find("optimizer")->find("name")->as_string(), "adam");
  EXPECT_FALSE(run.find("optimizer")->find("bias_correction")->as_bool());
  EXPECT_EQ(run.find("lr")->as_number(), 0.01);
  EXPECT_EQ(run.find("status")->as_string(), "ok");
  EXPECT_TRUE(run.find("diverged_at")->is_null());
  EXPECT_EQ(run.find("batch")->as_array().size(), 4u);
  EXPECT_EQ(run.find("test_accuracy")->as_array().size(), 4u);
  EXPECT_TRUE(run.find("seconds_per_epoch")->is_number());
}

}  // namespace
}  // namespace gs

namespace gs {
namespace {

// FNV-1a over the bits of every parameter and recorded loss: one number for a whole run.
uint64_t fingerprint(const train::TrainingRun& run) {
  uint64_t h = 1469598103934665603ULL;
  const auto mix = [&h](const void* p, size_t n) {
    for (size_t k = 0; k < n; ++k) h = (h ^ static_cast<const uint8_t*>(p)[k]) * 1099511628211ULL;
  };
  mix(run.params().data(), run.params().size() * sizeof(float));
  mix(run.curves().train_loss.data(), run.curves().points() * sizeof(double));
  mix(run.curves().test_loss.data(), run.curves().points() * sizeof(double));
  return h;
}

// The same bits natively (SSE2) and in wasm (SIMD and scalar builds run this suite too): f32
// kernels without contraction, losses through gs::dm, noise from the counter-based RNG.
TEST(PaperSession, SameBitsOnEveryPlatform) {
  struct Golden {
    const char* config;
    uint64_t fingerprint;
  };
  const Golden cases[] = {
      {R"({"experiment":"logreg_bow","data":{"train":512,"test":64,"vocabulary":2000},"epochs":1,"batch_size":64,
           "optimizers":[{"name":"adam","lr":0.01,"schedule":"inv_sqrt"}]})",
       8702549989493614148ULL},
      {R"({"experiment":"mlp_images","model":{"hidden":24},"data":{"train":256,"test":64},"epochs":1,"batch_size":64,
           "optimizers":[{"name":"rmsprop","lr":0.001}]})",
       10107594082564567562ULL},
      {R"({"experiment":"vae_images","model":{"hidden":24,"latent":4},"data":{"train":256,"test":64},"epochs":1,
           "batch_size":64,"optimizers":[{"name":"adamax","lr":0.002}]})",
       12255030342229281037ULL},
  };
  for (const auto& c : cases) {
    PaperSession s;
    train_to_end(s, c.config);
    EXPECT_EQ(fingerprint(s.run(0)), c.fingerprint) << c.config;
  }
}

}  // namespace
}  // namespace gs
