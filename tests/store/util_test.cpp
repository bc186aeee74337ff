#include <catch2/catch.hpp>

#include <string>

#include <SQLiteCpp/Database.h>

#include "policydb/error.h"
#include "store/writer.h"
#include "util/csv.h"
#include "util/sha256.h"

using policydb::detail::parse_csv;
using policydb::detail::Sha256;

TEST_CASE("SHA-256 matches the FIPS 180-4 test vectors", "[util]") {
  CHECK(Sha256::hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256::hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(Sha256::hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256::hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST_CASE("CSV reader handles quotes, CRLF and blank lines", "[util]") {
  const auto table = parse_csv("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\r\n2,,\"multi\nline\"\n", "t.csv");
  REQUIRE(table.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(table.rows.size() == 2);
  CHECK(table.rows[0][1] == "x, y");
  CHECK(table.rows[0][2] == "say \"hi\"");
  CHECK(table.rows[1][1].empty());
  CHECK(table.rows[1][2] == "multi\nline");
}

TEST_CASE("CSV reader reports the file and line of a malformed row", "[util]") {
  CHECK_THROWS_WITH(parse_csv("a,b\n1,2\n3\n", "units.csv"), Catch::Contains("units.csv:3"));
  CHECK_THROWS_WITH(parse_csv("a,b\n\"open,2\n", "x.csv"), Catch::Contains("unterminated"));
}

TEST_CASE("ScopedPragma sets a pragma for its scope and restores what it found", "[store][util]") {
  SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  auto value = [&](const char* name) { return db.execAndGet(std::string("PRAGMA ") + name).getInt(); };
  db.exec("PRAGMA foreign_keys = ON");
  {
    const policydb::detail::ScopedPragma off(db, "foreign_keys", 0);
    CHECK(value("foreign_keys") == 0);
  }
  CHECK(value("foreign_keys") == 1);
  const int temp_store = value("temp_store");
  {
    const policydb::detail::ScopedPragma in_memory(db, "temp_store", 2);
    CHECK(value("temp_store") == 2);
  }
  CHECK(value("temp_store") == temp_store);
  {  // already so: nothing to change or restore
    const policydb::detail::ScopedPragma on(db, "foreign_keys", 1);
    CHECK(value("foreign_keys") == 1);
  }
  CHECK(value("foreign_keys") == 1);
}
