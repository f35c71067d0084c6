# The libraries caselint uses, each as an INTERFACE target caselint_dep_NAME
# that the libraries in src/ link. A binary with the target property
# CASELINT_STATIC_DEPS (the caselint executable, when the option is ON) gets
# their static archives; every other binary (tests, fuzz targets) the shared
# libraries. Mapping and relocating shared libraries is a large part of what
# caselint spends on one small file before it starts.
#
#   caselint_dependency(NAME SHARED <targets or files> STATIC <names>)
#
# STATIC: library names in link order, each found as libNAME.a, except the C
# library's parts (m, dl, pthread, rt), which stay shared. When an archive is
# missing, the shared library is linked, with a message.
function(caselint_dependency name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SHARED;STATIC")
  add_library(caselint_dep_${name} INTERFACE)
  set(static_on "$<BOOL:$<TARGET_PROPERTY:CASELINT_STATIC_DEPS>>")
  set(archives "")
  if(CASELINT_STATIC_DEPS AND NOT arg_STATIC)
    message(STATUS "CASELINT_STATIC_DEPS: no static link data for ${name}; caselint links the shared library")
  elseif(CASELINT_STATIC_DEPS)
    foreach(lib IN LISTS arg_STATIC)
      if(lib MATCHES "^(m|dl|pthread|rt)$")
        list(APPEND archives "-l${lib}")
        continue()
      endif()
      find_library(CASELINT_ARCHIVE_${lib} lib${lib}.a)
      if(NOT CASELINT_ARCHIVE_${lib})
        message(STATUS "CASELINT_STATIC_DEPS: lib${lib}.a not found; caselint links the shared ${name}")
        set(archives "")
        break()
      endif()
      list(APPEND archives "${CASELINT_ARCHIVE_${lib}}")
    endforeach()
  endif()
  if(NOT archives)
    target_link_libraries(caselint_dep_${name} INTERFACE ${arg_SHARED})
    return()
  endif()
  # One generator expression per item: a list inside one would be split.
  foreach(item IN LISTS arg_SHARED)
    target_link_libraries(caselint_dep_${name} INTERFACE "$<$<NOT:${static_on}>:${item}>")
  endforeach()
  foreach(item IN LISTS archives)
    target_link_libraries(caselint_dep_${name} INTERFACE "$<${static_on}:${item}>")
  endforeach()
endfunction()
