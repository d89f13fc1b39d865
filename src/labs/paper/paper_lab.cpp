// The paper lab's entry (see paper_lab.hpp).
#include "labs/paper/paper_lab.hpp"

#include <cstdint>

#include "labs/paper/paper_session.hpp"
#include "schema/registry_schemas.hpp"

namespace gs::labs {

void PaperLab::schema_defs(json::Value& defs) { defs.set("paper_optimizer", schema::optimizer_schema(true)); }

bool PaperLab::command(const CommandInput& input, std::string& result, std::string& error) {
  PaperSession session;
  const auto given = input.options.find("images");
  const std::string path =
      given != input.options.end() ? given->second : input.source_dir + "/public/data/fashion-mnist-6k.bin";
  std::string bytes;
  if (read_input(path, bytes)) {
    const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
    if (!session.load_images({data, bytes.size()}, error)) return error = "bytes: " + error, false;
  } else if (given != input.options.end()) {
    return error = "cannot read " + path, false;
  }
  return run_to_result(session, input.config, [](PaperSession& s) { s.advance(s.schedule().total_batches); },
                       result, error);
}

}  // namespace gs::labs
