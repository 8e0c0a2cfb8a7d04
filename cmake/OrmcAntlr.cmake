# Finds the ANTLR tool (Debian's `antlr4` wrapper, or java + antlr4.jar) and provides
# ormc_add_antlr_grammar(), which generates C++ into the build tree at build time.
find_program(ORMC_ANTLR4 NAMES antlr4)
if(NOT ORMC_ANTLR4)
  find_package(Java COMPONENTS Runtime REQUIRED)
  find_file(ORMC_ANTLR4_JAR NAMES antlr4.jar antlr-complete.jar PATHS /usr/share/java REQUIRED)
  set(ORMC_ANTLR4_COMMAND ${Java_JAVA_EXECUTABLE} -cp ${ORMC_ANTLR4_JAR} org.antlr.v4.Tool)
else()
  set(ORMC_ANTLR4_COMMAND ${ORMC_ANTLR4})
endif()

# ormc_add_antlr_grammar(<lexer.g4> <parser.g4> <outdir> <out-sources-var>)
# Generates the lexer and parser (no listener, no visitor) and returns the .cpp files.
function(ormc_add_antlr_grammar lexer_g4 parser_g4 outdir out_var)
  get_filename_component(lexer_name ${lexer_g4} NAME_WE)
  get_filename_component(parser_name ${parser_g4} NAME_WE)
  set(outputs
    ${outdir}/${lexer_name}.cpp ${outdir}/${lexer_name}.h
    ${outdir}/${parser_name}.cpp ${outdir}/${parser_name}.h)
  add_custom_command(
    OUTPUT ${outputs}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${outdir}
    COMMAND ${ORMC_ANTLR4_COMMAND} -Dlanguage=Cpp -no-listener -no-visitor -package ormc::grammar
            -Xexact-output-dir -o ${outdir} ${lexer_g4}
    COMMAND ${ORMC_ANTLR4_COMMAND} -Dlanguage=Cpp -no-listener -no-visitor -package ormc::grammar
            -Xexact-output-dir -lib ${outdir} -o ${outdir} ${parser_g4}
    DEPENDS ${lexer_g4} ${parser_g4}
    COMMENT "Generating the ANTLR parser from ${parser_name}.g4"
    VERBATIM)
  set(${out_var} ${outdir}/${lexer_name}.cpp ${outdir}/${parser_name}.cpp PARENT_SCOPE)
endfunction()
