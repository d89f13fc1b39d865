// The sweep lab's entry (see sweep_lab.hpp).
#include "labs/sweep/sweep_lab.hpp"

#include "labs/sweep/sweep_session.hpp"

namespace gs::labs {

void SweepLab::schema_defs(json::Value& defs) { defs.set("axis", axis_schema()); }

bool SweepLab::command(const CommandInput& input, std::string& result, std::string& error) {
  SweepSession session;
  return run_to_result(session, input.config, [](SweepSession& s) { s.advance_rows(s.rows()); }, result, error);
}

}  // namespace gs::labs
