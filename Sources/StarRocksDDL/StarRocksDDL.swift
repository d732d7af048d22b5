// StarRocksDDL: the lexer, parser, syntax tree and canonical printer for StarRocks DDL.
//
// It turns migration files and `SHOW CREATE` output into `Statement` values that keep what was written (original
// type spellings, quote-free literals, identifiers without backticks, expressions and queries as token streams), and
// prints a syntax tree back as canonical, re-parseable text. It never does I/O, never normalizes server quirks
// (that is SchemaModel's job) and never guesses: a statement it does not understand is a `DDLParseError`.
