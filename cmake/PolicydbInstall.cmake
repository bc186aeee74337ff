include(CMakePackageConfigHelpers)

set(POLICYDB_CMAKE_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/policydb")

install(TARGETS policydb EXPORT policydbTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/policydb DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.h")
install(FILES "${PROJECT_BINARY_DIR}/include/policydb/version.h"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/policydb)
if(TARGET policydb_cli)
  install(TARGETS policydb_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(EXPORT policydbTargets NAMESPACE policydb:: DESTINATION ${POLICYDB_CMAKE_DIR})
export(EXPORT policydbTargets NAMESPACE policydb::
       FILE "${PROJECT_BINARY_DIR}/policydbTargets.cmake")

configure_package_config_file(cmake/policydbConfig.cmake.in
  "${PROJECT_BINARY_DIR}/policydbConfig.cmake" INSTALL_DESTINATION ${POLICYDB_CMAKE_DIR})
# Before 1.0 only the same minor release is compatible (see lib/CMakeLists.txt).
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(POLICYDB_COMPATIBILITY SameMinorVersion)
else()
  set(POLICYDB_COMPATIBILITY SameMajorVersion)
endif()
write_basic_package_version_file("${PROJECT_BINARY_DIR}/policydbConfigVersion.cmake"
  COMPATIBILITY ${POLICYDB_COMPATIBILITY})
install(FILES "${PROJECT_BINARY_DIR}/policydbConfig.cmake"
              "${PROJECT_BINARY_DIR}/policydbConfigVersion.cmake"
        DESTINATION ${POLICYDB_CMAKE_DIR})
