#pragma once

#include <QUndoCommand>
#include <QVariant>

#include <functional>

namespace ListingDesk {

/// One change to one field of the listing form. Consecutive changes to the
/// same field merge, so undo takes back a whole burst of typing at once.
class FieldEditCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(int field, const QVariant &value)>;

    FieldEditCommand(int field, QVariant before, QVariant after, Apply apply);

    int id() const override { return 1000 + m_field; }
    bool mergeWith(const QUndoCommand *other) override;
    void undo() override;
    void redo() override;

private:
    int m_field;
    QVariant m_before;
    QVariant m_after;
    Apply m_apply;
    bool m_firstRedo = true; // the widget already shows the new value when pushed
};

} // namespace ListingDesk
