"""Cooperations (the initiatives), their documents and the log of their state changes."""

from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mitra.audit.models import Voidable
from mitra.cooperations import workflow
from mitra.cooperations.choices import DocumentKind, Kind, State, SubForm
from mitra.cooperations.workflow import NOT_LIVE, STATES
from mitra.lib.modelfields import ChoiceListField
from mitra.lib.uploads import UploadValidator
from mitra.tenancy.models import ProcedureOrder, TenantLinks, tenant_of_parent

if TYPE_CHECKING:
    from mitra.tenancy.models import Tenant


# Texts naming the kinds that share a fact of `workflow.KINDS`, read when shown.


def route_refusal() -> str:
    """ "Only a cooperation with a foreign institution (KSDLL) has a route.": said by the rule
    (`rules.route_fits_kind`) and by the constraint behind it."""
    kinds = workflow.described(workflow.kinds_with_a_route())
    return gettext("Only a cooperation %(kinds)s has a route.") % {"kinds": kinds}


def _objects_label() -> str:
    """ "objects (KSDPL/KSDLL)": the foreign kinds' scope (Permendagri 25/2020)."""
    kinds = "/".join(workflow.abbreviations(foreign=True))
    return gettext("objects (%(kinds)s)") % {"kinds": kinds}


def _burdens_public_help() -> str:
    """Only a domestic kind's DPRD approval depends on it (`rules.council_approval_required`)."""
    kinds = "/".join(workflow.abbreviations(foreign=False))
    return gettext(
        "If so, or if it is not in this year's APBD, a %(kinds)s needs DPRD approval."
    ) % {"kinds": kinds}


BURDENS_PUBLIC_HELP = lazy(_burdens_public_help, str)()


class Sector(models.Model):
    """One of the 22 fixed sector tags used for reporting and intake (domain guide §5)."""

    class Slug(models.TextChoices):
        SMART_CITY = "smart_city", _("smart city")
        E_GOVERNMENT = "e_government", _("e-government")
        TECHNOLOGY = "technology", _("technology")
        TOURISM = "tourism", _("tourism")
        CREATIVE_ECONOMY = "creative_economy", _("creative economy")
        MSME_TRADE = "msme_trade", _("MSMEs and trade")
        INVESTMENT = "investment", _("investment")
        EDUCATION = "education", _("education")
        HEALTH = "health", _("health")
        CULTURE = "culture", _("culture")
        HUMAN_RESOURCES = "human_resources", _("human resources development")
        INFRASTRUCTURE = "infrastructure", _("infrastructure")
        TRANSPORT = "transport", _("transport")
        URBAN_PLANNING = "urban_planning", _("urban planning")
        ENVIRONMENT = "environment", _("environment and waste")
        WATER_SANITATION = "water_sanitation", _("water and sanitation")
        ENERGY = "energy", _("energy")
        AGRICULTURE_FISHERIES = "agriculture_fisheries", _("agriculture and fisheries")
        SECURITY = "security", _("security and public order")
        DISASTER = "disaster", _("disaster management")
        SPORTS_YOUTH = "sports_youth", _("sports and youth")
        OTHER = "other", _("other")

    slug = models.CharField(_("slug"), max_length=30, primary_key=True, choices=Slug.choices)

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["slug"]

    def __str__(self) -> str:
        return str(self.Slug(self.slug).label)


class Affair(models.Model):
    """A government affair (urusan pemerintahan) that a KSDD or KSDPK may concern."""

    class Group(models.TextChoices):
        BASIC = "basic", _("mandatory, basic services")
        MANDATORY = "mandatory", _("mandatory, other")
        OPTIONAL = "optional", _("optional")

    slug = models.SlugField(_("slug"), max_length=60, primary_key=True)
    name = models.CharField(_("name"), max_length=150)  # the legal Indonesian name
    group = models.CharField(_("group"), max_length=10, choices=Group.choices)

    class Meta:
        verbose_name = _("government affair")
        verbose_name_plural = _("government affairs")
        ordering = ["group", "name"]

    def __str__(self) -> str:
        return self.name


class Agency(models.Model):
    """A regional agency (perangkat daerah, OPD) of a tenant."""

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)

    class Meta:
        verbose_name = _("agency (OPD)")
        verbose_name_plural = _("agencies (OPD)")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tenant", "name"], name="agency_name_unique_per_tenant")
        ]

    def __str__(self) -> str:
        return self.acronym or self.name


class CooperationQuerySet(models.QuerySet["Cooperation"]):
    """The only definitions of "live", "signed" and "in force"; the states come from the
    workflow table (read at each call, so a changed table is seen)."""

    def for_tenant(self, tenant: "Tenant") -> "CooperationQuerySet":
        return self.filter(tenant=tenant)

    def live(self) -> "CooperationQuerySet":
        """Still going: not ended, withdrawn, rejected or expired."""
        return self.exclude(state__in=[s for s, facts in STATES.items() if not facts.live])

    def under_way(self) -> "CooperationQuerySet":
        """Live and moving: neither on hold nor dormant."""
        return self.live().exclude(state__in=[s for s, facts in STATES.items() if facts.paused])

    def signed(self) -> "CooperationQuerySet":
        """An agreement has been signed and the cooperation is being carried out."""
        return self.filter(state__in=[s for s, facts in STATES.items() if facts.signed])

    def in_force(self, day: date) -> "CooperationQuerySet":
        """Signed, with at least one agreement in force on `day`."""
        agreements = Document.objects.filter(cooperation=models.OuterRef("pk")).agreements()
        return self.signed().filter(models.Exists(agreements.in_force_on(day)))

    def lapsed(self, day: date) -> "CooperationQuerySet":
        """Signed, with agreements recorded and none of them in force on `day`."""
        agreements = Document.objects.filter(cooperation=models.OuterRef("pk")).agreements()
        return self.signed().filter(
            models.Exists(agreements), ~models.Exists(agreements.in_force_on(day))
        )


class Cooperation(models.Model):
    """One cooperation initiative of a tenant, from first contact to its end."""

    Kind = Kind
    SubForm = SubForm

    class Route(models.TextChoices):
        CONTINUATION = "continuation", _("continuation of a central-government cooperation")
        APPROVED_OTHER = "approved_other", _("other, with central approval")

    State = State

    class Budget(models.TextChoices):
        APBD = "apbd", _("in the regional budget (APBD)")
        NOT_BUDGETED = "not_budgeted", _("not budgeted")

    tenant = models.ForeignKey(
        "tenancy.Tenant",
        verbose_name=_("tenant"),
        on_delete=models.PROTECT,
        related_name="cooperations",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    sub_form = models.CharField(_("sub-form"), max_length=30, choices=SubForm.choices, blank=True)
    route = models.CharField(workflow.ROUTE_LABEL, max_length=20, choices=Route.choices, blank=True)
    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True)
    partners = TenantLinks(
        "partners.Partner",
        verbose_name=_("partners"),
        related_name="cooperations",
        through="CooperationPartner",
    )
    sectors = TenantLinks(
        Sector,
        verbose_name=_("sectors"),
        related_name="cooperations",
        blank=True,
        through="CooperationSector",
    )
    affairs = TenantLinks(
        Affair,
        verbose_name=_("government affairs"),
        related_name="cooperations",
        blank=True,
        through="CooperationAffair",
    )
    objects_of_cooperation = ChoiceListField(
        lazy(_objects_label, str)(), item_choices=lambda: ObjectOfCooperation.choices
    )
    initiating_agency = models.ForeignKey(
        Agency,
        verbose_name=_("initiating agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="initiated_cooperations",
    )
    implementing_agencies = TenantLinks(
        Agency,
        verbose_name=_("implementing agencies"),
        related_name="implemented_cooperations",
        blank=True,
        through="CooperationAgency",
    )
    state = models.CharField(_("state"), max_length=30, choices=State.choices)
    procedure_order = models.CharField(
        _("order of DPRD approval and central verification"),
        max_length=20,
        choices=ProcedureOrder.choices,
        default=ProcedureOrder.COUNCIL_FIRST,
        help_text=_("Copied from the tenant's setting when the cooperation is created."),
    )
    budget = models.CharField(
        _("budget"), max_length=20, choices=Budget.choices, default=Budget.NOT_BUDGETED
    )
    budget_line = models.CharField(_("APBD line"), max_length=200, blank=True)
    budget_amount = models.DecimalField(
        _("budget amount (Rp)"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    burdens_public = models.BooleanField(
        _("burdens the public or the region"),
        default=False,
        help_text=BURDENS_PUBLIC_HELP,
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_cooperations",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Stamped by the apps above (a meeting in the follow-up log, progress on the plan of
    # action) through `services.note_activity`, so the core judges inactivity without
    # importing them. The core's own activity (events, documents) is read from its tables.
    last_activity_on = models.DateField(
        _("last recorded activity"), null=True, blank=True, editable=False
    )

    objects = CooperationQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["tenant", "state"]),
            models.Index(fields=["tenant", "kind"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="cooperation_ends_after_it_starts",
                violation_error_message=_("The end date cannot be before the start date."),
            ),
            models.CheckConstraint(
                condition=models.Q(route="") | models.Q(kind__in=workflow.kinds_with_a_route()),
                name="cooperation_route_only_for_a_kind_with_one",
                violation_error_message=lazy(route_refusal, str)(),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperations:detail", args=[self.pk])


# The link tables of a cooperation's many-to-many fields. They were Django's automatic tables
# (the table names are theirs); each row now carries the cooperation's tenant, so a table
# distributed by tenant keeps a cooperation's links beside it.


class CooperationLink(models.Model):
    """One row of a cooperation's link table: the cooperation, its tenant, and what it links to
    (the field named by `linked`)."""

    linked: str
    tenant = tenant_of_parent()
    cooperation = models.ForeignKey(Cooperation, on_delete=models.CASCADE, related_name="+")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.cooperation_id} · {getattr(self, f'{self.linked}_id')}"


class CooperationPartner(CooperationLink):
    linked = "partner"
    partner = models.ForeignKey("partners.Partner", on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "cooperations_cooperation_partners"
        verbose_name = _("partner of a cooperation")
        verbose_name_plural = _("partners of cooperations")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "cooperation", "partner"], name="cooperation_partner_once"
            )
        ]


class CooperationSector(CooperationLink):
    linked = "sector"
    sector = models.ForeignKey(Sector, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "cooperations_cooperation_sectors"
        verbose_name = _("sector of a cooperation")
        verbose_name_plural = _("sectors of cooperations")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "cooperation", "sector"], name="cooperation_sector_once"
            )
        ]


class CooperationAffair(CooperationLink):
    linked = "affair"
    affair = models.ForeignKey(Affair, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "cooperations_cooperation_affairs"
        verbose_name = _("government affair of a cooperation")
        verbose_name_plural = _("government affairs of cooperations")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "cooperation", "affair"], name="cooperation_affair_once"
            )
        ]


class CooperationAgency(CooperationLink):
    linked = "agency"
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "cooperations_cooperation_implementing_agencies"
        verbose_name = _("implementing agency of a cooperation")
        verbose_name_plural = _("implementing agencies of cooperations")
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "cooperation", "agency"], name="cooperation_agency_once"
            )
        ]


class ObjectOfCooperation(models.TextChoices):
    """Objects a KSDPL or KSDLL may have (Permendagri 25/2020)."""

    SCIENCE_TECHNOLOGY = "science_technology", _("science and technology development")
    CULTURAL_EXCHANGE = "cultural_exchange", _("cultural exchange")
    GOVERNMENT_CAPACITY = (
        "government_capacity",
        _("technical and management capacity of government"),
    )
    REGIONAL_PROMOTION = "regional_promotion", _("promotion of regional potential")
    OTHER = "other", _("other")


class CooperationEventQuerySet(models.QuerySet["CooperationEvent"]):
    def moves(self) -> "CooperationEventQuerySet":
        """The rows that moved the cooperation into a state: not those that only record
        something at its present step (an evaluation, the team's consideration), whose state
        before and after is the same. How long a step has lasted counts from a move."""
        return self.exclude(source=models.F("target"))


class CooperationEvent(models.Model):
    """One state change of a cooperation: who moved it, when, from where to where, and why.
    A row whose source is its target records something at the present step without moving it
    (`services.record_event`)."""

    tenant = tenant_of_parent()
    cooperation = models.ForeignKey(
        Cooperation, verbose_name=_("cooperation"), on_delete=models.CASCADE, related_name="events"
    )
    action = models.CharField(_("action"), max_length=50, choices=workflow.history_action_choices)
    source = models.CharField(
        _("from"), max_length=30, choices=Cooperation.State.choices, blank=True
    )
    target = models.CharField(_("to"), max_length=30, choices=Cooperation.State.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    at = models.DateTimeField(_("at"))

    objects = CooperationEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation event")
        verbose_name_plural = _("cooperation events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["tenant", "at"], name="cooperation_event_tenant_at")]

    def __str__(self) -> str:
        source = self.get_source_display() if self.source else "∅"
        return f"{source} → {self.get_target_display()}"

    @property
    def is_move(self) -> bool:
        """Whether this row moved the cooperation (see `CooperationEventQuerySet.moves`)."""
        return self.source != self.target


class Consideration(models.Model):
    """The coordination team's (TKKSD) consideration of a cooperation at one step: its
    recommendation to the head of region and why (Permendagri 22/2020 and 25/2020: the team
    reviews and recommends before the region commits)."""

    class Recommendation(models.TextChoices):
        AGREE = "agree", _("agree")
        AGREE_WITH_NOTES = "agree_with_notes", _("agree with notes")
        DISAGREE = "disagree", _("disagree")

    tenant = tenant_of_parent()
    cooperation = models.ForeignKey(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="considerations",
    )
    state = models.CharField(_("step considered"), max_length=30, choices=Cooperation.State.choices)
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices
    )
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("TKKSD consideration")
        verbose_name_plural = _("TKKSD considerations")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["tenant", "at"], name="consideration_tenant_at")]

    def __str__(self) -> str:
        return f"{self.get_recommendation_display()} ({self.cooperation_id})"


def _in_force_on(day: date) -> models.Q:
    return (
        models.Q(until_terminated=True)
        | models.Q(valid_until__isnull=True)
        | models.Q(valid_until__gte=day)
    )


class DocumentQuerySet(models.QuerySet["Document"]):
    def for_tenant(self, tenant: "Tenant") -> "DocumentQuerySet":
        return self.filter(tenant=tenant)

    def agreements(self) -> "DocumentQuerySet":
        """The documents that bind the parties for a period: KB, PKS, MoU, renewal, addendum."""
        return self.filter(kind__in=AGREEMENT_KINDS)

    def in_force_on(self, day: date) -> "DocumentQuerySet":
        """In force on `day`: until terminated, without an end, or ending on or after it.
        `Document.in_force_on` is the same rule for a loaded row."""
        return self.filter(_in_force_on(day))

    def expiring(self, today: date, lead_days: int) -> "DocumentQuerySet":
        """`rules.document_is_expiring` in SQL: documents of live cooperations with a fixed end
        between today and `lead_days` from now, whatever their kind."""
        return self.filter(
            until_terminated=False,
            valid_until__gte=today,
            valid_until__lte=today + timedelta(days=lead_days),
        ).exclude(cooperation__state__in=NOT_LIVE)


_DocumentManager = models.Manager.from_queryset(DocumentQuerySet)


class DocumentManager(_DocumentManager["Document"]):
    """Documents that were not voided (`NotVoidedManager`), with `DocumentQuerySet`'s methods."""

    def get_queryset(self) -> DocumentQuerySet:
        return cast(DocumentQuerySet, super().get_queryset()).filter(voided_at=None)


class Document(Voidable):
    """A document of a cooperation: LoI, KB, MoU, PKS, approvals, reports ... forming chains.

    A wrong document is voided, not deleted: `objects` (the default manager, so also
    `cooperation.documents`) leaves it out of every gate, list and export; `with_voided` keeps it.
    """

    Kind = DocumentKind

    class Custody(models.TextChoices):
        REGION = "region", _("original kept by the region")
        FOREIGN_MINISTRY = "foreign_ministry", _("original at Kemlu, certified copy kept")
        PARTNER = "partner", _("original kept by the partner")

    tenant = tenant_of_parent()
    cooperation = models.ForeignKey(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    scope = models.TextField(_("scope"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    place_signed = models.CharField(_("place of signing"), max_length=150, blank=True)
    date_signed = models.DateField(_("date of signing"), null=True, blank=True)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    until_terminated = models.BooleanField(_("valid until terminated"), default=False)
    notice_period_days = models.PositiveSmallIntegerField(
        _("notice period (days)"), null=True, blank=True
    )
    languages = models.CharField(_("languages"), max_length=150, blank=True)
    prevailing_language = models.CharField(_("prevailing language"), max_length=50, blank=True)
    custody = models.CharField(
        _("custody of the original"), max_length=20, choices=Custody.choices, blank=True
    )
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/%m/",
        blank=True,
        validators=[UploadValidator("documents")],
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DocumentManager()
    with_voided = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["date_signed", "pk"]
        indexes = [
            models.Index(fields=["tenant", "valid_until"], name="document_tenant_valid_until")
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(until_terminated=True, valid_until__isnull=False),
                name="document_until_terminated_has_no_end",
                violation_error_message=_("A document valid until terminated has no end date."),
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_from__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="document_valid_until_after_from",
                violation_error_message=_("A document cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def in_force_on(self, day: date) -> bool:
        """`DocumentQuerySet.in_force_on` for a loaded row (guards read prefetched documents)."""
        return self.until_terminated or self.valid_until is None or self.valid_until >= day


AGREEMENT_KINDS = frozenset(
    {
        Document.Kind.FRAMEWORK_AGREEMENT,
        Document.Kind.IMPLEMENTING_AGREEMENT,
        Document.Kind.MOU,
        Document.Kind.RENEWAL,
        Document.Kind.ADDENDUM,
    }
)


class DocumentParty(models.Model):
    """A signing party of a document with the number it gave the document (one number per party)."""

    class Role(models.TextChoices):
        FIRST = "first", _("first party (PIHAK PERTAMA)")
        SECOND = "second", _("second party (PIHAK KEDUA)")
        THIRD = "third", _("third party (PIHAK KETIGA)")

    tenant = tenant_of_parent()
    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="parties"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    name = models.CharField(_("party"), max_length=200)
    number = models.CharField(_("document number"), max_length=120, blank=True)
    signatory_name = models.CharField(_("signatory"), max_length=150, blank=True)
    signatory_position = models.CharField(_("signatory's position"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("signing party")
        verbose_name_plural = _("signing parties")
        ordering = ["document", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["tenant", "document", "role"], name="document_party_role_unique"
            )
        ]

    def __str__(self) -> str:
        number = f" ({self.number})" if self.number else ""
        return f"{self.get_role_display()}: {self.name}{number}"

    def for_trail(self) -> str:
        """The party as the audit trail keeps it: with its signatory, which the name alone
        leaves out, so a corrected signatory is a change the trail shows."""
        signed = ", ".join(filter(None, [self.signatory_name, self.signatory_position]))
        return f"{self}; {signed}" if signed else str(self)
