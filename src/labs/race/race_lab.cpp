// The race lab's entry (see race_lab.hpp).
#include "labs/race/race_lab.hpp"

#include "labs/race/race_session.hpp"

namespace gs::labs {

void RaceLab::schema_defs(json::Value& defs) { defs.set("race_entry", race_entry_schema()); }

bool RaceLab::command(const CommandInput& input, std::string& result, std::string& error) {
  RaceSession session;
  return run_to_result(
      session, input.config,
      [](RaceSession& s) {
        while (!s.finished()) s.advance(s.config().trials);
      },
      result, error);
}

}  // namespace gs::labs
