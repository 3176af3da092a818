#include "ui/widgets/audit_entry_view.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace dli::ui {

namespace {

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString compact(const QJsonValue& v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isString()) {
        // A JSON string as JSON writes it, quotes and escapes included.
        const QByteArray doc = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(doc.mid(1, doc.size() - 2));
    }
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    return u"null"_s;
}

// A row as indented JSON, one key a line, the changed keys' lines marked.
QString prettyRow(const QJsonObject& row, const QSet<QString>& changed)
{
    QString html = u"<pre style='margin:0; white-space:pre-wrap'>{\n"_s;
    qsizetype i = 0;
    for (auto it = row.begin(); it != row.end(); ++it, ++i) {
        const QString line = u"  \""_s + it.key() + u"\": "_s + compact(it.value()) +
                             (i + 1 < row.size() ? u","_s : QString());
        if (changed.contains(it.key()))
            html += u"<span style='background-color:#fde68a; font-weight:bold'>"_s + esc(line) +
                    u"</span>\n"_s;
        else
            html += esc(line) + u'\n';
    }
    return html + u"}</pre>"_s;
}

QString row(const QString& label, const QString& valueHtml)
{
    return u"<tr><td style='color:#555; padding-right:12px; white-space:nowrap'>"_s + esc(label) +
           u"</td><td>"_s + valueHtml + u"</td></tr>"_s;
}

} // namespace

AuditEntryView::AuditEntryView(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(12);
    setAccessibleName(tr("The selected audit entry"));
}

QStringList AuditEntryView::changedKeys(const QByteArray& oldValues, const QByteArray& newValues)
{
    const QJsonObject before = QJsonDocument::fromJson(oldValues).object();
    const QJsonObject after = QJsonDocument::fromJson(newValues).object();
    QStringList keys = before.keys();
    for (const QString& k : after.keys()) {
        if (!before.contains(k))
            keys << k;
    }
    keys.sort();
    QStringList changed;
    for (const QString& k : keys) {
        if (before.value(k) != after.value(k) || before.contains(k) != after.contains(k))
            changed << k;
    }
    return changed;
}

void AuditEntryView::showNothing(const QString& sentence)
{
    m_highlighted.clear();
    setHtml(u"<p style='color:#666'>"_s + esc(sentence) + u"</p>"_s);
}

void AuditEntryView::showEntry(const AuditEntry& e)
{
    const bool hasOld = !e.oldValues.isEmpty();
    const bool hasNew = !e.newValues.isEmpty();
    const QStringList changed =
        hasOld && hasNew ? changedKeys(e.oldValues, e.newValues) : QStringList();
    m_highlighted = changed;
    // audit_ref changes with every entry: it names the entry that last wrote the row.
    QStringList meaningful = changed;
    meaningful.removeAll(u"audit_ref"_s);
    const QJsonObject before = QJsonDocument::fromJson(e.oldValues).object();
    const QJsonObject after = QJsonDocument::fromJson(e.newValues).object();

    QString html = u"<h3 style='margin-bottom:4px'>"_s +
                   esc(tr("Entry %1: %2").arg(e.seq).arg(e.action)) + u"</h3>"_s;
    QString rows;
    // The left-to-right mark keeps the date and time in order in a right-to-left window.
    const QString when = QChar(0x200E) + e.at.toUTC().toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    rows += row(tr("When"), esc(tr("%1 UTC").arg(when)));
    rows += row(tr("User"), esc(e.user));
    if (!e.table.isEmpty())
        rows += row(tr("Row"), esc(e.rowId.isEmpty() ? tr("%1 (several rows)").arg(e.table)
                                                     : e.table + u' ' + e.rowId));
    QString what;
    if (hasOld && hasNew)
        what = meaningful.isEmpty() ? tr("written again with the same content")
                                    : tr("changed: %1").arg(meaningful.join(u", "_s));
    else if (hasNew)
        what = tr("added");
    else if (hasOld)
        what = tr("deleted");
    else
        what = tr("no single row (an import, an event or a setting)");
    rows += row(tr("What"), esc(what));
    html += u"<table cellspacing='0' cellpadding='2'>"_s + rows + u"</table>"_s;

    if (!meaningful.isEmpty()) {
        QString changes = u"<tr><th align='left'>"_s + esc(tr("Field")) +
                          u"</th><th align='left'>"_s + esc(tr("Before")) +
                          u"</th><th align='left'>"_s + esc(tr("After")) + u"</th></tr>"_s;
        for (const QString& k : meaningful)
            changes += u"<tr><td><code>"_s + esc(k) + u"</code></td><td>"_s +
                       esc(compact(before.value(k))) +
                       u"</td><td style='background-color:#fde68a'>"_s +
                       esc(compact(after.value(k))) + u"</td></tr>"_s;
        html += u"<table cellspacing='0' cellpadding='4' border='1' style='margin-top:10px; "
                "border-collapse:collapse; border-color:#ccc'>"_s +
                changes + u"</table>"_s;
    }
    if (!e.details.isEmpty()) {
        const QJsonDocument details = QJsonDocument::fromJson(e.details);
        html += u"<p style='margin-top:10px; margin-bottom:2px'><b>"_s + esc(tr("Details")) +
                u"</b></p><pre style='margin:0; white-space:pre-wrap'>"_s +
                esc(QString::fromUtf8(details.toJson(QJsonDocument::Indented)).trimmed()) +
                u"</pre>"_s;
    }
    const QSet<QString> marks(changed.cbegin(), changed.cend());
    if (hasOld)
        html += u"<p style='margin-top:10px; margin-bottom:2px'><b>"_s +
                esc(hasNew ? tr("Row before") : tr("Row as it was before it was deleted")) +
                u"</b></p>"_s + prettyRow(before, marks);
    if (hasNew)
        html += u"<p style='margin-top:10px; margin-bottom:2px'><b>"_s +
                esc(hasOld ? tr("Row after") : tr("Row as added")) + u"</b></p>"_s +
                prettyRow(after, marks);
    html += u"<p style='margin-top:10px; color:#666'>"_s + esc(tr("Hash")) + u": <code>"_s +
            esc(e.hash) + u"</code><br>"_s + esc(tr("Previous entry's hash")) + u": <code>"_s +
            esc(e.prevHash.isEmpty() ? tr("(first entry)") : e.prevHash) + u"</code></p>"_s;
    setHtml(html);
}

} // namespace dli::ui
