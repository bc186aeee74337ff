// policydb/export.h: symbol visibility. The library is built with hidden symbols;
// POLICYDB_EXPORT marks the public API.
#pragma once

#if defined(POLICYDB_STATIC)
#define POLICYDB_EXPORT
#elif defined(_WIN32)
#if defined(POLICYDB_BUILDING)
#define POLICYDB_EXPORT __declspec(dllexport)
#else
#define POLICYDB_EXPORT __declspec(dllimport)
#endif
#else
#define POLICYDB_EXPORT __attribute__((visibility("default")))
#endif
