"""data/claims.yaml: the claims ledger. Every checkable assertion of the report, each a phrase
of one sentence, with a verdict from a fixed scale and the sources it rests on; and how other
outlets reported the same day."""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import NEEDS_SOURCE, Id, Line, Model, Text

Verdict = Literal["corroborated", "corroborated-with-differences", "disputed", "unverified", "opinion"]
"""corroborated: independent sources say the same; corroborated-with-differences: the core holds,
details differ; disputed: other sources contradict it; unverified: no independent source found;
opinion: a judgement, not checkable."""

VERDICTS_NEEDING_SOURCES = ("corroborated", "corroborated-with-differences", "disputed")
VERDICTS_NEEDING_ACCOUNTS = ("corroborated-with-differences", "disputed")


class ClaimSpan(Model):
    """The phrase the claim is about, in the sentence and in our translation."""

    ar: Line = Field(description="The phrase in the sentence's Arabic, copied exactly (a substring of its 'ar:').")
    en: Line = Field(description="The same phrase in our translation, copied exactly (a substring of its 'en:').")


class Account(Model):
    """What one other source says on the claim: shown side by side with the others."""

    source: Id = Field(description="The source's id in data/sources.yaml.")
    en: Line = Field(description="Our summary of what it says (a short quotation in quotation marks at most).")
    ar: Line = Field(description="The same in Arabic.")


class Claim(Model):
    """One assertion of the report and how it stands against other sources."""

    id: Id = Field(description="Anchor of the claim: #claim-<id>, on the report and the ledger pages.")
    sentence: Id = Field(description="The sentence of data/report.yaml that makes the claim.")
    span: ClaimSpan = Field(description="The phrase of that sentence that makes it.")
    kind: Literal["fact", "quote", "attribution", "characterisation"] = Field(
        description="fact: who did what, when, where, how many; quote: a quotation; attribution: who said "
        "something; characterisation: the report's own judgement.")
    verdict: Verdict = Field(description="corroborated, corroborated-with-differences, disputed, unverified "
                             "or opinion (a judgement, not checkable).")
    en: Line = Field(description="What the report asserts and how it stands, in our neutral voice.")
    ar: Line = Field(description="The same in Arabic.")
    cite: list[Id] = Field(default_factory=list, description="Sources of the verdict; at least one unless the "
                           "verdict is unverified or opinion.")
    accounts: list[Account] = Field(default_factory=list, description="What other sources say, side by side; at "
                                    "least one for corroborated-with-differences and disputed.")


class Outlet(Model):
    """How one outlet reported the same day: our summary, never its text."""

    source: Id = Field(description="The outlet's report, an id in data/sources.yaml.")
    outlet: Text = Field(description="The outlet's name and what it is (its ownership, as a fact).")
    includes: Text = Field(description="What its account includes that others lack.")
    leaves_out: Text = Field(description="What it leaves out, compared with the report and the others.")
    cite: list[Id] = Field(description="Sources of this summary (the report itself, and for ownership).",
                           json_schema_extra=NEEDS_SOURCE)


class Coverage(Text):
    """How other outlets reported the same day, compared."""

    outlets: list[Outlet] = Field(description="At least three outlets of different kinds.")


class ClaimsFile(Model):
    """The claims ledger."""

    claims: list[Claim] = Field(description="The claims, in the report's order.")
    coverage: Coverage | None = Field(default=None, description="How others reported the same day.")
