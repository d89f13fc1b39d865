#include "labs/regret/regret_session.hpp"

#include <algorithm>
#include <cmath>

#include "engine/result_parts.hpp"
#include "online/problems.hpp"
#include "optim/registry.hpp"

namespace gs::labs {

RegretSession::RegretSession() {
  std::string unused;
  configure(json::Value{json::Object{}}, unused);  // the defaults: reddi, T = 1000, Adam
}
RegretSession::~RegretSession() = default;

bool RegretSession::configure(const json::Value& config, std::string& error) {
  RegretConfig parsed;
  if (!parse_regret_config(config, parsed, error)) return false;
  return configure(parsed, error);
}

bool RegretSession::configure(const RegretConfig& config, std::string&) {
  config_ = config;
  reset();
  return true;
}

void RegretSession::reset() {
  problem_ = online::make_problem(*config_.problem.info, config_.problem.params, config_.domain);
  std::vector<double> x1 = config_.start;
  config_.domain.project(x1.data(), x1.size());
  runs_.clear();
  for (const auto& spec : config_.optimizers) runs_.push_back(std::make_unique<online::OnlineRun>(spec, x1));
  const size_t records = config_.record_count();
  traces_.assign(config_.optimizers.size(), RegretTrace{});
  for (RegretTrace& trace : traces_) {
    trace.regret.reserve(records);
    trace.average_regret.reserve(records);
    trace.bound.reserve(records);
    trace.iterate.reserve(records);
  }
  t_.clear();
  t_.reserve(records);
  tolerances_.clear();
  tolerances_.reserve(records);
  comparator_ = online::Comparator{};
  steps_done_ = 0;
}

void RegretSession::record() {
  const uint64_t t = steps_done_;
  problem_->comparator(comparator_, t == config_.T);
  t_.push_back(static_cast<double>(t));
  tolerances_.push_back(comparator_.tolerance);
  for (size_t r = 0; r < runs_.size(); ++r) {
    RegretTrace& trace = traces_[r];
    if (trace.diverged) continue;
    const double regret = runs_[r]->cumulative_loss() - comparator_.loss;
    trace.regret.push_back(regret);
    trace.average_regret.push_back(regret / static_cast<double>(t));
    trace.bound.push_back(runs_[r]->bound(config_.domain));
    trace.iterate.push_back(runs_[r]->played()[0]);
  }
}

uint64_t RegretSession::advance(uint64_t k) {
  const uint64_t rounds = std::min<uint64_t>(k, config_.T - steps_done_);
  for (uint64_t s = 0; s < rounds; ++s) {
    problem_->next_round();
    const uint64_t t = ++steps_done_;
    for (size_t r = 0; r < runs_.size(); ++r) {
      RegretTrace& trace = traces_[r];
      if (trace.diverged) continue;
      std::string why;
      if (!runs_[r]->play(*problem_, why)) {
        trace.diverged = true;
        trace.diverged_at = t;
        trace.divergence = "diverged at step " + std::to_string(t) + ": " + why;
      }
    }
    if (config_.is_record_point(t)) record();
  }
  return rounds;
}

namespace {

void append_numbers(std::string& out, const double* values, size_t n) {
  out += '[';
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ',';
    json::append_number(out, values[i]);
  }
  out += ']';
}

void append_head(std::string& out, const std::vector<double>& x) {
  append_numbers(out, x.data(), std::min(x.size(), online::kReportedCoordinates));
}

}  // namespace

std::string RegretSession::comparator_json() const {
  std::string out = "{\"t\":";
  json::append_number(out, static_cast<double>(comparator_.t));
  out += ",\"x\":";
  append_head(out, comparator_.x);
  out += ",\"d\":";
  json::append_number(out, static_cast<double>(config_.problem.d));
  out += ",\"loss\":";
  json::append_number(out, comparator_.loss);
  out += ",\"tolerance\":";
  json::append_number(out, comparator_.tolerance);
  out += ",\"tolerances\":";
  append_numbers(out, tolerances_.data(), tolerances_.size());
  out += '}';
  return out;
}

std::string RegretSession::result_header() const {
  std::string out = "{\"version\":1,\"problem\":";
  json::serialize_to(out, problem_json(config_.problem));
  out += ",\"domain\":";
  json::serialize_to(out, domain_json(config_.domain));
  out += ",\"T\":";
  json::append_number(out, static_cast<double>(config_.T));
  out += ",\"record_every\":";
  json::append_number(out, static_cast<double>(config_.record_every));
  out += ",\"comparator\":";
  out += comparator_json();
  out += ",\"runs\":[";
  return out;
}

std::string RegretSession::run_json(size_t r) const {
  const RegretTrace& trace = traces_[r];
  const online::OnlineRun& run = *runs_[r];
  std::string out;
  out.reserve(256 + trace.records() * 96);
  out += "{\"optimizer\":";
  json::serialize_to(out, optim::to_json(config_.optimizers[r]));
  out += ",\"t\":";
  append_numbers(out, t_.data(), trace.records());
  out += ",\"regret\":";
  append_numbers(out, trace.regret.data(), trace.records());
  out += ",\"average_regret\":";
  append_numbers(out, trace.average_regret.data(), trace.records());
  out += ",\"bound\":";
  append_numbers(out, trace.bound.data(), trace.records());
  out += ",\"bound_note\":";
  if (run.bound_note().empty()) out += "null";
  else json::append_string(out, run.bound_note());
  out += ",\"iterate\":";
  append_numbers(out, trace.iterate.data(), trace.records());
  out += ",\"x_final\":";
  append_head(out, trace.diverged ? run.played() : run.x());
  out += ",\"status\":";
  out += trace.diverged ? "\"diverged\"" : "\"ok\"";
  out += ",\"diverged_at\":";
  if (trace.diverged) {
    json::append_number(out, static_cast<double>(trace.diverged_at));
    out += ",\"message\":";
    json::append_string(out, trace.divergence);
  } else {
    out += "null";
  }
  out += '}';
  return out;
}

json::Value RegretSession::run_status(size_t r) const {
  const RegretTrace& trace = traces_[r];
  json::Value v{json::Object{}};
  v.set("records", static_cast<double>(trace.records()));
  v.set("status", trace.diverged ? "diverged" : "ok");
  v.set("diverged_at", trace.diverged ? json::Value(static_cast<double>(trace.diverged_at)) : json::Value());
  v.set("message", trace.diverged ? json::Value(trace.divergence) : json::Value());
  const std::string& note = runs_[r]->bound_note();
  v.set("bound_note", note.empty() ? json::Value() : json::Value(note));
  return v;
}

std::string RegretSession::result_json() const { return engine::joined_result(*this); }

}  // namespace gs::labs
