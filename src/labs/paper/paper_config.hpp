// The paper lab's config (docs/schema.md, version 1): one of the Adam paper's
// Section 6 experiments (Kingma & Ba 2015), its model and data, epochs, minibatch size, seeds,
// the record interval and up to 16 optimizers, each with an optional learning-rate grid.
// parse_paper_config validates every field once and names the failing one; the optimizer entries
// go through optim::parse_optimizer, the same code as the run config's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/json.hpp"
#include "data/sparse_dataset.hpp"
#include "optim/spec.hpp"
#include "schema/table.hpp"

namespace gs::labs {

enum class Experiment { LogregImages, LogregBow, MlpImages, VaeImages };

inline constexpr size_t kMaxPaperOptimizers = 16;
inline constexpr size_t kMaxGridPoints = 16;
inline constexpr size_t kMaxSeeds = 16;
inline constexpr size_t kMaxPaperRuns = 256;  // optimizers × grid points × seeds
inline constexpr uint64_t kMaxEpochs = 1000;
inline constexpr size_t kMaxBatchSize = 4096;
inline constexpr size_t kMaxPaperRecords = 100000;  // record points per run

struct ModelConfig {
  double dropout = 0.5;        // logreg_bow: on the features; mlp_images: on the hidden units
  double input_dropout = 0.2;  // mlp_images
  size_t hidden = 256;         // mlp_images (256), vae_images (200)
  size_t latent = 20;          // vae_images
};

struct DataConfig {
  size_t train = 0;  // 0: every image of the file (image experiments)
  size_t test = 0;
  data::BagOfWordsTaskParams bow;  // logreg_bow: the generator (train and test copied from above)
};

struct PaperOptimizer {
  optim::OptimizerSpec spec;   // spec.lr is the first grid point
  std::vector<double> lr_grid;  // at least one learning rate
};

struct PaperConfig {
  Experiment experiment = Experiment::LogregImages;
  ModelConfig model;
  DataConfig data;
  uint64_t epochs = 5;
  size_t batch_size = 128;
  std::vector<uint64_t> seeds{1};
  uint64_t record_every = 0;  // 0: ⌈batches per epoch / 4⌉, resolved by the session
  std::vector<PaperOptimizer> optimizers;
};

const char* experiment_name(Experiment e);
bool is_image_experiment(Experiment e);
bool parse_paper_config(const json::Value& config, PaperConfig& out, std::string& error);
const schema::Table<PaperConfig>& paper_config_table();

// The resolved model and data objects of the result (only the keys the experiment has).
json::Value model_json(const PaperConfig& config);
json::Value data_json(const PaperConfig& config);

}  // namespace gs::labs
