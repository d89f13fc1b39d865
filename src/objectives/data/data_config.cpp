// The data objectives' config (objective.data, batch_size; docs/schema.md) and their kind.
#include <cstdint>
#include <string>

#include "core/check.hpp"
#include "objectives/data/data_objective.hpp"

namespace gs::objectives::data {

namespace {

using check::ParamType;
using check::Range;

// A data objective: data (points [x, y], or [x, y, label] for logistic) and batch_size.
bool parse_data(std::string_view name, const json::Value* value, const std::string& path, std::uint64_t seed,
                std::shared_ptr<const DefinedObjective>& out, std::string& error) {
  const Model model = *model_named(name);
  const bool logistic = model == Model::Logistic;
  std::vector<DataPoint> points;
  std::size_t batch_size = 0;
  if (value && value->is_object()) {
    const json::Value* data = value->find("data");
    if (data) {
      if (!data->is_array() || data->as_array().empty() || data->as_array().size() > kMaxPoints) {
        error = path + ".data: must be an array of 1 to " + std::to_string(kMaxPoints) +
                (logistic ? " points [x, y, label]" : " points [x, y]");
        return false;
      }
      const auto& list = data->as_array();
      for (size_t i = 0; i < list.size(); ++i) {
        const std::string at = check::index(path + ".data", i);
        const size_t width = logistic ? 3 : 2;
        if (!list[i].is_array() || list[i].as_array().size() != width) {
          error = at + (logistic ? ": must be [x, y, label] with label 0 or 1" : ": must be [x, y], two numbers");
          return false;
        }
        const auto& p = list[i].as_array();
        DataPoint point;
        if (!check::read_number(&p[0], check::index(at, 0), ParamType::Real, Range{-1e6, 1e6}, point.x, error) ||
            !check::read_number(&p[1], check::index(at, 1), ParamType::Real, Range{-1e6, 1e6}, point.y, error))
          return false;
        if (logistic) {
          double label = 0;
          if (!check::read_number(&p[2], check::index(at, 2), ParamType::Integer, Range{0, 1}, label, error)) return false;
          point.label = static_cast<int>(label);
        }
        points.push_back(point);
      }
    }
    if (const json::Value* batch = value->find("batch_size")) {
      const double most = static_cast<double>(data ? points.size()
                                                   : DataDefinition::standard(model).points().size());
      double k = 0;
      if (!check::read_number(batch, path + ".batch_size", ParamType::Integer, Range{1, most}, k, error)) return false;
      batch_size = static_cast<std::size_t>(k);
    }
  }
  if (points.empty()) points = DataDefinition::standard(model).points();
  out = std::make_shared<DataObjective>(
      DataDefinition::make(model, std::move(points), batch_size ? batch_size : SIZE_MAX, seed));
  return true;
}

std::shared_ptr<const DefinedObjective> standard_data(std::string_view name) {
  static const auto kLeastSquares = std::make_shared<const DataObjective>(std::shared_ptr<const DataDefinition>(
      &DataDefinition::standard(Model::LeastSquares), [](const DataDefinition*) {}));
  static const auto kLogistic = std::make_shared<const DataObjective>(
      std::shared_ptr<const DataDefinition>(&DataDefinition::standard(Model::Logistic), [](const DataDefinition*) {}));
  return *model_named(name) == Model::Logistic ? kLogistic : kLeastSquares;
}

}  // namespace

const DefinedKind& data_kind() {
  static const DefinedKind kKind{
      {"least_squares", "logistic"}, {"name", "data", "batch_size", "noise"}, parse_data, standard_data};
  return kKind;
}

}  // namespace gs::objectives::data
