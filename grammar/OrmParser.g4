// Syntax of the .orm schema language, version 1 (docs/language.md). Syntax only: no actions,
// no hand-written predicates, no target-language code. Nearly every decision is LL(1): the
// parse stage's token filter keeps NEWLINE only where it ends a member (inside braces,
// outside brackets, one per run, none right after '{', one always before '}').
parser grammar OrmParser;

options { tokenVocab = OrmLexer; }

file
    : schemaDecl? importDecl* declaration* EOF
    ;

schemaDecl
    : SCHEMA qualifiedName SEMI
    ;

qualifiedName
    : IDENT (DOT IDENT)*
    ;

importDecl
    : IMPORT STRING SEMI
    ;

declaration
    : modelDecl
    | enumDecl
    ;

// ---- models ---------------------------------------------------------------

modelDecl
    : MODEL IDENT LBRACE modelMember* RBRACE
    ;

// Every member ends with a NEWLINE: the token filter puts one before a closing brace
// that lacks it, so `model A { id Int @id }` parses too.
modelMember
    : (fieldDecl | blockAttribute) NEWLINE
    ;

fieldDecl
    : IDENT typeRef fieldAttribute*
    ;

typeRef
    : IDENT typeArguments? (QUESTION | LBRACKET RBRACKET)?
    ;

typeArguments
    : LPAREN INT (COMMA INT)* RPAREN
    ;

// ---- enums ----------------------------------------------------------------

enumDecl
    : ENUM IDENT LBRACE enumMember* RBRACE
    ;

enumMember
    : (enumValueDecl | blockAttribute) (COMMA NEWLINE? | NEWLINE)
    ;

enumValueDecl
    : IDENT fieldAttribute*
    ;

// ---- attributes -----------------------------------------------------------

fieldAttribute
    : AT IDENT argumentList?
    ;

blockAttribute
    : ATAT IDENT argumentList?
    ;

argumentList
    : LPAREN (argument (COMMA argument)*)? RPAREN
    ;

argument
    : (IDENT COLON)? expression
    ;

// ---- expressions (defaults, attribute arguments, @check) -------------------
// One left-recursive rule: ANTLR turns it into a precedence-climbing loop, so a plain
// argument like `@default(0)` costs two parse-tree nodes, not one per precedence level.
// Alternatives bind tighter the earlier they are listed: unary -, * /, + -, comparisons
// and `in`, !, &&, ||. Binary operators associate to the left. The parse stage bounds
// bracket depth and runs of prefix operators before the parser sees them.

expression
    : primary                                              # atomExpr
    | MINUS expression                                     # negateExpr
    | expression op=(STAR | SLASH) expression              # binaryExpr
    | expression op=(PLUS | MINUS) expression              # binaryExpr
    | expression op=(EQ | NEQ | LT | LE | GT | GE) expression   # binaryExpr
    | expression IN listLiteral                            # inExpr
    | NOT expression                                       # notExpr
    | expression op=AND expression                         # binaryExpr
    | expression op=OR expression                          # binaryExpr
    ;

primary
    : INT
    | DECIMAL
    | STRING
    | TRUE
    | FALSE
    | IDENT callArguments?
    | listLiteral
    | LPAREN expression RPAREN
    ;

callArguments
    : LPAREN (expression (COMMA expression)*)? RPAREN
    ;

listLiteral
    : LBRACKET (expression (COMMA expression)*)? RBRACKET
    ;
