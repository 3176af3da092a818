#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <stdexcept>
#include <utility>
#include <variant>

namespace dli {

// What kind of failure an Error is; the CLI maps it to its exit status.
enum class ErrorCode {
    InvalidInput,    // the user's input (a file, a value, an argument) is wrong
    Usage,           // a command was called the wrong way
    NotFound,        // a named thing does not exist
    Conflict,        // the request clashes with what is stored
    Database,        // SQLite failed, the file is corrupt or unwritable
    NotADatabase,    // the file is not a DLI Tracker database
    NewerSchema,     // the database was written by a newer DLI Tracker
    Io,              // a file could not be read or written
    Forbidden,       // the user's role or the workflow's rules do not allow the action
    Unauthenticated, // no login, a wrong user name or password, or a locked account
};

// A user-readable failure: what went wrong, and where in the input when the input was a file.
struct Error {
    ErrorCode code = ErrorCode::InvalidInput;
    QString message;
    QString location;    // e.g. "dlis[2].dlrs[0].target" or "firms.csv:12:3"; empty if none
    QStringList details; // further problems of the same input, already located

    Error() = default;
    Error(ErrorCode c, QString msg, QString loc = {})
        : code(c), message(std::move(msg)), location(std::move(loc))
    {}

    // "location: message" followed by the details, one per line.
    QString text() const;
};

// A value or the Error that stopped it being computed. Errors are values at module boundaries.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    T value_or(T fallback) const& { return ok() ? std::get<T>(m_data) : std::move(fallback); }
    const T& value() const&
    {
        check();
        return std::get<T>(m_data);
    }
    T& value() &
    {
        check();
        return std::get<T>(m_data);
    }
    T&& value() &&
    {
        check();
        return std::get<T>(std::move(m_data));
    }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }

    const Error& error() const
    {
        if (ok())
            throw std::logic_error("Result::error() called on a value");
        return std::get<Error>(m_data);
    }

private:
    void check() const
    {
        if (!ok())
            throw std::logic_error("Result::value() called on an error");
    }
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        if (ok())
            throw std::logic_error("Result::error() called on success");
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace dli

// Propagates a failed Status or Result from the enclosing function.
#define DLI_TRY(expr)                                                                              \
    do {                                                                                           \
        if (auto dliTryResult_ = (expr); !dliTryResult_)                                           \
            return dliTryResult_.error();                                                          \
    } while (false)

#define DLI_CONCAT_INNER(a, b) a##b
#define DLI_CONCAT(a, b) DLI_CONCAT_INNER(a, b)
#define DLI_ASSIGN_IMPL(target, expr, tmp)                                                         \
    auto tmp = (expr);                                                                             \
    if (!tmp)                                                                                      \
        return tmp.error();                                                                        \
    target = std::move(tmp).value()
// Assigns a Result's value to target, or returns its error from the enclosing function.
#define DLI_ASSIGN(target, expr) DLI_ASSIGN_IMPL(target, expr, DLI_CONCAT(dliAssign_, __LINE__))
