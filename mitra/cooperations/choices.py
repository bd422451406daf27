"""The names of the procedure: cooperation kinds, sub-forms, states and document kinds.

Plain choices with translated labels, importing nothing of Mitra, so that both the models
(`Cooperation.Kind`, `Cooperation.State`, `Document.Kind` are these classes) and the workflow
table (`workflow.py`) build on them and neither imports the other's module for them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The four kinds of regional cooperation (PP 28/2018); their facts are `workflow.KINDS`."""

    DOMESTIC_REGION = "domestic_region", _("KSDD: with another region")
    THIRD_PARTY = "third_party", _("KSDPK: with a third party")
    FOREIGN_REGION = "foreign_region", _("KSDPL: with a foreign regional government")
    FOREIGN_INSTITUTION = "foreign_institution", _("KSDLL: with a foreign institution")


class SubForm(models.TextChoices):
    """The sub-forms a kind may take (`KindFacts.sub_forms`)."""

    MANDATORY = "mandatory", _("mandatory (wajib)")
    VOLUNTARY = "voluntary", _("voluntary (sukarela)")
    AGENCY_INITIATED = "agency_initiated", _("initiated by a regional agency")
    THIRD_PARTY_INITIATED = "third_party_initiated", _("initiated by the third party")
    SISTER_PROVINCE = "sister_province", _("sister province")
    SISTER_CITY = "sister_city", _("sister city")
    OTHER = "other", _("other (specific scope)")


class State(models.TextChoices):
    """Where a cooperation stands in its procedure; the facts of each are `workflow.STATES`."""

    # KSDD and KSDPK (Permendagri 22/2020)
    PREPARATION = "preparation", _("preparation")
    OFFER = "offer", _("offer")
    FRAMEWORK_DRAFTING = "framework_drafting", _("drafting the KB")
    FRAMEWORK_SIGNING = "framework_signing", _("signing the KB")
    IMPLEMENTING_DRAFTING = "implementing_drafting", _("drafting the PKS")
    IMPLEMENTING_SIGNING = "implementing_signing", _("signing the PKS")
    ADMINISTRATION = "administration", _("administration")
    REPORTING = "reporting", _("reporting")
    # KSDPL and KSDLL (Permendagri 25/2020)
    INITIATIVE = "initiative", _("initiative")
    EXPLORATION = "exploration", _("exploration")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent")
    COOPERATION_PLAN = "cooperation_plan", _("cooperation plan")
    CENTRAL_VERIFICATION = "central_verification", _("central verification")
    MOU_DRAFTING = "mou_drafting", _("drafting the MoU")
    TEXT_NEGOTIATION = "text_negotiation", _("negotiating the text")
    CENTRAL_APPROVAL = "central_approval", _("central approval")
    SIGNING = "signing", _("signing")
    MONITORING_EVALUATION = "monitoring_evaluation", _("monitoring and evaluation")
    # Both
    COUNCIL_APPROVAL = "council_approval", _("DPRD approval")
    IMPLEMENTATION = "implementation", _("implementation")
    # Cross-cutting
    ON_HOLD_CENTRAL_REVIEW = "on_hold_central_review", _("on hold for central review")
    DORMANT = "dormant", _("dormant")
    REJECTED = "rejected", _("rejected")
    WITHDRAWN = "withdrawn", _("withdrawn")
    EXPIRED = "expired", _("expired")
    RENEWAL_IN_PROGRESS = "renewal_in_progress", _("renewal in progress")
    RENEWED = "renewed", _("renewed")
    TERMINATED = "terminated", _("terminated")


class DocumentKind(models.TextChoices):
    """What a document of a cooperation is: LoI, KB, MoU, PKS, approvals, reports ..."""

    OFFER_LETTER = "offer_letter", _("offer letter")
    FEASIBILITY_STUDY = "feasibility_study", _("feasibility study")
    STAFF_NOTE = "staff_note", _("staff note")
    TEAM_RECOMMENDATION = "team_recommendation", _("TKKSD recommendation")
    FRAMEWORK_AGREEMENT = "framework_agreement", _("framework agreement (KB)")
    IMPLEMENTING_AGREEMENT = "implementing_agreement", _("implementing agreement (PKS)")
    LETTER_OF_INTENT = "letter_of_intent", _("letter of intent (LoI)")
    COOPERATION_PLAN = "cooperation_plan", _("cooperation plan (ToR and PoA)")
    EXPERT_STUDY = "expert_study", _("expert study")
    COUNCIL_REQUEST = "council_request", _("request to the DPRD")
    COUNCIL_APPROVAL = "council_approval", _("DPRD approval")
    CENTRAL_VERIFICATION = "central_verification", _("central verification result")
    GOVERNMENT_APPROVAL = "government_approval", _("government approval")
    FULL_POWERS = "full_powers", _("Full Power")
    MOU = "mou", _("memorandum of understanding (MoU)")
    LETTER_OF_AUTHORITY = "letter_of_authority", _("letter of authority (surat kuasa)")
    CENTRAL_MEMORANDUM = "central_memorandum", _("memorandum with a central agency")
    CENTRAL_GUIDANCE = "central_guidance", _("central guidance")
    ADDENDUM = "addendum", _("addendum")
    RENEWAL = "renewal", _("renewal")
    IMPLEMENTATION_REPORT = "implementation_report", _("implementation report")
    EVALUATION_REPORT = "evaluation_report", _("evaluation report")
    JOINT_MINUTES = "joint_minutes", _("joint minutes")
