// The formula language's error type and result wrapper: a ParseError names the 1-based column
// and says what was expected; Result<T> holds either a value or that error (no exceptions).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace gs::formula {

struct ParseError {
  int column = 1;        // 1-based column the message is about
  std::string message;   // complete message, e.g. "unexpected ')' at column 7"
};

template <class T>
class Result {
 public:
  Result(T value) : data_(std::move(value)) {}
  Result(ParseError error) : data_(std::move(error)) {}
  bool ok() const { return data_.index() == 0; }
  const T& value() const { return std::get<0>(data_); }
  T& value() { return std::get<0>(data_); }
  const ParseError& error() const { return std::get<1>(data_); }

 private:
  std::variant<T, ParseError> data_;
};

}  // namespace gs::formula
