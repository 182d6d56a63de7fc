#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace ListingDesk {

/// What went wrong, in words a person can act on. Storage and sync return this
/// instead of throwing, so that every layer can show or log the message as is.
struct Error
{
    enum class Kind {
        Database, ///< the library file could not be read or written
        Data,     ///< the input is malformed or refers to something unknown
        NotFound, ///< the thing asked for does not exist
        Conflict, ///< somebody else saved first (optimistic locking)
        TooNew,   ///< the library was written by a newer version of the program
        Io,       ///< a file outside the library could not be read or written
    };
    Kind kind = Kind::Database;
    QString message;
};

/// Either a value or an error. Small on purpose: ok(), value(), error().
/// The error type is a parameter because the portal layer needs more than a
/// kind and a message (HTTP status, WordPress's code, when to retry).
template <typename T, typename E = Error> class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(E error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const E &error() const { return m_error; }

private:
    std::optional<T> m_value;
    E m_error;
};

template <typename E> class Result<void, E>
{
public:
    Result() = default;
    Result(E error) : m_failed(true), m_error(std::move(error)) {}

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const E &error() const { return m_error; }

private:
    bool m_failed = false;
    E m_error;
};

inline Error makeError(Error::Kind kind, QString message)
{
    return Error{kind, std::move(message)};
}

} // namespace ListingDesk
