// Rcpp modules: the only file that knows both R and the engine.
// Every method returns either its value or a "tfn_status" list (code, message);
// R's conditions.R turns the latter into one classed condition.
#include <Rcpp.h>

#include <climits>
#include <cmath>
#include <cstring>
#include <limits>

#include "engine/checkpoint/bundle.h"
#include "engine/checkpoint/crc32c.h"
#include "engine/checkpoint/variables_io.h"
#include "engine/convert.h"
#include "engine/device.h"
#include "engine/graph.h"
#include "engine/op_registry.h"
#include "engine/session.h"

using tfn::Code;
using tfn::Dims;
using tfn::DType;
using tfn::Tensor;

namespace {

SEXP status(int code, const std::string& msg) {
  Rcpp::List s = Rcpp::List::create(Rcpp::Named("code") = code, Rcpp::Named("message") = msg);
  s.attr("class") = "tfn_status";
  return s;
}

// Runs body; engine errors and C++ exceptions become a status value, never an R longjmp through C++.
template <typename F>
SEXP guarded(F&& body) {
  try {
    return body();
  } catch (const tfn::Error& e) {
    return status(static_cast<int>(e.code()), e.what());
  } catch (const std::bad_alloc&) {
    return status(static_cast<int>(Code::kResourceExhausted), "OOM: out of memory");
  } catch (const std::exception& e) {
    return status(static_cast<int>(Code::kInternal), e.what());
  }
}

Dims dims_from_r(SEXP x) {
  Dims d;
  if (Rf_isNull(x)) return d;
  Rcpp::NumericVector v(x);
  for (double e : v) {
    if (std::isnan(e) || e < -1 || e != std::floor(e) || e > 9.0e15)
      tfn::fail(Code::kInvalidArgument, "Invalid dimension in shape");
    d.push_back(static_cast<std::int64_t>(e));
  }
  return d;
}

SEXP dims_to_r(const Dims& d) {
  Rcpp::NumericVector v(d.size());
  for (std::size_t i = 0; i < d.size(); ++i) v[i] = d[i] < 0 ? NA_REAL : static_cast<double>(d[i]);
  return v;
}

template <typename To>
void check_whole(double x, const char* type_name) {
  if (std::isnan(x)) tfn::fail(Code::kInvalidArgument, std::string("NA/NaN values cannot be converted to ") + type_name);
  // -lowest is 2^31 or 2^63, exact in a double (max is not for int64: it rounds up to 2^63).
  if (x != std::floor(x) || x < static_cast<double>(std::numeric_limits<To>::lowest()) ||
      x >= -static_cast<double>(std::numeric_limits<To>::lowest()))
    tfn::fail(Code::kTypeError, std::string("Expected ") + type_name + ", got " + std::to_string(x) + " instead.");
}

// R vector/array (column-major) -> row-major tensor of `dtype` with dims `d`.
Tensor tensor_from_r(SEXP x, DType dtype, const Dims& d) {
  std::int64_t n = tfn::checked_num_elements(d);
  if (Rf_xlength(x) != n)
    tfn::fail(Code::kInvalidArgument, "Value has " + std::to_string(Rf_xlength(x)) + " elements but shape " +
                                          tfn::dims_debug_string(d) + " needs " + std::to_string(n));
  Tensor t(dtype, d);
  int type = TYPEOF(x);
  if (dtype == DType::kString) {
    if (type != STRSXP) tfn::fail(Code::kTypeError, "Expected string, got a non-character value");
    // Index mapping through a row-major table of column-major positions.
    std::vector<std::int64_t> pos(static_cast<std::size_t>(n));
    std::vector<std::int64_t> iota(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) iota[i] = i;
    tfn::colmajor_to_rowmajor(iota.data(), pos.data(), d);
    auto& s = t.strings();
    for (std::int64_t i = 0; i < n; ++i) {
      SEXP e = STRING_ELT(x, pos[i]);
      if (e == NA_STRING) tfn::fail(Code::kInvalidArgument, "NA values cannot be converted to string");
      // Strings marked latin1 (or in a native non-UTF-8 locale) become UTF-8; bytes stay bytes.
      cetype_t ce = Rf_getCharCE(e);
      if (ce == CE_UTF8 || ce == CE_BYTES) s[i] = std::string(CHAR(e), LENGTH(e));
      else s[i] = Rf_translateCharUTF8(e);  // latin1 -> UTF-8 cannot fail
    }
    return t;
  }
  if (type == REALSXP) {
    const double* src = REAL(x);
    // NaN passes (TensorFlow has it); R's NA has no tensor counterpart.
    for (std::int64_t i = 0; i < n; ++i)
      if (std::isnan(src[i]) && R_IsNA(src[i]))
        tfn::fail(Code::kInvalidArgument, std::string("NA values cannot be converted to ") + tfn::dtype_name(dtype));
    switch (dtype) {
      case DType::kFloat: tfn::colmajor_to_rowmajor(src, t.data<float>(), d); break;
      case DType::kDouble: tfn::colmajor_to_rowmajor(src, t.data<double>(), d); break;
      case DType::kInt32:
        for (std::int64_t i = 0; i < n; ++i) check_whole<std::int32_t>(src[i], "int32");
        tfn::colmajor_to_rowmajor(src, t.data<std::int32_t>(), d);
        break;
      case DType::kInt64:
        for (std::int64_t i = 0; i < n; ++i) check_whole<std::int64_t>(src[i], "int64");
        tfn::colmajor_to_rowmajor(src, t.data<std::int64_t>(), d);
        break;
      case DType::kBool:
        for (std::int64_t i = 0; i < n; ++i)
          if (std::isnan(src[i])) tfn::fail(Code::kInvalidArgument, "NA values cannot be converted to bool");
        tfn::colmajor_to_rowmajor(src, t.data<bool>(), d);
        break;
      default: tfn::fail(Code::kTypeError, "Cannot convert a numeric value to string");
    }
    return t;
  }
  if (type == INTSXP || type == LGLSXP) {
    const int* src = type == INTSXP ? INTEGER(x) : LOGICAL(x);
    for (std::int64_t i = 0; i < n; ++i)
      if (src[i] == NA_INTEGER)
        tfn::fail(Code::kInvalidArgument, std::string("NA values cannot be converted to ") + tfn::dtype_name(dtype));
    switch (dtype) {
      case DType::kFloat: tfn::colmajor_to_rowmajor(src, t.data<float>(), d); break;
      case DType::kDouble: tfn::colmajor_to_rowmajor(src, t.data<double>(), d); break;
      case DType::kInt32: tfn::colmajor_to_rowmajor(src, t.data<std::int32_t>(), d); break;
      case DType::kInt64: tfn::colmajor_to_rowmajor(src, t.data<std::int64_t>(), d); break;
      case DType::kBool: tfn::colmajor_to_rowmajor(src, t.data<bool>(), d); break;
      default: tfn::fail(Code::kTypeError, "Cannot convert a numeric value to string");
    }
    return t;
  }
  tfn::fail(Code::kTypeError, "Cannot convert an R value of this type to a tensor");
}

// Rf_allocVector with R errors caught inside R: a failed allocation becomes an engine
// error here instead of a longjmp through C++ frames (which would leak what they hold).
struct AllocRequest {
  SEXPTYPE type;
  R_xlen_t n;
};
SEXP alloc_body(void* data) {
  auto* r = static_cast<AllocRequest*>(data);
  return Rf_allocVector(r->type, r->n);
}
SEXP alloc_failed(SEXP, void*) { return R_NilValue; }

SEXP alloc_r(SEXPTYPE type, R_xlen_t n) {
  // Catching costs microseconds (R_tryCatchError runs R's condition machinery): only large
  // allocations, the ones that can fail and that are worth not leaking, pay for it.
  if (n < (R_xlen_t(1) << 20)) return Rf_allocVector(type, n);
  AllocRequest req{type, n};
  SEXP out = R_tryCatchError(alloc_body, &req, alloc_failed, nullptr);
  if (out == R_NilValue)
    tfn::fail(Code::kResourceExhausted, "OOM: cannot allocate an R vector of " + std::to_string(static_cast<long long>(n)) + " elements");
  return out;
}

// PROTECTs what it is given and UNPROTECTs it all when the scope ends, by return or by exception.
class ProtectScope {
 public:
  ProtectScope() = default;
  ProtectScope(const ProtectScope&) = delete;
  ProtectScope& operator=(const ProtectScope&) = delete;
  ~ProtectScope() {
    if (n_) UNPROTECT(n_);
  }
  SEXP operator()(SEXP x) {
    PROTECT(x);
    ++n_;
    return x;
  }

 private:
  int n_ = 0;
};

bool valid_utf8(const std::string& s) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int extra = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
    if (extra < 0 || i + extra >= n + (extra == 0 ? 1 : 0)) return false;
    for (int k = 1; k <= extra; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

SEXP tensor_to_r(const Tensor& t) {
  if (!t.valid()) return R_NilValue;
  const Dims& d = t.shape();
  R_xlen_t n = static_cast<R_xlen_t>(t.size());
  if (d.size() >= 2)
    for (auto e : d)
      if (e > INT_MAX) tfn::fail(Code::kInvalidArgument, "An R array dimension cannot exceed 2^31 - 1, and this tensor has shape " + tfn::dims_debug_string(d));
  SEXP out;
  ProtectScope keep;  // protects `out`, also when an error leaves this function early
  switch (t.dtype()) {
    case DType::kFloat:
      out = keep(alloc_r(REALSXP, n));
      tfn::rowmajor_to_colmajor(t.data<float>(), REAL(out), d);
      break;
    case DType::kDouble:
      out = keep(alloc_r(REALSXP, n));
      tfn::rowmajor_to_colmajor(t.data<double>(), REAL(out), d);
      break;
    case DType::kInt64:
      out = keep(alloc_r(REALSXP, n));
      tfn::rowmajor_to_colmajor(t.data<std::int64_t>(), REAL(out), d);
      break;
    case DType::kInt32:
      out = keep(alloc_r(INTSXP, n));
      tfn::rowmajor_to_colmajor(t.data<std::int32_t>(), INTEGER(out), d);
      break;
    case DType::kBool:
      out = keep(alloc_r(LGLSXP, n));
      tfn::rowmajor_to_colmajor(t.data<bool>(), LOGICAL(out), d);
      break;
    case DType::kString: {
      std::vector<std::int64_t> iota(static_cast<std::size_t>(n)), pos(static_cast<std::size_t>(n));
      for (R_xlen_t i = 0; i < n; ++i) iota[i] = i;
      tfn::rowmajor_to_colmajor(iota.data(), pos.data(), d);  // pos[col-major] = row-major index
      const auto& s = t.strings();
      bool has_nul = false;
      for (const auto& e : s) has_nul = has_nul || e.find('\0') != std::string::npos;
      if (has_nul) {
        // R strings cannot hold NUL bytes: such tensors come back as lists of raw vectors.
        out = keep(alloc_r(VECSXP, n));
        for (R_xlen_t i = 0; i < n; ++i) {
          const std::string& e = s[pos[i]];
          SEXP r = alloc_r(RAWSXP, static_cast<R_xlen_t>(e.size()));
          SET_VECTOR_ELT(out, i, r);
          if (!e.empty()) std::memcpy(RAW(r), e.data(), e.size());
        }
        break;
      }
      out = keep(alloc_r(STRSXP, n));
      for (R_xlen_t i = 0; i < n; ++i) {
        const std::string& e = s[pos[i]];
        if (e.size() > static_cast<std::size_t>(INT_MAX)) {
          tfn::fail(Code::kInvalidArgument, "A string of more than 2^31 - 1 bytes cannot be an R string");
        }
        SET_STRING_ELT(out, i, Rf_mkCharLenCE(e.data(), static_cast<int>(e.size()), valid_utf8(e) ? CE_UTF8 : CE_BYTES));
      }
      break;
    }
    default:
      return R_NilValue;
  }
  // Every rank >= 1 gets a dim (rank 1 a 1-d array), so a fetched value fed back keeps its shape.
  if (!d.empty()) {
    SEXP dim = keep(alloc_r(REALSXP, static_cast<R_xlen_t>(d.size())));
    for (std::size_t i = 0; i < d.size(); ++i) REAL(dim)[i] = static_cast<double>(d[i]);
    Rf_setAttrib(out, R_DimSymbol, dim);
  }
  return out;
}

tfn::PartialShape pshape_from_r(SEXP x) {
  // NULL: unknown rank; otherwise dims with NA for unknown.
  if (Rf_isNull(x)) return tfn::PartialShape::unknown();
  Rcpp::NumericVector v(x);
  Dims d;
  for (double e : v) {
    if (std::isnan(e)) { d.push_back(-1); continue; }
    if (e < 0 || e != std::floor(e) || e > 9.0e15) tfn::fail(Code::kInvalidArgument, "Invalid dimension in shape");
    d.push_back(static_cast<std::int64_t>(e));
  }
  return tfn::PartialShape::of(d);
}

// Attribute values arrive tagged by class: tfn_dims, tfn_pshape, tfn_dtype, tfn_value, tfn_strings.
tfn::AttrValue attr_from_r(SEXP x) {
  if (Rf_inherits(x, "tfn_dims")) return dims_from_r(x);
  if (Rf_inherits(x, "tfn_ints")) {  // whole numbers, negatives allowed (axes)
    Dims v;
    for (double e : Rcpp::NumericVector(x)) {
      if (std::isnan(e) || e != std::floor(e) || std::abs(e) > 9.0e15) tfn::fail(Code::kInvalidArgument, "Axes must be whole numbers");
      v.push_back(static_cast<std::int64_t>(e));
    }
    return v;
  }
  if (Rf_inherits(x, "tfn_pshape")) {
    Rcpp::List l(x);
    return pshape_from_r(l[0]);
  }
  if (Rf_inherits(x, "tfn_dtype")) return tfn::dtype_from_enum(Rcpp::as<int>(x));
  if (Rf_inherits(x, "tfn_value")) {
    Rcpp::List l(x);
    DType dtype = tfn::dtype_from_enum(Rcpp::as<int>(l["dtype"]));
    Dims dims = dims_from_r(l["dims"]);
    if (!Rcpp::as<bool>(l["rowmajor"])) return tensor_from_r(l["value"], dtype, dims);
    // A flat R vector laid out in row-major order (or one value to repeat).
    SEXP v = l["value"];
    Tensor flat = tensor_from_r(v, dtype, {static_cast<std::int64_t>(Rf_xlength(v))});
    if (flat.size() == tfn::num_elements(dims)) return flat.reshaped(dims);
    if (flat.size() != 1) tfn::fail(Code::kInvalidArgument, "Value does not fit the shape " + tfn::dims_debug_string(dims));
    Tensor out(dtype, dims);
    if (dtype == DType::kString) {
      for (auto& s : out.strings()) s = flat.strings()[0];
      return out;
    }
    std::size_t es = tfn::dtype_size(dtype);
    for (std::int64_t i = 0; i < out.size(); ++i)
      std::memcpy(static_cast<char*>(out.raw()) + i * es, flat.raw(), es);
    return out;
  }
  if (Rf_inherits(x, "tfn_strings")) return Rcpp::as<std::vector<std::string>>(x);
  switch (TYPEOF(x)) {
    case LGLSXP: return static_cast<bool>(LOGICAL(x)[0]);
    case INTSXP: return static_cast<std::int64_t>(INTEGER(x)[0]);
    case REALSXP: return REAL(x)[0];
    case STRSXP: return std::string(CHAR(STRING_ELT(x, 0)));
    default: tfn::fail(Code::kInvalidArgument, "Unsupported attribute value");
  }
}

std::vector<tfn::Endpoint> endpoints(const Rcpp::IntegerVector& nodes, const Rcpp::IntegerVector& idx) {
  std::vector<tfn::Endpoint> e(nodes.size());
  for (R_xlen_t i = 0; i < nodes.size(); ++i) e[i] = {nodes[i], idx[i]};
  return e;
}

}  // namespace

class GraphModule {
 public:
  GraphModule() : graph_(std::make_shared<tfn::Graph>()) {}
  const std::shared_ptr<tfn::Graph>& graph() const { return graph_; }

  SEXP unique_name(std::string name, bool mark) {
    return guarded([&] { return Rcpp::wrap(graph_->unique_name(name, mark)); });
  }

  SEXP add_op(std::string type, std::string name, Rcpp::IntegerVector in_nodes, Rcpp::IntegerVector in_idx,
              Rcpp::IntegerVector control, Rcpp::List attrs, std::string device) {
    return guarded([&] {
      tfn::AttrMap map;
      if (attrs.size() > 0) {
        Rcpp::CharacterVector names = attrs.names();
        for (R_xlen_t i = 0; i < attrs.size(); ++i) map[std::string(names[i])] = attr_from_r(attrs[i]);
      }
      int id = graph_->add_node(type, name, endpoints(in_nodes, in_idx),
                                std::vector<int>(control.begin(), control.end()), std::move(map), device);
      return Rcpp::wrap(id);
    });
  }

  SEXP set_device(int id, std::string device) {
    return guarded([&] {
      graph_->set_device(id, device);
      return R_NilValue;
    });
  }

  SEXP set_shape(int id, int index, SEXP dims) {
    return guarded([&] {
      graph_->set_output_shape(id, index, pshape_from_r(dims));
      return R_NilValue;
    });
  }

  SEXP find_op(std::string name) { return Rcpp::wrap(graph_->find_node(name)); }
  int num_ops() { return graph_->num_nodes(); }

  // name, type, device, output dtypes, inputs (node, index), control inputs.
  SEXP op_info(int id) {
    return guarded([&] {
      const tfn::Node& n = graph_->node(id);
      Rcpp::CharacterVector dt(n.out_dtypes.size());
      for (std::size_t i = 0; i < n.out_dtypes.size(); ++i) dt[i] = tfn::dtype_name(n.out_dtypes[i]);
      Rcpp::IntegerVector in_nodes(n.inputs.size()), in_idx(n.inputs.size());
      for (std::size_t i = 0; i < n.inputs.size(); ++i) { in_nodes[i] = n.inputs[i].node; in_idx[i] = n.inputs[i].index; }
      return Rcpp::List::create(Rcpp::Named("name") = n.name, Rcpp::Named("type") = n.type,
                                Rcpp::Named("device") = n.device, Rcpp::Named("dtypes") = dt,
                                Rcpp::Named("input_nodes") = in_nodes, Rcpp::Named("input_index") = in_idx,
                                Rcpp::Named("control_inputs") = Rcpp::wrap(n.control_inputs));
    });
  }
  SEXP op_name(int id) {
    return guarded([&] { return Rcpp::wrap(graph_->node(id).name); });
  }
  // list(dtype, dims) of one output; dims NULL for unknown rank, NA for unknown sizes.
  SEXP output_type(int id, int index) {
    return guarded([&] {
      const tfn::Node& n = graph_->node(id);
      if (index < 0 || index >= static_cast<int>(n.out_dtypes.size()))
        tfn::fail(Code::kValueError, "Operation " + n.name + " has no output " + std::to_string(index));
      const tfn::PartialShape& s = n.out_shapes[index];
      return Rcpp::List::create(Rcpp::wrap(tfn::dtype_name(n.out_dtypes[index])),
                                s.known_rank ? dims_to_r(s.dims) : R_NilValue);
    });
  }
  SEXP op_attr(int id, std::string key) {
    return guarded([&]() -> SEXP {
      const tfn::Node& n = graph_->node(id);
      auto it = n.attrs.find(key);
      if (it == n.attrs.end()) tfn::fail(Code::kValueError, "Operation '" + n.name + "' has no attr named '" + key + "'.");
      const tfn::AttrValue& v = it->second;
      if (auto p = std::get_if<std::int64_t>(&v)) return Rcpp::wrap(static_cast<double>(*p));
      if (auto p = std::get_if<double>(&v)) return Rcpp::wrap(*p);
      if (auto p = std::get_if<bool>(&v)) return Rcpp::wrap(*p);
      if (auto p = std::get_if<std::string>(&v)) return Rcpp::wrap(*p);
      if (auto p = std::get_if<DType>(&v)) return Rcpp::wrap(std::string(tfn::dtype_name(*p)));
      // Integer-list attrs as stored: -1 is a value here (a reduction axis, reshape's inferred dim), not "unknown".
      if (auto p = std::get_if<Dims>(&v)) return Rcpp::NumericVector(p->begin(), p->end());
      if (auto p = std::get_if<tfn::PartialShape>(&v)) return p->known_rank ? dims_to_r(p->dims) : R_NilValue;
      if (auto p = std::get_if<Tensor>(&v)) return tensor_to_r(*p);
      if (auto p = std::get_if<std::vector<std::string>>(&v)) return Rcpp::wrap(*p);
      return R_NilValue;
    });
  }

 private:
  std::shared_ptr<tfn::Graph> graph_;
};

class SessionModule {
 public:
  explicit SessionModule(SEXP graph_object) {
    Rcpp::Environment env(graph_object);
    Rcpp::XPtr<GraphModule> g(env.get(".pointer"));
    session_ = std::make_unique<tfn::Session>(g->graph());
  }

  SEXP run(Rcpp::IntegerVector fetch_nodes, Rcpp::IntegerVector fetch_idx, Rcpp::IntegerVector targets,
           Rcpp::IntegerVector feed_nodes, Rcpp::IntegerVector feed_idx, Rcpp::List feed_values) {
    return guarded([&] {
      std::vector<tfn::Feed> feeds;
      for (R_xlen_t i = 0; i < feed_nodes.size(); ++i) {
        tfn::Endpoint e{feed_nodes[i], feed_idx[i]};
        require_endpoint(e);
        const tfn::Node& n = session_->graph()->node(e.node);
        Rcpp::List fv(feed_values[i]);  // list(value, dims)
        feeds.push_back({e, tensor_from_r(fv[0], n.out_dtypes[e.index], dims_from_r(fv[1]))});
      }
      std::vector<Tensor> out = session_->run(endpoints(fetch_nodes, fetch_idx),
                                              std::vector<int>(targets.begin(), targets.end()), feeds);
      Rcpp::List res(out.size());
      for (std::size_t i = 0; i < out.size(); ++i) res[i] = tensor_to_r(out[i]);
      return static_cast<SEXP>(res);
    });
  }

  // The hot path: one fetch, no feeds.
  SEXP run1(int node, int index) {
    return guarded([&] {
      std::vector<Tensor> out = session_->run({{node, index}}, {}, {});
      return tensor_to_r(out[0]);
    });
  }

  SEXP run_target(int node) {
    return guarded([&] {
      session_->run({}, {node}, {});
      return R_NilValue;
    });
  }

  // Checkpoint jobs run in steps so R can show progress; one job at a time.
  SEXP save_begin(std::string prefix, std::vector<std::string> keys, std::vector<int> variables, std::vector<int> shards,
                  int num_shards) {
    return guarded([&] {
      job_cancel();
      save_job_ = std::make_unique<tfn::SaveJob>(*session_, prefix, keys, variables, shards, num_shards);
      return R_NilValue;
    });
  }

  SEXP restore_begin(std::string prefix, std::vector<std::string> keys, std::vector<int> variables) {
    return guarded([&] {
      job_cancel();
      restore_job_ = std::make_unique<tfn::RestoreJob>(*session_, prefix, keys, variables);
      return R_NilValue;
    });
  }

  // list(done, fraction); an error ends the job (a save's temporary files are removed).
  SEXP job_step(double budget) {
    SEXP r = guarded([&] {
      bool done;
      double fraction;
      if (save_job_) {
        done = save_job_->step(static_cast<std::uint64_t>(budget));
        fraction = save_job_->fraction();
      } else if (restore_job_) {
        done = restore_job_->step(static_cast<std::uint64_t>(budget));
        fraction = restore_job_->fraction();
      } else {
        tfn::fail(Code::kFailedPrecondition, "No checkpoint job is running");
      }
      if (done) job_abandon();
      return Rcpp::List::create(done, fraction);
    });
    if (Rf_inherits(r, "tfn_status")) job_abandon();
    return r;
  }

  // Called when R stops driving a job (an interrupt): a save is dropped (its temporary
  // files go, the old checkpoint stays); a restore past verification is completed.
  void job_cancel() {
    if (restore_job_ && restore_job_->committed()) {
      try {
        while (!restore_job_->step(UINT64_MAX)) {
        }
      } catch (const std::exception&) {
        // Only a file changed during the restore can fail here; nothing more can be done.
      }
    }
    job_abandon();
  }

  void job_abandon() {
    save_job_.reset();
    restore_job_.reset();
  }

  void configure(bool allow_soft_placement, bool log_device_placement) {
    session_->configure(allow_soft_placement, log_device_placement);
  }
  std::vector<std::string> take_placement_log() { return session_->take_placement_log(); }

  void close() { session_->close(); }
  bool closed() { return session_->closed(); }
  int cached_plans() { return static_cast<int>(session_->cached_plans()); }

 private:
  void require_endpoint(const tfn::Endpoint& e) {
    const tfn::Graph& g = *session_->graph();
    if (e.node < 0 || e.node >= g.num_nodes() || e.index < 0 ||
        e.index >= static_cast<int>(g.node(e.node).out_dtypes.size()))
      tfn::fail(Code::kInvalidArgument, "Feed is not an output of this graph");
  }
  std::unique_ptr<tfn::Session> session_;
  std::unique_ptr<tfn::SaveJob> save_job_;
  std::unique_ptr<tfn::RestoreJob> restore_job_;
};

// Read access to a checkpoint: open() then list and fetch tensors.
class CheckpointReaderModule {
 public:
  SEXP open(std::string prefix) {
    return guarded([&] {
      reader_ = std::make_unique<tfn::bundle::Reader>(prefix);
      return R_NilValue;
    });
  }
  // list(names, dtype names ("float32", ... or TensorFlow's for others), shapes)
  SEXP variables() {
    return guarded([&] {
      require_open();
      const auto& entries = reader_->entries();
      Rcpp::CharacterVector names(entries.size()), dtypes(entries.size());
      Rcpp::List shapes(entries.size());
      R_xlen_t i = 0;
      for (const auto& kv : entries) {
        names[i] = kv.first;
        int dt = kv.second.dtype;
        bool known = dt == 1 || dt == 2 || dt == 3 || dt == 7 || dt == 9 || dt == 10;
        dtypes[i] = known ? tfn::dtype_name(static_cast<DType>(dt)) : tfn::bundle::tf_type_string(dt);
        shapes[i] = dims_to_r(kv.second.shape);
        ++i;
      }
      return Rcpp::List::create(names, dtypes, shapes);
    });
  }
  SEXP get(std::string key) {
    return guarded([&] {
      require_open();
      return tensor_to_r(reader_->read(key));
    });
  }
  SEXP debug_string() {
    return guarded([&] {
      require_open();
      std::string out;
      for (const auto& kv : reader_->entries())
        out += kv.first + " (" + tfn::bundle::tf_type_string(kv.second.dtype, true) + ") " +
               tfn::dims_debug_string(kv.second.shape) + "\n";
      return Rcpp::wrap(out);
    });
  }

 private:
  void require_open() {
    if (!reader_) tfn::fail(Code::kFailedPrecondition, "The checkpoint reader is not open");
  }
  std::unique_ptr<tfn::bundle::Reader> reader_;
};

SEXP checkpoint_state_read(std::string path) {
  return guarded([&] {
    tfn::CheckpointState s = tfn::parse_checkpoint_state(tfn::read_file(path), path);
    return Rcpp::List::create(Rcpp::Named("model_checkpoint_path") = s.model_checkpoint_path,
                              Rcpp::Named("all_model_checkpoint_paths") = s.all_model_checkpoint_paths,
                              Rcpp::Named("all_model_checkpoint_timestamps") = s.all_model_checkpoint_timestamps,
                              Rcpp::Named("last_preserved_timestamp") = s.last_preserved_timestamp);
  });
}

SEXP checkpoint_state_write(std::string path, std::string model_path, std::vector<std::string> all_paths) {
  return guarded([&] {
    tfn::CheckpointState s;
    s.model_checkpoint_path = model_path;
    s.all_model_checkpoint_paths = all_paths;
    tfn::write_file_atomically(path, tfn::format_checkpoint_state(s));
    return R_NilValue;
  });
}

// DeviceSpec fields of a device name: list(job, replica, task, device_type, device_index), NA where unset.
SEXP device_parse(std::string spec) {
  return guarded([&] {
    tfn::DeviceSpec d = tfn::DeviceSpec::parse(spec);
    return Rcpp::List::create(
        Rcpp::Named("job") = d.job.empty() ? Rcpp::CharacterVector::create(NA_STRING) : Rcpp::CharacterVector::create(d.job),
        Rcpp::Named("replica") = d.replica < 0 ? NA_INTEGER : d.replica,
        Rcpp::Named("task") = d.task < 0 ? NA_INTEGER : d.task,
        Rcpp::Named("device_type") = d.device_type.empty() ? Rcpp::CharacterVector::create(NA_STRING) : Rcpp::CharacterVector::create(d.device_type),
        Rcpp::Named("device_index") = d.device_index < 0 ? NA_INTEGER : d.device_index);
  });
}

// For benchmarks: whether crc32c uses the CPU instruction, and the crc of raw bytes.
bool crc32c_hardware() { return tfn::crc32c::hardware_accelerated(); }
double crc32c_raw(Rcpp::RawVector x) { return tfn::crc32c::value(RAW(x), static_cast<std::size_t>(x.size())); }

// TRUE when an external pointer (e.g. an object restored by readRDS) no longer points anywhere.
bool xptr_is_null(SEXP x) { return TYPEOF(x) != EXTPTRSXP || R_ExternalPtrAddr(x) == nullptr; }

RCPP_MODULE(tfnative_engine) {
  Rcpp::class_<GraphModule>("EngineGraph")
      .constructor()
      .method("unique_name", &GraphModule::unique_name)
      .method("add_op", &GraphModule::add_op)
      .method("find_op", &GraphModule::find_op)
      .method("set_device", &GraphModule::set_device)
      .method("set_shape", &GraphModule::set_shape)
      .method("num_ops", &GraphModule::num_ops)
      .method("op_info", &GraphModule::op_info)
      .method("op_name", &GraphModule::op_name)
      .method("output_type", &GraphModule::output_type)
      .method("op_attr", &GraphModule::op_attr);
  Rcpp::class_<SessionModule>("EngineSession")
      .constructor<SEXP>()
      .method("run", &SessionModule::run)
      .method("run1", &SessionModule::run1)
      .method("run_target", &SessionModule::run_target)
      .method("save_begin", &SessionModule::save_begin)
      .method("restore_begin", &SessionModule::restore_begin)
      .method("job_step", &SessionModule::job_step)
      .method("job_cancel", &SessionModule::job_cancel)
      .method("configure", &SessionModule::configure)
      .method("take_placement_log", &SessionModule::take_placement_log)
      .method("close", &SessionModule::close)
      .method("closed", &SessionModule::closed)
      .method("cached_plans", &SessionModule::cached_plans);
  Rcpp::class_<CheckpointReaderModule>("EngineCheckpointReader")
      .constructor()
      .method("open", &CheckpointReaderModule::open)
      .method("variables", &CheckpointReaderModule::variables)
      .method("get", &CheckpointReaderModule::get)
      .method("debug_string", &CheckpointReaderModule::debug_string);
  Rcpp::function("xptr_is_null", &xptr_is_null);
  Rcpp::function("checkpoint_state_read", &checkpoint_state_read);
  Rcpp::function("crc32c_hardware", &crc32c_hardware);
  Rcpp::function("device_parse", &device_parse);
  Rcpp::function("crc32c_raw", &crc32c_raw);
  Rcpp::function("checkpoint_state_write", &checkpoint_state_write);
}
