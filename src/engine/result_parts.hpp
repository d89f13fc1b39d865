// A result written in parts, so a CLI can stream it: the header (the result's fields up to its
// "runs":[), then each run's JSON, then the closing "]}". A session with result_header(),
// run_json(i) and run_count() (RunSession, the regret lab's session) joins them here.
#pragma once

#include <cstddef>
#include <string>

namespace gs::engine {

template <class Session>
std::string joined_result(const Session& session) {
  std::string out = session.result_header();
  for (size_t r = 0; r < session.run_count(); ++r) {
    if (r) out += ',';
    out += session.run_json(r);
  }
  out += "]}";
  return out;
}

}  // namespace gs::engine
