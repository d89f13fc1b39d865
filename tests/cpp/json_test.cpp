// The JSON reader and writer: round trips, shortest numbers, escapes.
#include <cmath>

#include "core/json.hpp"
#include "core/rng.hpp"
#include "test_support.hpp"

namespace gs {
namespace {

TEST(Json, RoundTripKeepsOrderAndValues) {
  std::string text = R"({"b":[1,2.5,-3e-7,true,false,null],"a":{"x":"q\"uote\\ \n\u00e9"},"c":-0})";
  json::ParseResult parsed = json::parse(text);
  ASSERT_TRUE(parsed.ok()) << parsed.error;
  EXPECT_EQ(json::serialize(parsed.value), R"({"b":[1,2.5,-3e-7,true,false,null],"a":{"x":"q\"uote\\ \n)" "\xc3\xa9" R"("},"c":-0})");
}

TEST(Json, NumbersAreShortestAndExact) {
  std::string s;
  json::append_number(s, 0.1);
  EXPECT_EQ(s, "0.1");
  for (uint64_t i = 0; i < 20000; ++i) {
    double d = rng::gaussian(11, 0, i) * std::pow(10.0, double(int(i % 40) - 20));
    std::string out;
    json::append_number(out, d);
    json::ParseResult back = json::parse(out);
    ASSERT_TRUE(back.ok());
    ASSERT_EQ(back.value.as_number(), d) << out;
    ASSERT_LE(out.size(), 24u);
  }
  std::string inf;
  json::append_number(inf, INFINITY);
  EXPECT_EQ(inf, "null");
}

TEST(Json, SurrogatePairsAndEscapes) {
  json::ParseResult parsed = json::parse(R"("\ud83d\ude00\t\/")");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed.value.as_string(), "\xf0\x9f\x98\x80\t/");
  EXPECT_FALSE(json::parse(R"("\x")").ok());
  EXPECT_FALSE(json::parse("\"a\nb\"").ok());
  EXPECT_FALSE(json::parse("01").ok());
  EXPECT_FALSE(json::parse("1.").ok());
  EXPECT_FALSE(json::parse("{\"a\" 1}").ok());
  EXPECT_FALSE(json::parse("[1,]").ok());
  EXPECT_TRUE(json::parse(" [ ] ").ok());
}

}  // namespace
}  // namespace gs
