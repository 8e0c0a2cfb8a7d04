# MySQL Connector/C++ 1.1 as the imported target ormc_mysqlcppconn, for the ormc_mysql backend
# and for the tests that talk to the driver directly. Included wherever it is needed; the target
# is made once. Connector/C++ 1.1 ships no CMake package. Its headers sit in /usr/include, and
# they come in as SYSTEM includes so that their warnings never reach -Werror.
if(NOT TARGET ormc_mysqlcppconn)
  find_path(ORMC_MYSQLCPPCONN_INCLUDE_DIR mysql_driver.h)
  find_library(ORMC_MYSQLCPPCONN_LIBRARY mysqlcppconn)
  if(NOT ORMC_MYSQLCPPCONN_INCLUDE_DIR OR NOT ORMC_MYSQLCPPCONN_LIBRARY)
    message(FATAL_ERROR "MySQL Connector/C++ 1.1 not found (Debian: libmysqlcppconn-dev); "
                        "run scripts/setup.sh or configure with -DORMC_WITH_MYSQL=OFF")
  endif()
  add_library(ormc_mysqlcppconn INTERFACE IMPORTED GLOBAL)
  target_include_directories(ormc_mysqlcppconn SYSTEM INTERFACE ${ORMC_MYSQLCPPCONN_INCLUDE_DIR})
  target_link_libraries(ormc_mysqlcppconn INTERFACE ${ORMC_MYSQLCPPCONN_LIBRARY})
endif()
