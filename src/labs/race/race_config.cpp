// The race config's table (its optimizers: race_entry.hpp), and the protocol it describes.
#include "labs/race/race_config.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string_view>

#include "core/check.hpp"
#include "engine/config_fields.hpp"
#include "optim/registry.hpp"

namespace gs::labs {

namespace {

using check::ParamType;
using check::Range;
using race::SearchKind;
using race::TuneScore;

constexpr std::string_view kSearchNames[] = {"random", "grid", "halving"};
constexpr std::string_view kScoreNames[] = {"steps_to_eps", "final_loss", "success_rate"};
constexpr std::string_view kFStarNames[] = {"known", "given", "best_found"};

// The seeded draws' streams: tuning starts and held-out starts never share a draw.
constexpr uint64_t kTuningStartStream = 0x5241434554554E45ULL;   // "RACETUNE"
constexpr uint64_t kHeldOutStartStream = 0x52414345484F4C44ULL;  // "RACEHOLD"

constexpr Range kBoxRange{-1e6, 1e6};
constexpr Range kEpsRange{0, 1e6, true, false};
constexpr Range kClipRange{0, 1e6};

bool read_optimizers(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
                     std::string& error) {
  if (!value || !value->is_array() || value->as_array().empty() || value->as_array().size() > kMaxRaceEntries) {
    error = path + ": " + (value ? "must be" : "missing; give") + " an array of 1 to " +
            std::to_string(kMaxRaceEntries) +
            " optimizer objects, each with the hyperparameters it tunes, e.g. {\"name\": \"adam\", \"tune\": "
            "[\"lr\", \"beta1\"]}";
    return false;
  }
  out.optimizers.clear();
  for (size_t i = 0; i < value->as_array().size(); ++i) {
    RaceEntryConfig entry;
    if (!parse_race_entry(value->as_array()[i], check::index(path, i), out.objective, out.precision, entry, error))
      return false;
    out.optimizers.push_back(std::move(entry));
  }
  return true;
}

bool read_start(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
                std::string& error) {
  out.fixed_start = value != nullptr;
  return engine::parse_point(value, path, out.start, error);
}

// The box, then the start counts: with a fixed start neither may be given.
bool read_box(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
              std::string& error) {
  std::copy(std::begin(out.objective.info->view), std::end(out.objective.info->view), out.box);
  if (!value) return true;
  if (out.fixed_start) {
    error = path + ": not used with a fixed start (start); give one or the other";
    return false;
  }
  if (!value->is_array() || value->as_array().size() != 4) {
    error = path + ": must be an array of four numbers [xmin, xmax, ymin, ymax]";
    return false;
  }
  for (size_t i = 0; i < 4; ++i)
    if (!check::read_number(&value->as_array()[i], check::index(path, i), ParamType::Real, kBoxRange, out.box[i],
                            error))
      return false;
  for (size_t axis = 0; axis < 2; ++axis)
    if (!(out.box[2 * axis + 1] >= out.box[2 * axis])) {
      error = check::index(path, 2 * axis + 1) + ": must be at least " + check::index(path, 2 * axis) + " (" +
              check::format_number(out.box[2 * axis]) + "), got " + check::format_number(out.box[2 * axis + 1]);
      return false;
    }
  return true;
}

schema::Field<RaceConfig> start_count(const char* key, int RaceConfig::*member, double max, const char* description) {
  auto f = schema::number<RaceConfig>(key, ParamType::Integer, Range{1, max}, member, description);
  auto read = f.read;
  f.read = [read, key](const json::Value* v, const std::string& path, const json::Value& object, RaceConfig& out,
                       std::string& error) {
    if (v && out.fixed_start) {
      error = path + ": not used with a fixed start (start), where every run starts there";
      return false;
    }
    if (!read(v, path, object, out, error)) return false;
    if (out.fixed_start) out.*(std::string_view(key) == "tuning_starts" ? &RaceConfig::tuning_starts
                                                                         : &RaceConfig::held_out_starts) = 1;
    return true;
  };
  return f;
}

bool noisy(const RaceConfig& c) { return c.objective.noise.sigma > 0 || c.objective.noise.sparsity > 0; }

bool read_seeds(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
                std::string& error) {
  double seeds = out.seeds;
  if (!check::read_number(value, path, ParamType::Integer, Range{1, 64}, seeds, error)) return false;
  out.seeds = static_cast<int>(seeds);
  if (out.seeds > 1 && !noisy(out)) {
    error = path + ": more than one seed needs gradient noise (objective.noise.sigma or sparsity > 0): without it "
                   "every seed gives the same runs, got " + std::to_string(out.seeds);
    return false;
  }
  return true;
}

bool read_tuning_steps(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
                       std::string& error) {
  double steps = static_cast<double>(out.steps);
  if (!check::read_number(value, path, ParamType::Integer, Range{1, double(engine::kMaxSteps)}, steps, error))
    return false;
  out.tuning_steps = static_cast<uint64_t>(steps);
  return true;
}

template <size_t N>
bool read_name(const json::Value* value, const std::string& path, const std::string_view (&names)[N],
               const char* what, size_t& index, std::string& error) {
  std::string name(names[index]);
  if (!check::read_string(value, path, name, error)) return false;
  const auto* found = std::find(std::begin(names), std::end(names), name);
  if (found == std::end(names)) {
    error = path + ": " + check::unknown_name(what, name, names);
    return false;
  }
  index = static_cast<size_t>(found - std::begin(names));
  return true;
}

double known_f_star(const engine::ObjectiveConfig& objective) {
  double f_star = std::numeric_limits<double>::infinity();
  for (const auto& m : engine::make_objective(objective).minima())
    if (m.global) f_star = std::min(f_star, m.value);
  return f_star;
}

bool read_f_star(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
                 std::string& error) {
  if (value) {
    out.f_star_source = FStarSource::Given;
    return check::read_number(value, path, ParamType::Real, Range{-1e300, 1e300}, out.f_star, error);
  }
  out.f_star = known_f_star(out.objective);
  out.f_star_source = std::isfinite(out.f_star) ? FStarSource::Known : FStarSource::BestFound;
  if (!std::isfinite(out.f_star)) out.f_star = 0;
  return true;
}

// The score, read after f_star: steps to ε and success need f* before the tuning runs.
bool read_score(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
                std::string& error) {
  size_t index = static_cast<size_t>(out.score);
  if (!read_name(value, path, kScoreNames, "score", index, error)) return false;
  out.score = static_cast<TuneScore>(index);
  if (out.score != TuneScore::FinalLoss && out.f_star_source == FStarSource::BestFound) {
    error = path + ": " + std::string(kScoreNames[index]) + " needs f*, and " + out.objective.info->name +
            " has no known global minimum: give f_star, or score by \"final_loss\" (f* is then the lowest loss any "
            "tuning run reached)";
    return false;
  }
  return true;
}

bool read_clip(const json::Value* value, const std::string& path, const json::Value&, RaceConfig& out,
               std::string& error) {
  if (out.objective.noise.clip_norm > 0) {
    error = "objective.noise.clip_norm: a race clips gradients by its own clip_norm, so that every result states "
            "it; move the value there";
    return false;
  }
  if (!check::read_number(value, path, ParamType::Real, kClipRange, out.clip_norm, error)) return false;
  out.objective.noise.clip_norm = out.clip_norm;
  return true;
}

}  // namespace

const char* search_name(SearchKind search) { return kSearchNames[static_cast<size_t>(search)].data(); }
const char* score_name(TuneScore score) { return kScoreNames[static_cast<size_t>(score)].data(); }
const char* f_star_source_name(FStarSource source) { return kFStarNames[static_cast<size_t>(source)].data(); }

const schema::Table<RaceConfig>& race_config_table() {
  using engine::kMaxSteps;
  using schema::custom;
  using schema::late;
  static const schema::Table<RaceConfig> table{
      "Race config",
      "Which optimizer is best on one 2-D objective: every optimizer tunes the same number of trials on the tuning "
      "starts, and its tuned configuration is evaluated on held-out starts, ranked with bootstrap intervals "
      "(gradscape race, gs.race, the race lab).",
      {schema::version<RaceConfig>(), engine::objective_field<RaceConfig>(), engine::precision_field<RaceConfig>(),
       late(schema::required(custom<RaceConfig>(
           "optimizers", "array", "1 to 40 optimizer objects, each with an optional tune", json::Value(),
           [] {
             json::Value v = engine::optimizer_list_schema("race_entry", kMaxRaceEntries);
             return v;
           }(),
           "the contestants: each an optimizer object (the values it does not tune) with tune: the real "
           "hyperparameters it tunes, as names (the registry's slider range and scale; a custom rule's declared "
           "range) or {param, min, max, scale} (scale linear, log or log1m); default: lr",
           read_optimizers))),
       schema::computed_default(
           custom<RaceConfig>("start", "array", "[x, y], each a number in [-1000000, 1000000]", json::Value(),
                              json::Value(json::Object{{"type", "array"}}),
                              "one fixed start for every run (then the race has one tuning and one held-out start)",
                              read_start),
           "none: starts drawn in the box"),
       schema::computed_default(
           custom<RaceConfig>("box", "array", "[xmin, xmax, ymin, ymax], each in [-1000000, 1000000]", json::Value(),
                              json::Value(json::Object{{"type", "array"}}),
                              "where the tuning and held-out starts are drawn (uniformly, from the seed)", read_box),
           "the objective's view"),
       start_count("tuning_starts", &RaceConfig::tuning_starts, 256, "N: starts every tuning trial runs from"),
       start_count("held_out_starts", &RaceConfig::held_out_starts, 1024,
                   "M: starts the tuned configurations are evaluated from (none is a tuning start)"),
       custom<RaceConfig>("seeds", "integer", "integer in [1, 64]; more than 1 with gradient noise", json::Value(1),
                          schema::number_schema(ParamType::Integer, Range{1, 64}),
                          "S: noise seeds (the objective's noise seed, + 1, …) every start runs with", read_seeds),
       schema::number<RaceConfig>("steps", ParamType::Integer, Range{1, double(kMaxSteps)}, &RaceConfig::steps,
                                  "T: the step budget of every held-out run"),
       late(schema::computed_default(
           custom<RaceConfig>("tuning_steps", "integer", "integer in [1, 1000000]", json::Value(),
                              schema::number_schema(ParamType::Integer, Range{1, double(kMaxSteps)}),
                              "the step budget of every tuning run", read_tuning_steps),
           "steps")),
       schema::number<RaceConfig>("eps", ParamType::Real, kEpsRange, &RaceConfig::eps,
                                  "ε: a run succeeds at the first step with f − f* ≤ ε"),
       schema::computed_default(
           custom<RaceConfig>("f_star", "number", "a finite number", json::Value(),
                              json::Value(json::Object{{"type", "number"}}),
                              "f*, the value success is measured from", read_f_star),
           "the objective's global minimum; where unknown, the lowest loss any tuning run reached"),
       schema::number<RaceConfig>("trials", ParamType::Integer, Range{1, 1024}, &RaceConfig::trials,
                                  "K: tuning trials, the same for every optimizer"),
       custom<RaceConfig>("search", "string", check::join(kSearchNames), json::Value("random"),
                          schema::enum_schema(kSearchNames),
                          "random: K random points; grid: ⌊K^(1/P)⌋ points per tuned axis, the rest random; "
                          "halving: successive halving (rate 3) of K random points",
                          [](const json::Value* v, const std::string& path, const json::Value&, RaceConfig& out,
                             std::string& error) {
                            size_t index = static_cast<size_t>(out.search);
                            if (!read_name(v, path, kSearchNames, "search", index, error)) return false;
                            out.search = static_cast<SearchKind>(index);
                            return true;
                          }),
       late(custom<RaceConfig>("score", "string", check::join(kScoreNames), json::Value("steps_to_eps"),
                               schema::enum_schema(kScoreNames),
                               "what tuning minimizes: median steps to ε (unreached: T + 1), median final loss, or "
                               "success rate (ties: median steps)",
                               read_score)),
       schema::number<RaceConfig>("seed", ParamType::Integer, Range{0, 9007199254740991.0}, &RaceConfig::seed,
                                  "the race's seed: starts, trials and the bootstrap"),
       custom<RaceConfig>("clip_norm", "number", "number in [0, 1000000]", json::Value(0),
                          schema::number_schema(ParamType::Real, kClipRange),
                          "gradient clipping for every run (torch's clip_grad_norm_ to this norm); 0: off", read_clip),
       schema::number<RaceConfig>("bootstrap", ParamType::Integer, Range{100, 100000}, &RaceConfig::bootstrap,
                                  "bootstrap resamples of the rank intervals")},
      {}};
  return table;
}

bool parse_race_config(const json::Value& config, RaceConfig& out, std::string& error) {
  RaceConfig result;
  if (!schema::parse(race_config_table(), config, "", result, error)) return false;
  out = std::move(result);
  return true;
}

race::RaceProtocol race_protocol(const RaceConfig& c) {
  race::RaceProtocol p;
  race::RunSet& tuning = p.tuning;
  tuning.objective = c.objective;
  if (c.fixed_start) {
    tuning.starts = {{c.start[0], c.start[1]}};
  } else {
    tuning.starts = race::box_starts(c.box, static_cast<size_t>(c.tuning_starts), c.seed, kTuningStartStream);
  }
  tuning.seeds.clear();
  for (int s = 0; s < c.seeds; ++s) tuning.seeds.push_back(c.objective.noise.seed + static_cast<uint64_t>(s));
  tuning.budget = c.tuning_steps;
  tuning.f_star = c.f_star_source == FStarSource::BestFound ? -std::numeric_limits<double>::infinity() : c.f_star;
  tuning.eps = c.eps;
  tuning.precision = c.precision;
  p.held_out = tuning;
  p.held_out.budget = c.steps;
  if (!c.fixed_start)
    p.held_out.starts = race::box_starts(c.box, static_cast<size_t>(c.held_out_starts), c.seed, kHeldOutStartStream);
  p.trials = static_cast<size_t>(c.trials);
  p.search = c.search;
  p.score = c.score;
  p.seed = c.seed;
  p.bootstrap_resamples = static_cast<size_t>(c.bootstrap);
  return p;
}

std::vector<race::RaceEntry> race_entries(const RaceConfig& c) {
  std::vector<race::RaceEntry> entries;
  for (const auto& e : c.optimizers) entries.push_back({e.spec, e.tune});
  return entries;
}

json::Value race_config_json(const RaceConfig& c) {
  json::Value v{json::Object{}};
  v.set("version", 1);
  engine::ObjectiveConfig objective = c.objective;
  objective.noise.clip_norm = 0;  // stated as the race's clip_norm
  v.set("objective", engine::objective_json(objective));
  v.set("precision", engine::precision_name(c.precision));
  json::Array optimizers;
  for (const auto& e : c.optimizers) optimizers.push_back(race_entry_json(e));
  v.set("optimizers", json::Value(std::move(optimizers)));
  if (c.fixed_start) {
    v.set("start", json::Value(json::Array{c.start[0], c.start[1]}));
  } else {
    v.set("box", json::Value(json::Array{c.box[0], c.box[1], c.box[2], c.box[3]}));
    v.set("tuning_starts", c.tuning_starts);
    v.set("held_out_starts", c.held_out_starts);
  }
  v.set("seeds", c.seeds);
  v.set("steps", static_cast<double>(c.steps));
  v.set("tuning_steps", static_cast<double>(c.tuning_steps));
  v.set("eps", c.eps);
  if (c.f_star_source == FStarSource::Given) v.set("f_star", c.f_star);
  v.set("trials", c.trials);
  v.set("search", search_name(c.search));
  v.set("score", score_name(c.score));
  v.set("seed", static_cast<double>(c.seed));
  v.set("clip_norm", c.clip_norm);
  v.set("bootstrap", c.bootstrap);
  return v;
}

}  // namespace gs::labs
