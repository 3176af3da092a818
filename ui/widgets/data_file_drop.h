#pragma once

#include <QObject>
#include <QPoint>
#include <QStringList>
#include <functional>

class QWidget;

namespace dli::ui {

// Lets files be dropped on a widget (a table's viewport, a panel): local files dragged from the
// file manager are handed on as paths with the point they were dropped at. Other drags pass by.
class DataFileDrop : public QObject {
    Q_OBJECT
public:
    explicit DataFileDrop(QWidget* target);

    // Whether a drop at this point (in the target's coordinates) may land; everywhere when
    // none is set.
    void setAcceptor(std::function<bool(const QPoint& pos)> accepts)
    {
        m_accepts = std::move(accepts);
    }

signals:
    void filesDropped(const QStringList& paths, const QPoint& pos);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_target;
    std::function<bool(const QPoint&)> m_accepts;
};

} // namespace dli::ui
