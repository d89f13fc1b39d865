#include "core/json.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gs::json {

const Value* Value::find(std::string_view key) const {
  if (kind_ != Kind::Object) return nullptr;
  for (const auto& [k, v] : object_)
    if (k == key) return &v;
  return nullptr;
}

void Value::set(std::string_view key, Value v) {
  if (kind_ != Kind::Object) *this = Value(Object{});
  for (auto& [k, old] : object_)
    if (k == key) {
      old = std::move(v);
      return;
    }
  object_.emplace_back(std::string(key), std::move(v));
}

const char* describe(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: return "null";
    case Value::Kind::Bool: return "a boolean";
    case Value::Kind::Number: return "a number";
    case Value::Kind::String: return "a string";
    case Value::Kind::Array: return "an array";
    case Value::Kind::Object: return "an object";
  }
  return "a value";
}

namespace {

constexpr int kMaxDepth = 64;

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParseResult run() {
    ParseResult result;
    skip_space();
    if (!parse_value(result.value, 0)) {
      result.error = error_;
      return result;
    }
    skip_space();
    if (pos_ != text_.size()) {
      fail("unexpected text after the JSON value");
      result.error = error_;
    }
    return result;
  }

 private:
  bool fail(const std::string& what) {
    if (!error_.empty()) return false;
    int line = 1, column = 1;
    for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
      if (text_[i] == '\n') {
        ++line;
        column = 1;
      } else {
        ++column;
      }
    }
    error_ = "JSON syntax error at line " + std::to_string(line) + ", column " +
             std::to_string(column) + ": " + what;
    return false;
  }

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
      ++pos_;
  }

  bool consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool parse_value(Value& out, int depth) {
    if (depth > kMaxDepth) return fail("nesting deeper than 64 levels");
    if (pos_ >= text_.size()) return fail("unexpected end of input, expected a value");
    char c = text_[pos_];
    if (c == '{') return parse_object(out, depth);
    if (c == '[') return parse_array(out, depth);
    if (c == '"') {
      std::string s;
      if (!parse_string(s)) return false;
      out = Value(std::move(s));
      return true;
    }
    if (consume("true")) return out = Value(true), true;
    if (consume("false")) return out = Value(false), true;
    if (consume("null")) return out = Value(nullptr), true;
    if (c == '-' || (c >= '0' && c <= '9')) return parse_number(out);
    if (consume("NaN") || consume("Infinity"))
      return fail("NaN and Infinity are not valid JSON numbers");
    return fail(std::string("unexpected character '") + c + "'");
  }

  bool parse_number(Value& out) {
    size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (pos_ < text_.size() && text_[pos_] >= '1' && text_[pos_] <= '9') {
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    } else {
      return fail("invalid number");
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9')
        return fail("invalid number: expected a digit after '.'");
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9')
        return fail("invalid number: expected a digit in the exponent");
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    }
    std::string digits(text_.substr(start, pos_ - start));
    double d = std::strtod(digits.c_str(), nullptr);
    if (!std::isfinite(d)) {
      pos_ = start;
      return fail("number " + digits + " is out of the double range");
    }
    out = Value(d);
    return true;
  }

  static void append_utf8(std::string& s, uint32_t cp) {
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  bool parse_hex4(uint32_t& cp) {
    if (pos_ + 4 > text_.size()) return fail("truncated \\u escape");
    cp = 0;
    for (int i = 0; i < 4; ++i) {
      char h = text_[pos_++];
      cp <<= 4;
      if (h >= '0' && h <= '9') cp |= h - '0';
      else if (h >= 'a' && h <= 'f') cp |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F') cp |= h - 'A' + 10;
      else return fail("invalid \\u escape");
    }
    return true;
  }

  bool parse_string(std::string& s) {
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) return fail("unterminated string");
      char c = text_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') {
        s += c;
        continue;
      }
      if (pos_ >= text_.size()) return fail("unterminated string");
      char e = text_[pos_++];
      switch (e) {
        case '"': s += '"'; break;
        case '\\': s += '\\'; break;
        case '/': s += '/'; break;
        case 'b': s += '\b'; break;
        case 'f': s += '\f'; break;
        case 'n': s += '\n'; break;
        case 'r': s += '\r'; break;
        case 't': s += '\t'; break;
        case 'u': {
          uint32_t cp = 0;
          if (!parse_hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF && text_.substr(pos_, 2) == "\\u") {
            pos_ += 2;
            uint32_t low = 0;
            if (!parse_hex4(low)) return false;
            if (low >= 0xDC00 && low <= 0xDFFF) cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(s, cp);
          break;
        }
        default: return fail(std::string("invalid escape '\\") + e + "'");
      }
    }
  }

  bool parse_array(Value& out, int depth) {
    ++pos_;
    Array items;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      out = Value(std::move(items));
      return true;
    }
    while (true) {
      skip_space();
      Value item;
      if (!parse_value(item, depth + 1)) return false;
      items.push_back(std::move(item));
      skip_space();
      if (pos_ >= text_.size()) return fail("unterminated array, expected ',' or ']'");
      char c = text_[pos_++];
      if (c == ']') break;
      if (c != ',') {
        --pos_;
        return fail("expected ',' or ']' in array");
      }
    }
    out = Value(std::move(items));
    return true;
  }

  bool parse_object(Value& out, int depth) {
    ++pos_;
    Object members;
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      out = Value(std::move(members));
      return true;
    }
    while (true) {
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != '"') return fail("expected a quoted key in object");
      std::string key;
      if (!parse_string(key)) return false;
      for (const auto& m : members)
        if (m.first == key) return fail("duplicate key \"" + key + "\"");
      skip_space();
      if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':' after key");
      ++pos_;
      skip_space();
      Value v;
      if (!parse_value(v, depth + 1)) return false;
      members.emplace_back(std::move(key), std::move(v));
      skip_space();
      if (pos_ >= text_.size()) return fail("unterminated object, expected ',' or '}'");
      char c = text_[pos_++];
      if (c == '}') break;
      if (c != ',') {
        --pos_;
        return fail("expected ',' or '}' in object");
      }
    }
    out = Value(std::move(members));
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
  std::string error_;
};

}  // namespace

ParseResult parse(std::string_view text) { return Parser(text).run(); }

namespace {

// printf writes "3e-07" and "1e+21"; JavaScript and the shortest forms write "3e-7" and "1e21".
void append_compact_exponent(std::string& out, const char* text, size_t len) {
  const char* e = static_cast<const char*>(std::memchr(text, 'e', len));
  if (!e) {
    out.append(text, len);
    return;
  }
  out.append(text, static_cast<size_t>(e - text) + 1);
  const char* p = e + 1;
  const char* end = text + len;
  if (*p == '-') out += *p++;
  else if (*p == '+') ++p;
  while (p + 1 < end && *p == '0') ++p;
  out.append(p, static_cast<size_t>(end - p));
}

}  // namespace

void append_number(std::string& out, double d) {
  if (!std::isfinite(d)) {
    out += "null";
    return;
  }
  if (d == std::trunc(d) && std::fabs(d) < 1e15) {
    char buf[32];
    int len = std::snprintf(buf, sizeof buf, "%.0f", d);
    if (d == 0 && std::signbit(d)) {
      out += "-0";
      return;
    }
    out.append(buf, static_cast<size_t>(len));
    return;
  }
  char buf[40];
  for (int precision = 15; precision <= 17; ++precision) {
    int len = std::snprintf(buf, sizeof buf, "%.*g", precision, d);
    if (precision == 17 || std::strtod(buf, nullptr) == d) {
      append_compact_exponent(out, buf, static_cast<size_t>(len));
      return;
    }
  }
}

void append_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void serialize_to(std::string& out, const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Null: out += "null"; break;
    case Value::Kind::Bool: out += v.as_bool() ? "true" : "false"; break;
    case Value::Kind::Number: append_number(out, v.as_number()); break;
    case Value::Kind::String: append_string(out, v.as_string()); break;
    case Value::Kind::Array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.as_array()) {
        if (!first) out += ',';
        first = false;
        serialize_to(out, item);
      }
      out += ']';
      break;
    }
    case Value::Kind::Object: {
      out += '{';
      bool first = true;
      for (const auto& [k, item] : v.as_object()) {
        if (!first) out += ',';
        first = false;
        append_string(out, k);
        out += ':';
        serialize_to(out, item);
      }
      out += '}';
      break;
    }
  }
}

std::string serialize(const Value& v) {
  std::string out;
  serialize_to(out, v);
  return out;
}

}  // namespace gs::json
