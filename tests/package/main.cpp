// The consumer's program: includes the header that ormc_generate() wrote from schema/library.orm
// and uses the entity structs, their compile-time metadata (Author comes from the imported
// people.orm) and a function of the installed runtime library. run_package_test.cmake checks
// what it prints.
#include "library.orm.hpp"

#include <ormc/meta.hpp>
#include <ormc/types.hpp>

#include <iostream>
#include <string>
#include <type_traits>

using demo::library::Author;
using demo::library::Book;

static_assert(std::is_same_v<decltype(Book::title), std::string>);
static_assert(std::is_same_v<decltype(Book::author), ormc::ToOne<Author>>);
static_assert(ormc::Entity<Book> && ormc::Entity<Author>);
static_assert(ormc::meta::column<&Book::authorId>().name == "author_id");

int main() {
  Book book;
  book.title = "Dune";
  std::cout << ormc::meta::Model<Book>::table << " -> " << ormc::meta::Model<Author>::table << "\n";
  std::cout << "book.title: " << book.title << "\n";
  std::cout << "author columns: " << ormc::meta::columnCount<Author> << "\n";
  std::cout << "date: " << ormc::formatDate(ormc::makeDate(2024, 2, 29)) << "\n";
}
