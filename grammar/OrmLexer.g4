// Tokens of the .orm schema language (docs/language.md, "Lexical rules").
// Tokens only: no actions, no predicates, no target-language code. The lexer never fails:
// malformed input becomes an ERROR_CHAR / UNTERMINATED_* token that the parse stage reports.
lexer grammar OrmLexer;

channels { DOC }

SCHEMA : 'schema';
IMPORT : 'import';
ENUM   : 'enum';
MODEL  : 'model';
TRUE   : 'true';
FALSE  : 'false';
IN     : 'in';

LBRACE   : '{';
RBRACE   : '}';
LPAREN   : '(';
RPAREN   : ')';
LBRACKET : '[';
RBRACKET : ']';
SEMI     : ';';
COMMA    : ',';
COLON    : ':';
DOT      : '.';
QUESTION : '?';
ATAT     : '@@';
AT       : '@';

EQ    : '==';
NEQ   : '!=';
LE    : '<=';
GE    : '>=';
LT    : '<';
GT    : '>';
AND   : '&&';
OR    : '||';
NOT   : '!';
PLUS  : '+';
MINUS : '-';
STAR  : '*';
SLASH : '/';

IDENT   : [A-Za-z_] [A-Za-z0-9_]*;
DECIMAL : [0-9]+ '.' [0-9]+;
INT     : [0-9]+;
STRING  : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"';

// A string missing its closing quote stops at the end of its line.
UNTERMINATED_STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])*;

// `///` documents the next declaration; `////...` is an ordinary comment.
DOC_COMMENT   : '///' (~[/\r\n] ~[\r\n]*)? -> channel(DOC);
LINE_COMMENT  : '//' ~[\r\n]* -> skip;
BLOCK_COMMENT : '/*' .*? '*/' -> skip;
UNTERMINATED_BLOCK_COMMENT : '/*' .*? EOF;

NEWLINE : '\r'? '\n' | '\r';
WS      : [ \t\f]+ -> skip;

ERROR_CHAR : .;
