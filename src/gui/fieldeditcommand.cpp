#include "fieldeditcommand.h"

namespace ListingDesk {

FieldEditCommand::FieldEditCommand(int field, QVariant before, QVariant after, Apply apply)
    : m_field(field), m_before(std::move(before)), m_after(std::move(after)),
      m_apply(std::move(apply))
{
}

bool FieldEditCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    m_after = static_cast<const FieldEditCommand *>(other)->m_after;
    if (m_after == m_before)
        setObsolete(true);
    return true;
}

void FieldEditCommand::undo()
{
    m_apply(m_field, m_before);
}

void FieldEditCommand::redo()
{
    if (m_firstRedo) {
        m_firstRedo = false;
        return;
    }
    m_apply(m_field, m_after);
}

} // namespace ListingDesk
