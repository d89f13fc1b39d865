// The paper config's per-experiment parts (see paper_experiments.hpp).
#include "labs/paper/paper_experiments.hpp"

namespace gs::labs {

namespace {

using check::ParamType;
using check::Range;

constexpr Range kDropout{0, 1, false, true};
constexpr Range kHidden{1, 2048};

}  // namespace

const schema::Table<ModelConfig>& model_table(Experiment experiment) {
  using schema::number;
  const auto dropout = [](const char* what) {
    return number<ModelConfig>("dropout", ParamType::Real, kDropout, &ModelConfig::dropout,
                               std::string("dropout probability ") + what);
  };
  const auto hidden = [](double def, const char* description) {
    return schema::with_default(
        number<ModelConfig>("hidden", ParamType::Integer, kHidden, &ModelConfig::hidden, description), def);
  };
  static const schema::Table<ModelConfig> none{"", "", {}, {}};
  static const schema::Table<ModelConfig> bow{"", "", {dropout("on the features")}, {}};
  static const schema::Table<ModelConfig> mlp{
      "",
      "",
      {hidden(256, "H: units of each hidden layer; the paper: 1000"), dropout("on the hidden units"),
       number<ModelConfig>("input_dropout", ParamType::Real, kDropout, &ModelConfig::input_dropout,
                           "dropout probability on the input pixels")},
      {}};
  static const schema::Table<ModelConfig> vae{
      "",
      "",
      {hidden(200, "H: units of the encoder's and the decoder's hidden layer"),
       number<ModelConfig>("latent", ParamType::Integer, Range{1, 256}, &ModelConfig::latent, "L: latent dimensions")},
      {}};
  switch (experiment) {
    case Experiment::LogregImages: return none;
    case Experiment::LogregBow: return bow;
    case Experiment::MlpImages: return mlp;
    case Experiment::VaeImages: return vae;
  }
  return none;
}

const schema::Table<DataConfig>& data_table(Experiment experiment) {
  using schema::number;
  const Range counts{1, 100000};
  static const schema::Table<DataConfig> images{
      "",
      "",
      {schema::computed_default(number<DataConfig>("train", ParamType::Integer, counts, &DataConfig::train,
                                                   "training images: the first N of the file's training split"),
                                "the whole split (6000)"),
       schema::computed_default(number<DataConfig>("test", ParamType::Integer, counts, &DataConfig::test,
                                                   "test images: the first N of the file's test split"),
                                "the whole split (1000)")},
      {}};
  const auto bow = [](auto member) { return [member](DataConfig& d) -> auto& { return d.bow.*member; }; };
  using B = data::BagOfWordsTaskParams;
  static const schema::Table<DataConfig> words{
      "",
      "",
      {schema::with_default(number<DataConfig>("train", ParamType::Integer, Range{1, 50000}, &DataConfig::train,
                                               "training documents"),
                            double(B{}.train)),
       schema::with_default(
           number<DataConfig>("test", ParamType::Integer, Range{1, 50000}, &DataConfig::test, "test documents"),
           double(B{}.test)),
       number<DataConfig>("vocabulary", ParamType::Integer, Range{2, 100000}, bow(&B::vocabulary),
                          "features: distinct words"),
       number<DataConfig>("words", ParamType::Integer, Range{1, 5000}, bow(&B::words), "word draws per document"),
       number<DataConfig>("zipf", ParamType::Real, Range{0, 3}, bow(&B::zipf), "exponent of the Zipf word frequencies"),
       number<DataConfig>("polar", ParamType::Real, Range{0, 1}, bow(&B::polar),
                          "fraction of words that lean to one class"),
       number<DataConfig>("strength", ParamType::Real, Range{0, 5}, bow(&B::strength),
                          "how far they lean: a factor e^±strength on their frequency"),
       number<DataConfig>("label_noise", ParamType::Real, Range{0, 0.5}, bow(&B::label_noise),
                          "probability that a label is flipped"),
       number<DataConfig>("seed", ParamType::Integer, Range{0, kMaxSeed}, bow(&B::seed),
                          "seed of the generated documents")},
      {}};
  return is_image_experiment(experiment) ? images : words;
}

// The model or data keys of every experiment, each row saying which experiments have it.
std::vector<schema::Doc> experiment_docs(bool model) {
  std::vector<schema::Doc> out;
  std::vector<std::string> which;
  for (size_t e = 0; e < std::size(kExperimentNames); ++e) {
    const std::string name(kExperimentNames[e]);
    for (const auto& d : model ? schema::docs(model_table(Experiment(e))) : schema::docs(data_table(Experiment(e)))) {
      size_t i = 0;
      while (i < out.size() &&
             !(out[i].key == d.key && out[i].allowed == d.allowed && out[i].default_text == d.default_text &&
               out[i].description == d.description))
        ++i;
      if (i == out.size()) {
        out.push_back(d);
        which.push_back(name);
      } else {
        which[i] += ", " + name;
      }
    }
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].description += " (" + which[i] + ")";
  return out;
}

// allOf: for each experiment, if experiment is it then model and data have its keys.
json::Value experiment_rules() {
  json::Array rules;
  for (size_t e = 0; e < std::size(kExperimentNames); ++e) {
    json::Value when{json::Object{}}, when_props{json::Object{}}, name{json::Object{}};
    name.set("const", std::string(kExperimentNames[e]));
    when_props.set("experiment", std::move(name));
    when.set("properties", std::move(when_props));
    json::Value then{json::Object{}}, then_props{json::Object{}};
    then_props.set("model", schema::json_schema(model_table(Experiment(e))));
    then_props.set("data", schema::json_schema(data_table(Experiment(e))));
    then.set("properties", std::move(then_props));
    json::Value rule{json::Object{}};
    rule.set("if", std::move(when));
    rule.set("then", std::move(then));
    rules.push_back(std::move(rule));
  }
  json::Value v{json::Object{}};
  v.set("allOf", json::Value(std::move(rules)));
  return v;
}

}  // namespace gs::labs
