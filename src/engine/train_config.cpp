#include "engine/train_config.hpp"

#include "core/check.hpp"
#include "engine/run_config.hpp"
#include "optim/registry.hpp"

namespace gs::engine {

namespace {

using check::ParamType;
using check::Range;

constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 − 1: every integer a JSON number holds
constexpr std::string_view kExperimentNames[] = {"logreg_images", "logreg_bow", "mlp_images", "vae_images"};
constexpr Range kDropout{0, 1, false, true};
constexpr Range kHidden{1, 2048};

bool read_size(const json::Value* v, const std::string& path, const Range& range, size_t& out, std::string& error) {
  double x = double(out);
  if (!check::read_number(v, path, ParamType::Integer, range, x, error)) return false;
  out = size_t(x);
  return true;
}

bool parse_experiment(const json::Value* value, Experiment& out, std::string& error) {
  if (!value) {
    error = "experiment: missing. Allowed: " + check::join(kExperimentNames) + ".";
    return false;
  }
  std::string name;
  if (!check::read_string(value, "experiment", name, error)) return false;
  for (size_t i = 0; i < std::size(kExperimentNames); ++i)
    if (name == kExperimentNames[i]) {
      out = Experiment(i);
      return true;
    }
  error = "experiment: " + check::unknown_name("experiment", name, kExperimentNames);
  return false;
}

bool parse_model(const json::Value* value, Experiment experiment, ModelConfig& out, std::string& error) {
  if (experiment == Experiment::VaeImages) out.hidden = 200;
  if (!value) return true;
  if (!check::expect_object(*value, "model", error)) return false;
  switch (experiment) {
    case Experiment::LogregImages:
      if (!value->as_object().empty()) {
        error = "model: logreg_images has no model parameters, got \"" + value->as_object()[0].first + "\"";
        return false;
      }
      return true;
    case Experiment::LogregBow: {
      static constexpr std::string_view kAllowed[] = {"dropout"};
      return check::known_keys(*value, "model", kAllowed, error) &&
             check::read_number(value->find("dropout"), "model.dropout", ParamType::Real, kDropout, out.dropout, error);
    }
    case Experiment::MlpImages: {
      static constexpr std::string_view kAllowed[] = {"hidden", "dropout", "input_dropout"};
      return check::known_keys(*value, "model", kAllowed, error) &&
             read_size(value->find("hidden"), "model.hidden", kHidden, out.hidden, error) &&
             check::read_number(value->find("dropout"), "model.dropout", ParamType::Real, kDropout, out.dropout,
                                error) &&
             check::read_number(value->find("input_dropout"), "model.input_dropout", ParamType::Real, kDropout,
                                out.input_dropout, error);
    }
    case Experiment::VaeImages: {
      static constexpr std::string_view kAllowed[] = {"hidden", "latent"};
      return check::known_keys(*value, "model", kAllowed, error) &&
             read_size(value->find("hidden"), "model.hidden", kHidden, out.hidden, error) &&
             read_size(value->find("latent"), "model.latent", Range{1, 256}, out.latent, error);
    }
  }
  return true;
}

bool parse_data(const json::Value* value, Experiment experiment, DataConfig& out, std::string& error) {
  data::BagOfWordsTaskParams& bow = out.bow;
  if (experiment == Experiment::LogregBow) {
    out.train = bow.train;
    out.test = bow.test;
  }
  if (value) {
    if (!check::expect_object(*value, "data", error)) return false;
    const Range counts{1, 100000};
    if (is_image_experiment(experiment)) {
      static constexpr std::string_view kAllowed[] = {"train", "test"};
      if (!check::known_keys(*value, "data", kAllowed, error) ||
          !read_size(value->find("train"), "data.train", counts, out.train, error) ||
          !read_size(value->find("test"), "data.test", counts, out.test, error))
        return false;
    } else {
      static constexpr std::string_view kAllowed[] = {"train", "test", "vocabulary", "words", "zipf", "polar",
                                                      "strength",   "label_noise", "seed"};
      double seed = double(bow.seed);
      if (!check::known_keys(*value, "data", kAllowed, error) ||
          !read_size(value->find("train"), "data.train", Range{1, 50000}, out.train, error) ||
          !read_size(value->find("test"), "data.test", Range{1, 50000}, out.test, error) ||
          !read_size(value->find("vocabulary"), "data.vocabulary", Range{2, 100000}, bow.vocabulary, error) ||
          !read_size(value->find("words"), "data.words", Range{1, 5000}, bow.words, error) ||
          !check::read_number(value->find("zipf"), "data.zipf", ParamType::Real, Range{0, 3}, bow.zipf, error) ||
          !check::read_number(value->find("polar"), "data.polar", ParamType::Real, Range{0, 1}, bow.polar, error) ||
          !check::read_number(value->find("strength"), "data.strength", ParamType::Real, Range{0, 5}, bow.strength,
                              error) ||
          !check::read_number(value->find("label_noise"), "data.label_noise", ParamType::Real, Range{0, 0.5},
                              bow.label_noise, error) ||
          !check::read_number(value->find("seed"), "data.seed", ParamType::Integer, Range{0, kMaxSeed}, seed, error))
        return false;
      bow.seed = uint64_t(seed);
    }
  }
  bow.train = out.train;
  bow.test = out.test;
  return true;
}

bool parse_seeds(const json::Value& config, std::vector<uint64_t>& out, std::string& error) {
  const json::Value* seed = config.find("seed");
  const json::Value* seeds = config.find("seeds");
  if (seed && seeds) {
    error = "seeds: give either seed or seeds, not both";
    return false;
  }
  if (seed) {
    double s = 1;
    if (!check::read_number(seed, "seed", ParamType::Integer, Range{0, kMaxSeed}, s, error)) return false;
    out = {uint64_t(s)};
    return true;
  }
  if (!seeds) return true;
  if (!seeds->is_array() || seeds->as_array().empty() || seeds->as_array().size() > kMaxSeeds) {
    error = "seeds: must be an array of 1 to " + std::to_string(kMaxSeeds) + " integers";
    return false;
  }
  out.clear();
  for (size_t i = 0; i < seeds->as_array().size(); ++i) {
    double s = 0;
    if (!check::read_number(&seeds->as_array()[i], check::index("seeds", i), ParamType::Integer, Range{0, kMaxSeed},
                            s, error))
      return false;
    for (uint64_t previous : out)
      if (previous == uint64_t(s)) {
        error = check::index("seeds", i) + ": seed " + check::format_number(s) + " is listed twice";
        return false;
      }
    out.push_back(uint64_t(s));
  }
  return true;
}

// An optimizer entry: the run config's optimizer object (optim::parse_optimizer) plus `lr_grid`.
bool parse_train_optimizer(const json::Value& value, const std::string& path, TrainOptimizer& out,
                           std::string& error) {
  if (!check::expect_object(value, path, error)) return false;
  json::Value entry{json::Object{}};
  const json::Value* grid = nullptr;
  for (const auto& [key, v] : value.as_object()) {
    if (key == "lr_grid") grid = &v;
    else entry.set(key, v);
  }
  TrainOptimizer result;
  if (!optim::parse_optimizer(entry, path, result.spec, error)) return false;
  if (!grid) {
    result.lr_grid = {result.spec.lr};
  } else {
    const std::string grid_path = check::field(path, "lr_grid");
    if (value.find("lr")) {
      error = grid_path + ": give either lr or lr_grid, not both";
      return false;
    }
    if (!grid->is_array() || grid->as_array().empty() || grid->as_array().size() > kMaxGridPoints) {
      error = grid_path + ": must be an array of 1 to " + std::to_string(kMaxGridPoints) + " learning rates";
      return false;
    }
    const optim::HyperInfo* lr = nullptr;
    for (const auto& h : optim::info(result.spec.kind).hypers)
      if (std::string_view(h.name) == "lr") lr = &h;
    for (size_t i = 0; i < grid->as_array().size(); ++i) {
      double x = 0;
      if (!check::read_number(&grid->as_array()[i], check::index(grid_path, i), ParamType::Real, lr->range, x, error))
        return false;
      result.lr_grid.push_back(x);
    }
    result.spec.lr = result.lr_grid[0];
  }
  out = std::move(result);
  return true;
}

bool parse_optimizers(const json::Value* value, std::vector<TrainOptimizer>& out, std::string& error) {
  if (!value) {
    out.push_back({optim::default_spec(optim::Kind::Adam), {optim::default_spec(optim::Kind::Adam).lr}});
    return true;
  }
  if (!value->is_array() || value->as_array().empty() || value->as_array().size() > kMaxTrainOptimizers) {
    error = "optimizers: must be an array of 1 to " + std::to_string(kMaxTrainOptimizers) + " optimizer objects";
    return false;
  }
  for (size_t i = 0; i < value->as_array().size(); ++i) {
    TrainOptimizer o;
    if (!parse_train_optimizer(value->as_array()[i], check::index("optimizers", i), o, error)) return false;
    out.push_back(std::move(o));
  }
  return true;
}

}  // namespace

const char* experiment_name(Experiment e) { return kExperimentNames[size_t(e)].data(); }

bool is_image_experiment(Experiment e) { return e != Experiment::LogregBow; }

bool parse_train_config(const json::Value& config, TrainConfig& out, std::string& error) {
  if (!check::expect_object(config, "", error)) return false;
  static constexpr std::string_view kAllowed[] = {"version",    "experiment", "model", "data",         "epochs",
                                                  "batch_size", "seed",       "seeds", "record_every", "optimizers"};
  if (!check::known_keys(config, "", kAllowed, error)) return false;
  if (!parse_version(config, error)) return false;
  TrainConfig result;
  if (!parse_experiment(config.find("experiment"), result.experiment, error) ||
      !parse_model(config.find("model"), result.experiment, result.model, error) ||
      !parse_data(config.find("data"), result.experiment, result.data, error))
    return false;
  double epochs = double(result.epochs);
  if (!check::read_number(config.find("epochs"), "epochs", ParamType::Integer, Range{1, double(kMaxEpochs)}, epochs,
                          error) ||
      !read_size(config.find("batch_size"), "batch_size", Range{1, double(kMaxBatchSize)}, result.batch_size, error))
    return false;
  result.epochs = uint64_t(epochs);
  if (!parse_seeds(config, result.seeds, error)) return false;
  if (const json::Value* every = config.find("record_every")) {
    double r = 1;
    if (!check::read_number(every, "record_every", ParamType::Integer, Range{1, 1e9}, r, error)) return false;
    result.record_every = uint64_t(r);
  }
  if (!parse_optimizers(config.find("optimizers"), result.optimizers, error)) return false;
  size_t runs = 0;
  for (const auto& o : result.optimizers) runs += o.lr_grid.size() * result.seeds.size();
  if (runs > kMaxTrainRuns) {
    error = "optimizers: " + std::to_string(runs) + " runs (optimizers × lr_grid points × seeds), at most " +
            std::to_string(kMaxTrainRuns);
    return false;
  }
  out = std::move(result);
  return true;
}

json::Value model_json(const TrainConfig& config) {
  json::Value v{json::Object{}};
  const ModelConfig& m = config.model;
  switch (config.experiment) {
    case Experiment::LogregImages: break;
    case Experiment::LogregBow: v.set("dropout", m.dropout); break;
    case Experiment::MlpImages:
      v.set("hidden", double(m.hidden));
      v.set("dropout", m.dropout);
      v.set("input_dropout", m.input_dropout);
      break;
    case Experiment::VaeImages:
      v.set("hidden", double(m.hidden));
      v.set("latent", double(m.latent));
      break;
  }
  return v;
}

json::Value data_json(const TrainConfig& config) {
  json::Value v{json::Object{}};
  v.set("train", double(config.data.train));
  v.set("test", double(config.data.test));
  if (!is_image_experiment(config.experiment)) {
    const data::BagOfWordsTaskParams& b = config.data.bow;
    v.set("vocabulary", double(b.vocabulary));
    v.set("words", double(b.words));
    v.set("zipf", b.zipf);
    v.set("polar", b.polar);
    v.set("strength", b.strength);
    v.set("label_noise", b.label_noise);
    v.set("seed", double(b.seed));
  }
  return v;
}

}  // namespace gs::engine
