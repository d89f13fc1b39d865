// The paper lab's config (docs/schema.md): defaults, resolution and every bad field.
#include <gtest/gtest.h>

#include "data_test_support.hpp"
#include "labs/paper/paper_config.hpp"
#include "optim/rules/sgd.hpp"

namespace gs {
namespace {

bool parse(const std::string& text, labs::PaperConfig& out, std::string& error) {
  json::ParseResult parsed = json::parse(text);
  EXPECT_TRUE(parsed.ok()) << parsed.error;
  return labs::parse_paper_config(parsed.value, out, error);
}

TEST(PaperConfig, Defaults) {
  labs::PaperConfig c;
  std::string error;
  ASSERT_TRUE(parse(R"({"version":1,"experiment":"mlp_images"})", c, error)) << error;
  EXPECT_EQ(c.experiment, labs::Experiment::MlpImages);
  EXPECT_EQ(c.epochs, 5u);
  EXPECT_EQ(c.batch_size, 128u);
  EXPECT_EQ(c.seeds, std::vector<uint64_t>{1});
  EXPECT_EQ(c.model.hidden, 256u);
  EXPECT_EQ(c.model.dropout, 0.5);
  EXPECT_EQ(c.model.input_dropout, 0.2);
  ASSERT_EQ(c.optimizers.size(), 1u);
  EXPECT_EQ(c.optimizers[0].spec.kind, optim::optimizer_kind("adam"));
  EXPECT_EQ(c.optimizers[0].lr_grid, std::vector<double>{1e-3});
  ASSERT_TRUE(parse(R"({"experiment":"vae_images"})", c, error)) << error;
  EXPECT_EQ(c.model.hidden, 200u);
  EXPECT_EQ(c.model.latent, 20u);
  ASSERT_TRUE(parse(R"({"experiment":"logreg_bow"})", c, error)) << error;
  EXPECT_EQ(c.data.train, 5000u);
  EXPECT_EQ(c.data.test, 1000u);
  EXPECT_EQ(c.data.bow.vocabulary, 10000u);
  EXPECT_EQ(c.data.bow.train, 5000u);
}

TEST(PaperConfig, OptimizerEntriesGoThroughTheRunConfigParser) {
  labs::PaperConfig c;
  std::string error;
  ASSERT_TRUE(parse(R"({"experiment":"logreg_images","seeds":[3,1],
    "optimizers":[{"name":"adam","lr_grid":[1e-4,3e-4,1e-3],"bias_correction":false,"schedule":{"name":"inv_sqrt"}},
                  {"name":"sgd","lr":0.1,"momentum":0.9,"nesterov":true,"label":"NAG"}]})",
                    c, error))
      << error;
  EXPECT_EQ(c.seeds, (std::vector<uint64_t>{3, 1}));
  ASSERT_EQ(c.optimizers.size(), 2u);
  EXPECT_EQ(c.optimizers[0].lr_grid, (std::vector<double>{1e-4, 3e-4, 1e-3}));
  EXPECT_FALSE(c.optimizers[0].spec.bias_correction);
  EXPECT_EQ(c.optimizers[0].spec.schedule.kind, optim::ScheduleKind::InvSqrt);
  EXPECT_EQ(c.optimizers[1].spec.own[optim::rules::Sgd::Own::nesterov], 1);
  EXPECT_EQ(c.optimizers[1].spec.label, "NAG");
  EXPECT_EQ(c.optimizers[1].lr_grid, std::vector<double>{0.1});
}

struct BadConfig {
  const char* config;
  const char* message;
};

TEST(PaperConfig, BadFieldsAreNamedWithTheirRange) {
  const BadConfig cases[] = {
      {R"([])", "must be an object"},
      {R"({"version":2,"experiment":"logreg_images"})", "version: must be an integer in [1, 1]"},
      {R"({})", "experiment: missing. Allowed: logreg_images, logreg_bow, mlp_images, vae_images."},
      {R"({"experiment":"logreg_imgs"})", "did you mean \"logreg_images\""},
      {R"({"experiment":"logreg_images","epoch":3})", "did you mean \"epochs\""},
      {R"({"experiment":"logreg_images","epochs":0})", "epochs: must be an integer in [1, 1000], got 0"},
      {R"({"experiment":"logreg_images","epochs":2.5})", "epochs: must be an integer"},
      {R"({"experiment":"logreg_images","batch_size":5000})", "batch_size: must be an integer in [1, 4096], got 5000"},
      {R"({"experiment":"logreg_images","record_every":0})", "record_every: must be an integer in [1, 1000000000]"},
      {R"({"experiment":"logreg_images","model":{"hidden":3}})", "model: logreg_images has no model parameters"},
      {R"({"experiment":"mlp_images","model":{"hidden":0}})", "model.hidden: must be an integer in [1, 2048], got 0"},
      {R"({"experiment":"mlp_images","model":{"dropout":1}})", "model.dropout: must be a number in [0, 1), got 1"},
      {R"({"experiment":"mlp_images","model":{"input_dropout":-0.1}})", "model.input_dropout: must be a number in [0, 1)"},
      {R"({"experiment":"vae_images","model":{"latent":300}})", "model.latent: must be an integer in [1, 256], got 300"},
      {R"({"experiment":"vae_images","model":{"dropout":0.5}})", "model.dropout: unknown field. Allowed: hidden, latent."},
      {R"({"experiment":"logreg_bow","model":{"dropout":"half"}})", "model.dropout: must be a number"},
      {R"({"experiment":"logreg_bow","data":{"vocabulary":1}})", "data.vocabulary: must be an integer in [2, 100000], got 1"},
      {R"({"experiment":"logreg_bow","data":{"label_noise":0.7}})", "data.label_noise: must be a number in [0, 0.5], got 0.7"},
      {R"({"experiment":"logreg_bow","data":{"strength":6}})", "data.strength: must be a number in [0, 5], got 6"},
      {R"({"experiment":"logreg_images","data":{"train":0}})", "data.train: must be an integer in [1, 100000], got 0"},
      {R"({"experiment":"logreg_images","data":{"zipf":1}})", "data.zipf: unknown field. Allowed: train, test."},
      {R"({"experiment":"logreg_images","seeds":[]})", "seeds: must be an array of 1 to 16 integers"},
      {R"({"experiment":"logreg_images","seeds":[1,1]})", "seeds[1]: seed 1 is listed twice"},
      {R"({"experiment":"logreg_images","seeds":[1,-2]})", "seeds[1]: must be an integer in [0, 9007199254740991], got -2"},
      {R"({"experiment":"logreg_images","seed":1,"seeds":[2]})", "seeds: give either seed or seeds, not both"},
      {R"({"experiment":"logreg_images","optimizers":[]})", "optimizers: must be an array of 1 to 16 optimizer objects"},
      {R"({"experiment":"logreg_images","optimizers":[{"name":"adm"}]})",
       "optimizers[0].name: unknown optimizer \"adm\"; did you mean \"adam\""},
      {R"({"experiment":"logreg_images","optimizers":[{"name":"adam","beta2":1.5}]})",
       "optimizers[0].beta2: must be a number in [0, 1), got 1.5"},
      {R"({"experiment":"logreg_images","optimizers":[{"name":"adam","schedule":{"name":"inv_sqr"}}]})",
       "optimizers[0].schedule.name: unknown schedule \"inv_sqr\""},
      {R"({"experiment":"logreg_images","optimizers":[{"name":"adam","lr":0.1,"lr_grid":[0.1]}]})",
       "optimizers[0].lr_grid: give either lr or lr_grid, not both"},
      {R"({"experiment":"logreg_images","optimizers":[{"name":"sgd","lr_grid":[]}]})",
       "optimizers[0].lr_grid: must be an array of 1 to 16 learning rates"},
      {R"({"experiment":"logreg_images","optimizers":[{"name":"sgd","lr_grid":[0.1,0]}]})",
       "optimizers[0].lr_grid[1]: must be a number in (0, 1000], got 0"},
      {R"({"experiment":"logreg_images","seeds":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16],
          "optimizers":[{"name":"sgd","lr_grid":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]},{"name":"adam"}]})",
       "optimizers: 272 runs (optimizers × lr_grid points × seeds), at most 256"},
  };
  for (const auto& c : cases) {
    labs::PaperConfig out;
    std::string error;
    EXPECT_FALSE(parse(c.config, out, error)) << c.config;
    EXPECT_NE(error.find(c.message), std::string::npos) << c.config << "\n  got: " << error;
  }
}

}  // namespace
}  // namespace gs
