// The paper config's table and readers: the experiment, its model and data (paper_experiments.cpp),
// epochs, seeds, the optimizer entries with their lr_grid, and the resolved model and data.
#include "labs/paper/paper_config.hpp"

#include "core/check.hpp"
#include "engine/config_fields.hpp"
#include "labs/paper/paper_experiments.hpp"
#include "optim/registry.hpp"

namespace gs::labs {

namespace {

using check::ParamType;
using check::Range;
using engine::optimizer_list_schema;

// An optimizer entry: the run config's optimizer object (optim::parse_optimizer) plus `lr_grid`.
bool parse_paper_optimizer(const json::Value& value, const std::string& path, PaperOptimizer& out,
                           std::string& error) {
  if (!check::expect_object(value, path, error)) return false;
  json::Value entry{json::Object{}};
  const json::Value* grid = nullptr;
  for (const auto& [key, v] : value.as_object()) {
    if (key == "lr_grid") grid = &v;
    else entry.set(key, v);
  }
  PaperOptimizer result;
  if (!optim::parse_optimizer(entry, path, result.spec, error)) return false;
  error = optim::per_coordinate_error(result.spec, path, "the paper lab (its models have many parameters)");
  if (!error.empty()) return false;
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

bool read_experiment(const json::Value* value, const std::string& path, const json::Value&, PaperConfig& out,
                     std::string& error) {
  if (!value) {
    error = path + ": missing. Allowed: " + check::join(kExperimentNames) + ".";
    return false;
  }
  std::string name;
  if (!check::read_string(value, path, name, error)) return false;
  for (size_t i = 0; i < std::size(kExperimentNames); ++i)
    if (name == kExperimentNames[i]) {
      out.experiment = Experiment(i);
      return true;
    }
  error = path + ": " + check::unknown_name("experiment", name, kExperimentNames);
  return false;
}

bool read_model(const json::Value* value, const std::string& path, const json::Value&, PaperConfig& out,
                std::string& error) {
  if (out.experiment == Experiment::VaeImages) out.model.hidden = 200;
  if (!value) return true;
  if (!check::expect_object(*value, path, error)) return false;
  if (out.experiment == Experiment::LogregImages && !value->as_object().empty()) {
    error = path + ": logreg_images has no model parameters, got \"" + value->as_object()[0].first + "\"";
    return false;
  }
  return schema::parse(model_table(out.experiment), *value, path, out.model, error);
}

bool read_data(const json::Value* value, const std::string& path, const json::Value&, PaperConfig& out,
               std::string& error) {
  DataConfig& data = out.data;
  if (out.experiment == Experiment::LogregBow) {
    data.train = data.bow.train;
    data.test = data.bow.test;
  }
  if (value && !schema::parse(data_table(out.experiment), *value, path, data, error)) return false;
  data.bow.train = data.train;
  data.bow.test = data.test;
  return true;
}

bool read_seed(const json::Value* value, const std::string& path, const json::Value& config, PaperConfig& out,
               std::string& error) {
  if (value && config.find("seeds")) {
    error = "seeds: give either seed or seeds, not both";
    return false;
  }
  double s = 1;
  if (!check::read_number(value, path, ParamType::Integer, Range{0, kMaxSeed}, s, error)) return false;
  if (value) out.seeds = {uint64_t(s)};
  return true;
}

bool read_seeds(const json::Value* seeds, const std::string& path, const json::Value&, PaperConfig& out,
                std::string& error) {
  if (!seeds) return true;
  if (!seeds->is_array() || seeds->as_array().empty() || seeds->as_array().size() > kMaxSeeds) {
    error = path + ": must be an array of 1 to " + std::to_string(kMaxSeeds) + " integers";
    return false;
  }
  out.seeds.clear();
  for (size_t i = 0; i < seeds->as_array().size(); ++i) {
    double s = 0;
    if (!check::read_number(&seeds->as_array()[i], check::index(path, i), ParamType::Integer, Range{0, kMaxSeed}, s,
                            error))
      return false;
    for (uint64_t previous : out.seeds)
      if (previous == uint64_t(s)) {
        error = check::index(path, i) + ": seed " + check::format_number(s) + " is listed twice";
        return false;
      }
    out.seeds.push_back(uint64_t(s));
  }
  return true;
}

bool read_record_every(const json::Value* every, const std::string& path, const json::Value&, PaperConfig& out,
                       std::string& error) {
  double r = 1;
  if (!check::read_number(every, path, ParamType::Integer, Range{1, 1e9}, r, error)) return false;
  if (every) out.record_every = uint64_t(r);
  return true;
}

bool read_optimizers(const json::Value* value, const std::string& path, const json::Value&, PaperConfig& out,
                     std::string& error) {
  if (!value) {
    out.optimizers = {{optim::default_spec("adam"), {optim::default_spec("adam").lr}}};
    return true;
  }
  if (!value->is_array() || value->as_array().empty() || value->as_array().size() > kMaxPaperOptimizers) {
    error = path + ": must be an array of 1 to " + std::to_string(kMaxPaperOptimizers) + " optimizer objects";
    return false;
  }
  for (size_t i = 0; i < value->as_array().size(); ++i) {
    PaperOptimizer o;
    if (!parse_paper_optimizer(value->as_array()[i], check::index(path, i), o, error)) return false;
    out.optimizers.push_back(std::move(o));
  }
  return true;
}

schema::Field<PaperConfig> experiment_object(const char* key, schema::Reader<PaperConfig> read,
                                             const char* default_text, const char* description) {
  auto f = schema::computed_default(schema::custom<PaperConfig>(key, "object", "the experiment's keys (below)",
                                                                json::Value(),
                                                                json::Value(json::Object{{"type", "object"}}),
                                                                description, std::move(read)),
                                    default_text);
  f.doc.fields = experiment_docs(std::string_view(key) == "model");
  return f;
}

}  // namespace

const schema::Table<PaperConfig>& paper_config_table() {
  using schema::custom;
  json::Value seeds{json::Object{}};
  seeds.set("type", "array");
  seeds.set("items", schema::number_schema(ParamType::Integer, Range{0, kMaxSeed}));
  seeds.set("minItems", 1);
  seeds.set("maxItems", double(kMaxSeeds));
  seeds.set("uniqueItems", true);
  static const schema::Table<PaperConfig> table{
      "Paper config",
      "One of the Adam paper's Section 6 experiments, its model and data, epochs, minibatch size, seeds and up to "
      "16 optimizers, each with an optional learning-rate grid (gradscape paper, gs.paper, the paper lab).",
      {schema::version<PaperConfig>(),
       schema::required(custom<PaperConfig>("experiment", "string", check::join(kExperimentNames), json::Value(),
                                            schema::enum_schema(kExperimentNames), "which experiment",
                                            read_experiment)),
       experiment_object("model", read_model, "the experiment's", "the experiment's model parameters"),
       experiment_object("data", read_data, "all of it", "how much data (and the generated documents' parameters)"),
       schema::number<PaperConfig>("epochs", ParamType::Integer, Range{1, double(kMaxEpochs)}, &PaperConfig::epochs,
                                   "passes over the training set"),
       schema::number<PaperConfig>("batch_size", ParamType::Integer, Range{1, double(kMaxBatchSize)},
                                   &PaperConfig::batch_size, "examples per minibatch, at most data.train"),
       custom<PaperConfig>("seed", "integer", schema::number_allowed(ParamType::Integer, Range{0, kMaxSeed}),
                           json::Value(), schema::number_schema(ParamType::Integer, Range{0, kMaxSeed}),
                           "shorthand for seeds: [seed] (not with seeds)", read_seed),
       custom<PaperConfig>("seeds", "array", "1 to 16 distinct integers in [0, 9007199254740991]",
                           json::Value(json::Array{1}), std::move(seeds),
                           "one run per seed and grid point; a seed fixes the initial parameters, the shuffles, the "
                           "dropout masks and the VAE's ε, the same for every optimizer",
                           read_seeds),
       schema::computed_default(
           custom<PaperConfig>("record_every", "integer", "integer in [1, 1000000000], at most 100000 record points",
                               json::Value(), schema::number_schema(ParamType::Integer, Range{1, 1e9}),
                               "a record point every N minibatches, and after the last", read_record_every),
           "⌈minibatches per epoch / 4⌉"),
       schema::computed_default(
           custom<PaperConfig>("optimizers", "array", "1 to 16 optimizer entries, at most 256 runs in all",
                               json::Value(), optimizer_list_schema("paper_optimizer", kMaxPaperOptimizers),
                               "optimizer objects, each with an optional lr_grid instead of lr", read_optimizers),
           "one Adam with torch's defaults")},
      experiment_rules()};
  return table;
}

bool parse_paper_config(const json::Value& config, PaperConfig& out, std::string& error) {
  PaperConfig result;
  if (!schema::parse(paper_config_table(), config, "", result, error)) return false;
  size_t runs = 0;
  for (const auto& o : result.optimizers) runs += o.lr_grid.size() * result.seeds.size();
  if (runs > kMaxPaperRuns) {
    error = "optimizers: " + std::to_string(runs) + " runs (optimizers × lr_grid points × seeds), at most " +
            std::to_string(kMaxPaperRuns);
    return false;
  }
  out = std::move(result);
  return true;
}

const char* experiment_name(Experiment e) { return kExperimentNames[size_t(e)].data(); }

bool is_image_experiment(Experiment e) { return e != Experiment::LogregBow; }

json::Value model_json(const PaperConfig& config) {
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

json::Value data_json(const PaperConfig& config) {
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

}  // namespace gs::labs
