#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dli {

// Columns of text aligned for a terminal: left-aligned text, right-aligned numbers.
class TextTable {
public:
    enum class Align { Left, Right };

    explicit TextTable(QStringList headers, QList<Align> align = {});
    void addRow(QStringList cells);
    bool isEmpty() const { return m_rows.isEmpty(); }
    // Each line starts with indent; columns are separated by two spaces; no trailing spaces.
    QString render(const QString& indent = {}) const;

private:
    QStringList m_headers;
    QList<Align> m_align;
    QList<QStringList> m_rows;
};

} // namespace dli
