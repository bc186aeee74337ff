# Warning, sanitizer and visibility settings applied target by target: we never
# edit global flags, so a parent project keeps its own.

function(policydb_setup_target target)
  target_compile_features(${target} PUBLIC cxx_std_20)
  if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow
                                             -Wnon-virtual-dtor -Wimplicit-fallthrough)
    # GCC 12 at -O3 (Release) reports std::string assignments from literals as
    # overlapping memcpy calls of ~2^63 bytes (GCC bug 105329, fixed in GCC 13):
    # a false positive on every such build, which -Werror would turn into a failure.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
       AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
      target_compile_options(${target} PRIVATE -Wno-restrict)
    endif()
    if(POLICYDB_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
    if(POLICYDB_SANITIZE)
      target_compile_options(${target} PRIVATE -fsanitize=${POLICYDB_SANITIZE}
                                               -fno-omit-frame-pointer -fno-sanitize-recover=all)
      target_link_options(${target} PRIVATE -fsanitize=${POLICYDB_SANITIZE})
    endif()
  endif()
endfunction()
