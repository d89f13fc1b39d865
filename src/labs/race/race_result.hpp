// The race result of docs/schema.md: the resolved config; the protocol in one paragraph; f* and
// where it comes from; the starts and noise seeds; the tuning's rounds; the optimizer steps done
// and in all; per optimizer its trials (values, scores, rounds reached), its tuned configuration,
// its held-out runs (steps to ε, final loss, diverged_at: in start × seed order), its summary
// and its rank with the bootstrap interval and the optimizers whose intervals overlap it; and the
// order of the ranks. Parts not computed yet are null.
#pragma once

#include <string>

namespace gs::labs {

class RaceSession;

std::string race_result_json(const RaceSession& session);
// The protocol of the session's race in one paragraph, for a reader of the result.
std::string protocol_text(const RaceSession& session);

}  // namespace gs::labs
