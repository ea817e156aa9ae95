// Native routine registration: the package's only entry point is its Rcpp module.
#include <R.h>
#include <R_ext/Rdynload.h>
#include <Rinternals.h>

extern "C" SEXP _rcpp_module_boot_tfnative_engine();

static const R_CallMethodDef call_entries[] = {
    {"_rcpp_module_boot_tfnative_engine", (DL_FUNC)&_rcpp_module_boot_tfnative_engine, 0},
    {nullptr, nullptr, 0}};

extern "C" void R_init_tfnative(DllInfo* dll) {
  R_registerRoutines(dll, nullptr, call_entries, nullptr, nullptr);
  R_useDynamicSymbols(dll, FALSE);
}
