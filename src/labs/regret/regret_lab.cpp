// The regret lab's entry (see regret_lab.hpp).
#include "labs/regret/regret_lab.hpp"

#include "labs/regret/regret_session.hpp"
#include "schema/registry_schemas.hpp"

namespace gs::labs {

void RegretLab::schema_defs(json::Value& defs) { defs.set("problem", schema::problem_schema()); }

bool RegretLab::command(const CommandInput& input, std::string& result, std::string& error) {
  RegretSession session;
  return run_to_result(session, input.config, [](RegretSession& s) { s.advance(s.config().T); }, result, error);
}

}  // namespace gs::labs
