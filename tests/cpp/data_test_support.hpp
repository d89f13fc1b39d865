// Shared helpers of the paper lab's tests: the committed Fashion-MNIST subset's bytes (read from
// the source tree, natively and under Node through NODERAWFS, as tests/fixtures are) and a
// PaperSession configured from JSON text.
#pragma once

#include <gtest/gtest.h>

#include <span>
#include <string>

#include "labs/paper/paper_session.hpp"
#include "test_support.hpp"

namespace gs::test {

inline const std::string& fashion_bytes() {
  static const std::string bytes = read_source_file("public/data/fashion-mnist-6k.bin");
  return bytes;
}

inline std::span<const uint8_t> as_bytes(const std::string& s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

// Loads the images, configures from `config`, trains to the end; fails the test on a bad config.
inline void train_to_end(labs::PaperSession& session, const std::string& config) {
  std::string error;
  ASSERT_TRUE(session.load_images(as_bytes(fashion_bytes()), error)) << error;
  json::ParseResult parsed = json::parse(config);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  ASSERT_TRUE(session.configure(parsed.value, error)) << error;
  while (!session.finished()) session.advance(1000);
}

}  // namespace gs::test
