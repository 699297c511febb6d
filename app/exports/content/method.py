"""How the group decided: the workshop's method in the same sentences the results page shows
(app.domain.explain), then how ratings become values and scores."""

from __future__ import annotations

from app.domain.elicitation import MethodSettings
from app.domain.explain import method_sentences
from app.exports.content.context import Context
from app.exports.content.model import Paragraph, Section
from app.exports.i18n import N_, _

# What every method shares, whatever the facilitator chose for weights and ratings.
SCORING = (
    N_(
        "Everyone rated every option on every criterion from 1 to 5, with the meaning of 1, "
        "3 and 5 in view. A group rating is turned into a value from 0 to 1; on a cost "
        "criterion, where 5 means the most of the cost, the value is reversed so that less cost "
        "is better."
    ),
    N_(
        "An option's score is 100 times the weighted sum of its values, so it runs from 0 to 100. "
        "Options with equal scores share a rank. The score supports the group's discussion; the "
        "decision below is the group's own."
    ),
)


def section(ctx: Context) -> Section:
    record = ctx.record
    settings = MethodSettings.stored_in(record.workshop.settings)
    sentences = method_sentences(settings, [p.influence for p in record.inputs])
    blocks = (Paragraph(" ".join(_(s) for s in sentences)), *(Paragraph(_(p)) for p in SCORING))
    return Section("method", _("Method: how the group decided"), blocks)
