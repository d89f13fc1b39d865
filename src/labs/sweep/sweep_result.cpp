#include "labs/sweep/sweep_result.hpp"

namespace gs::labs {

namespace {

template <class V>
void append_rows(std::string& out, const char* key, const std::vector<V>& cells, size_t n_x) {
  out += ",\"";
  out += key;
  out += "\":[";
  for (size_t row = 0; row * n_x < cells.size(); ++row) {
    if (row) out += ',';
    out += '[';
    for (size_t i = 0; i < n_x; ++i) {
      if (i) out += ',';
      json::append_number(out, static_cast<double>(cells[row * n_x + i]));
    }
    out += ']';
  }
  out += ']';
}

void append_list(std::string& out, const char* key, const std::vector<double>& values) {
  out += ",\"";
  out += key;
  out += "\":[";
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out += ',';
    json::append_number(out, values[i]);
  }
  out += ']';
}

}  // namespace

std::string sweep_result_json(const SweepConfig& config, const SweepMaps& maps) {
  std::string out = json::serialize(sweep_config_json(config));
  out.pop_back();  // the closing brace: the maps follow
  const size_t n_x = maps.x_values.size();
  if (config.metric == SweepMetric::NearestMinimum) {
    out += ",\"minima\":[";
    for (size_t m = 0; m < maps.minima.size(); ++m) {
      if (m) out += ',';
      out += '[';
      json::append_number(out, maps.minima[m].x);
      out += ',';
      json::append_number(out, maps.minima[m].y);
      out += ',';
      json::append_number(out, maps.minima[m].value);
      out += ']';
    }
    out += ']';
  }
  if (config.metric == SweepMetric::StepsToTol) {
    out += ",\"f_star\":";
    json::append_number(out, maps.f_star);
  }
  append_list(out, "x_values", maps.x_values);
  append_list(out, "y_values", maps.y_values);
  append_rows(out, "values", maps.values, n_x);
  append_rows(out, "diverged", maps.diverged, n_x);
  append_rows(out, "diverged_at", maps.diverged_at, n_x);
  out += '}';
  return out;
}

}  // namespace gs::labs
