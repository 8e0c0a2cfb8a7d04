// The stable diagnostic codes, one per rule. A code never changes meaning once released:
// tests, docs/diagnostics.md and users' CI scripts refer to them.
// E01xx syntax, E02xx names and imports, E03xx types and attributes, E04xx migrations,
// W0xxx warnings.
#pragma once

namespace ormc::codes {

// --- E01xx: lexical and syntax errors ---------------------------------------
inline constexpr const char* kSyntax = "E0101";               // unexpected or missing token
inline constexpr const char* kUnterminatedString = "E0102";
inline constexpr const char* kUnterminatedComment = "E0103";
inline constexpr const char* kInvalidCharacter = "E0104";     // a character no token starts with
inline constexpr const char* kInvalidUtf8 = "E0105";
inline constexpr const char* kNestingTooDeep = "E0106";
inline constexpr const char* kInvalidEscape = "E0107";
inline constexpr const char* kNumberOutOfRange = "E0108";
inline constexpr const char* kTooManyErrors = "E0109";        // the error limit was reached
inline constexpr const char* kFileTooLarge = "E0110";

// --- E02xx: names, declarations and imports ----------------------------------
inline constexpr const char* kUnknownType = "E0201";
inline constexpr const char* kDuplicateDeclaration = "E0202";  // model or enum
inline constexpr const char* kDuplicateField = "E0203";
inline constexpr const char* kDuplicateEnumValue = "E0204";
inline constexpr const char* kDuplicateTable = "E0205";        // after @@map / join tables
inline constexpr const char* kDuplicateColumn = "E0206";       // after @map
inline constexpr const char* kUnknownField = "E0207";          // in @@index, @@unique, @@id, @check, @relation
inline constexpr const char* kUnknownEnumValue = "E0208";
inline constexpr const char* kImportNotFound = "E0209";
inline constexpr const char* kImportCycle = "E0210";
inline constexpr const char* kUnknownAttribute = "E0211";
inline constexpr const char* kDuplicateConstraintName = "E0212";
inline constexpr const char* kMissingSchema = "E0213";
inline constexpr const char* kConflictingSchema = "E0214";
inline constexpr const char* kInvalidName = "E0215";           // a name that cannot become SQL/C++
inline constexpr const char* kNameTooLong = "E0216";           // table/column/constraint name over 64 on MySQL

// --- E03xx: types, attributes and relations ----------------------------------
inline constexpr const char* kNoPrimaryKey = "E0301";
inline constexpr const char* kSeveralPrimaryKeys = "E0302";
inline constexpr const char* kAutoincrementNotIntegerId = "E0303";
inline constexpr const char* kDefaultTypeMismatch = "E0304";
inline constexpr const char* kUpdatedAtType = "E0305";
inline constexpr const char* kVersionType = "E0306";
inline constexpr const char* kRelationArity = "E0307";         // fields vs references count
inline constexpr const char* kRelationTypeMismatch = "E0308";
inline constexpr const char* kReferencesNotUnique = "E0309";
inline constexpr const char* kInverseUnpaired = "E0310";
inline constexpr const char* kInverseAmbiguous = "E0311";
inline constexpr const char* kImpossibleAction = "E0312";      // SetNull on a required FK
inline constexpr const char* kUnboundedStringKey = "E0313";    // String without length in key/index, MySQL
inline constexpr const char* kAttributeArguments = "E0314";    // wrong count, name or kind of arguments
inline constexpr const char* kAttributeMisplaced = "E0315";    // attribute not allowed on this field/type
inline constexpr const char* kDuplicateAttribute = "E0316";
inline constexpr const char* kListNotRelation = "E0317";       // T[] of a scalar or enum
inline constexpr const char* kTypeArguments = "E0318";         // String(0), Decimal(3,5), Int32(4)
inline constexpr const char* kRelationOptionality = "E0319";   // optional relation vs FK nullability
inline constexpr const char* kRelationMissing = "E0320";       // a to-one field with no @relation and no partner
inline constexpr const char* kCheckType = "E0321";             // ill-typed @check expression
inline constexpr const char* kManyToManyFields = "E0322";      // fields/references on a list side
inline constexpr const char* kAmbiguousRelation = "E0323";     // several relations between two models, unnamed
inline constexpr const char* kIndexTooLong = "E0324";          // MySQL 3072-byte key limit
inline constexpr const char* kEmptyEnum = "E0325";
inline constexpr const char* kNullableKey = "E0326";           // @id / @@id on a nullable field
inline constexpr const char* kRelationFieldUsage = "E0327";    // a relation field used as a column
inline constexpr const char* kInvalidDefault = "E0328";        // a default the type cannot hold (range, format)
inline constexpr const char* kManyToManyKey = "E0329";         // m2m side without a usable primary key
inline constexpr const char* kRelationFieldsBothSides = "E0330";  // both sides of one relation declare fields:
inline constexpr const char* kInverseCardinality = "E0331";    // list inverse of a unique FK, or to-one inverse of a non-unique one

// --- W0xxx: warnings (never stop the build) ----------------------------------
inline constexpr const char* kEmptySchema = "W0001";
inline constexpr const char* kCppKeyword = "W0002";

}  // namespace ormc::codes
