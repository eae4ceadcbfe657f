using System.Globalization;
using NodaTime;

namespace Ipt.Protocol.Protocols;

/// <summary>
/// The parameters of a protocol variant: session counts, cadence, session length, phase split,
/// format, measurement interval and variant-specific requirements, with the citation they come
/// from. Built-ins are in <see cref="BuiltInProtocols"/>; hosts define their own and register them
/// in a <see cref="ProtocolRegistry"/>.
/// </summary>
/// <remarks>
/// <para>Session numbering: pre-treatment sessions (pre-group or engagement meetings) come first,
/// numbered from 1; the treatment sessions follow. <see cref="Sessions"/> counts treatment sessions
/// only. The initial phase is the first <see cref="InitialSessions"/> treatment sessions, the
/// termination phase the last <see cref="TerminationSessions"/>, and the sessions between them are in
/// <see cref="CorePhase"/> (the middle phase, or maintenance for IPT-M); a protocol with a preventive
/// phase (IPSRT) puts <see cref="MaintenanceSessions"/> maintenance sessions between the middle phase
/// and termination. <see cref="PlanPhases"/> computes the split (see <see cref="PhasePlan"/>).</para>
/// <para>Cadence: sessions are <see cref="Cadence"/> apart unless a <see cref="CadenceStep"/> of
/// <see cref="CadenceSteps"/> changes it for a phase (a taper).</para>
/// <para>Where sources disagree, the value is a parameter here, never a constant inside a rule.</para>
/// <para>Immutable and thread-safe. Derive a host variant from a built-in with <c>with</c>.</para>
/// </remarks>
public sealed record ProtocolDefinition
{
    /// <summary>Gets the protocol's id.</summary>
    public required ProtocolId Id
    {
        get;
        init => field = value == default ? throw new ArgumentException("The protocol id is missing.", nameof(Id)) : value;
    }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init => field = Guard.RequiredText(value, nameof(Name)); }

    /// <summary>Gets a one-line summary of the variant.</summary>
    public required string Summary { get; init => field = Guard.RequiredText(value, nameof(Summary)); }

    /// <summary>Gets the number of treatment sessions (pre-treatment sessions excluded).</summary>
    public required CountRange Sessions
    {
        get;
        init => field = value.Max < 1 ? throw new ArgumentOutOfRangeException(nameof(Sessions), "A protocol has at least one treatment session.") : value;
    }

    /// <summary>Gets the number of pre-treatment sessions (pre-group or engagement meetings) before session 1 of treatment.</summary>
    public CountRange PreTreatmentSessions { get; init; }

    /// <summary>Gets the number of initial-phase sessions.</summary>
    public required CountRange InitialSessions { get; init; }

    /// <summary>Gets the number of termination-phase sessions (the last sessions of the course).</summary>
    public required CountRange TerminationSessions { get; init; }

    /// <summary>Gets the phase of the sessions between the initial and the termination phase: middle, or maintenance for IPT-M.</summary>
    public Phase CorePhase
    {
        get;
        init => field = value is Phase.Middle or Phase.Maintenance
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CorePhase), "The core phase is Middle or Maintenance.");
    }

    = Phase.Middle;

    /// <summary>
    /// Gets the number of maintenance (preventive) sessions between the middle phase and termination,
    /// for a protocol whose core phase is the middle phase: IPSRT's preventive phase, after the acute
    /// weekly phases, with a tapering cadence [FRANK] (M). 0 (the default) for protocols without one. A
    /// course contracted for fewer sessions than the default fills the middle phase first (up to its
    /// default length) and gives the rest to maintenance, so an acute-only contract has none.
    /// </summary>
    public CountRange MaintenanceSessions { get; init; }

    /// <summary>
    /// Gets the changes of cadence by phase (a taper), in session order; empty when every session is
    /// <see cref="Cadence"/> apart. A phase without a step keeps the cadence in force before it.
    /// </summary>
    public ValueList<CadenceStep> CadenceSteps { get; init; }

    /// <summary>Gets the usual interval between sessions (one week, one month); a <see cref="CadenceStep"/> may change it for later phases.</summary>
    public required Period Cadence { get; init => field = Guard.PositivePeriod(value, nameof(Cadence))!; }

    /// <summary>Gets the longest gap, in days, between consecutive held sessions before it counts as a departure (until a <see cref="CadenceStep"/> changes it).</summary>
    public required int MaxGapDays { get; init => field = Guard.Positive(value, nameof(MaxGapDays)); }

    /// <summary>Gets the session length range and planned length.</summary>
    public required DurationRange SessionLength { get; init; }

    /// <summary>Gets a different length range for the first session, when the variant has one (interpersonal counselling).</summary>
    public DurationRange? FirstSessionLength { get; init; }

    /// <summary>Gets the usual format of treatment sessions.</summary>
    public SessionFormat Format { get; init => field = Guard.Defined(value, nameof(Format)); } = SessionFormat.Individual;

    /// <summary>Gets the formats the variant allows (empty means only <see cref="Format"/>; pre-treatment meetings are individual).</summary>
    public ValueList<SessionFormat> AllowedFormats { get; init => field = Guard.AllDefined(value, nameof(AllowedFormats)); }

    /// <summary>
    /// Gets the delivery modes the variant's sources describe, such as the telephone IPT of perinatal
    /// care [DENNIS] (H); empty when the sources do not restrict how sessions reach the patient.
    /// </summary>
    public ValueList<DeliveryMode> AllowedDelivery { get; init => field = Guard.AllDefined(value, nameof(AllowedDelivery)); }

    /// <summary>
    /// Gets a value indicating whether the pre-treatment meetings do the initial phase's tasks
    /// (assessment, baseline measure, psychoeducation and sick role, inventory, problem area,
    /// formulation, contract), so that they count for them: WHO group IPT's and Wilfley's group IPT's
    /// individual pre-group meetings [WHO, WILFLEY] (H). Rules, the technique advisor and the
    /// technique phase weights treat such a meeting as part of the initial phase.
    /// </summary>
    public bool InitialTasksInPreTreatment { get; init; }

    /// <summary>Gets the instrument used for the baseline and regular monitoring.</summary>
    public InstrumentId PrimaryInstrument { get; init; } = BuiltInInstruments.Phq9.Id;

    /// <summary>Gets the most sessions allowed between two measurements of the primary instrument.</summary>
    public int MeasurementIntervalSessions { get; init => field = Guard.Positive(value, nameof(MeasurementIntervalSessions)); } = 4;

    /// <summary>
    /// Gets the reduction from baseline, in percent of the baseline score of the primary instrument,
    /// that counts as a response (1–100; default 50, the usual convention [CONVENTION] (H)). Sources and
    /// services differ on the cut-off, so a host variant can set its own; IPT0606 uses it.
    /// </summary>
    public int ResponseReductionPercent { get; init => field = Guard.InRange(value, 1, 100, nameof(ResponseReductionPercent)); } = 50;

    /// <summary>
    /// Gets the least share, in percent, of the held middle-phase sessions that use a strategy technique of
    /// a focus area (1–100; default 50). The IPT adherence scales rate, session by session, whether the
    /// focus is kept on the problem area [IPTI, CSPRS] (H that they rate it); no source gives a share, so
    /// the default is a convention (L) and a parameter. IPT0506 uses it.
    /// </summary>
    public int FocusStrategyPercent { get; init => field = Guard.InRange(value, 1, 100, nameof(FocusStrategyPercent)); } = 50;

    /// <summary>Gets how many sessions before the last one the ending must have been raised (N−2 means 2).</summary>
    public int EndingNoticeSessions { get; init => field = Guard.NonNegative(value, nameof(EndingNoticeSessions)); } = 2;

    /// <summary>Gets how many sessions before the last one the ending is best raised (N−4 means 4; an info finding when later).</summary>
    public int EarlyEndingNoticeSessions { get; init => field = Guard.NonNegative(value, nameof(EarlyEndingNoticeSessions)); } = 4;

    /// <summary>
    /// Gets how many days before or after the onset of symptoms a life event counts as "near onset"
    /// (default 182, about six months). IPT relates the onset to the interpersonal events around it
    /// [WMK, MARK] (H); the sources give no fixed window, so the default is a convention (L) and a
    /// parameter. IPT0407 uses it.
    /// </summary>
    public int NearOnsetDays { get; init => field = Guard.Positive(value, nameof(NearOnsetDays)); } = 182;

    /// <summary>Gets the problem-area taxonomy the variant follows.</summary>
    public ProblemAreaTaxonomy Taxonomy { get; init => field = Guard.Defined(value, nameof(Taxonomy)); } = ProblemAreaTaxonomy.Weissman;

    /// <summary>
    /// Gets the problem areas the variant recognises as a focus: the four of IPT by default [WMK] (H);
    /// IPSRT adds grief for the lost healthy self [FRANK] (M). A focus area outside them is reported (IPT0408).
    /// </summary>
    /// <exception cref="ArgumentException">The list is empty or holds an undefined value.</exception>
    public ValueList<ProblemArea> ProblemAreas
    {
        get;
        init => field = Guard.AllDefined(value, nameof(ProblemAreas)).IsEmpty
            ? throw new ArgumentException("A protocol recognises at least one problem area.", nameof(ProblemAreas))
            : value;
    }

    = [ProblemArea.Grief, ProblemArea.RoleDispute, ProblemArea.RoleTransition, ProblemArea.InterpersonalDeficits];

    /// <summary>
    /// Gets the phase from which the Social Rhythm Metric is reviewed at each session, for a variant with
    /// <see cref="ProtocolRequirement.SocialRhythmMetric"/>: <see cref="Phase.Initial"/> (IPSRT's initial
    /// phase assesses the regularity of routines, Frank 2005 [FRANK] (M)) or <see cref="Phase.Middle"/>
    /// (ipsrt.org names the intermediate stage). The first treatment session is not expected to have one:
    /// the metric scores a week of daily records (Monk) [FRANK] (H).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The phase is neither initial nor middle.</exception>
    public Phase SocialRhythmMetricFrom
    {
        get;
        init => field = value is Phase.Initial or Phase.Middle
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SocialRhythmMetricFrom), "The Social Rhythm Metric starts in the initial or the middle phase.");
    }

    = Phase.Initial;

    /// <summary>Returns whether the variant recognises a problem area as a focus (see <see cref="ProblemAreas"/>).</summary>
    /// <param name="area">The problem area.</param>
    /// <returns><see langword="true"/> when recognised.</returns>
    public bool Recognises(ProblemArea area) => ProblemAreas.Contains(area);

    /// <summary>Gets the most focus areas a course may have (one primary plus secondaries).</summary>
    public int MaxFocusAreas { get; init => field = Guard.Positive(value, nameof(MaxFocusAreas)); } = 2;

    /// <summary>Gets the patient age range the variant is for, when it has one.</summary>
    public IntRange? PatientAge { get; init; }

    /// <summary>Gets the usual group size, for group variants.</summary>
    public IntRange? GroupSize { get; init; }

    /// <summary>Gets the variant-specific requirements and allowances.</summary>
    public ValueList<ProtocolRequirement> Requirements { get; init => field = Guard.AllDefined(value, nameof(Requirements)); }

    /// <summary>Gets where the variant's parameters come from.</summary>
    public required Citation Citation { get; init; }

    /// <summary>Gets notes on parameters whose confidence differs from the citation's, or that are defaults chosen where sources disagree.</summary>
    public string? ParameterNotes { get; init => field = Guard.Text(value, nameof(ParameterNotes)); }

    /// <summary>Gets a value indicating whether the variant is delivered in groups.</summary>
    public bool IsGroup => Format == SessionFormat.Group;

    /// <summary>Returns whether the variant has a requirement.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <returns><see langword="true"/> when it has.</returns>
    public bool Requires(ProtocolRequirement requirement) => Requirements.Contains(requirement);

    /// <summary>Returns whether a delivery mode is among those the variant's sources describe (any mode when they describe none).</summary>
    /// <param name="delivery">The delivery mode.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool Allows(DeliveryMode delivery) => AllowedDelivery.IsEmpty || AllowedDelivery.Contains(delivery);

    /// <summary>Returns whether a format is allowed for treatment sessions.</summary>
    /// <param name="format">The format.</param>
    /// <returns><see langword="true"/> when allowed.</returns>
    public bool Allows(SessionFormat format) => format == Format || AllowedFormats.Contains(format);

    /// <summary>
    /// Returns the phase split of a course with the given numbers of treatment and pre-treatment
    /// sessions: the initial phase first, then termination, then the middle phase up to its default
    /// length, and the rest in maintenance (for a protocol with a preventive phase; IPT-M's core phase
    /// is all maintenance). Short courses keep the initial phase first.
    /// </summary>
    /// <param name="treatmentSessions">The number of treatment sessions; the default when <see langword="null"/>.</param>
    /// <param name="preTreatmentSessions">The number of pre-treatment sessions; the default when <see langword="null"/>.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or there are no treatment sessions.</exception>
    public PhasePlan PlanPhases(int? treatmentSessions = null, int? preTreatmentSessions = null)
    {
        var treatment = Guard.Positive(treatmentSessions ?? Sessions.Default, nameof(treatmentSessions));
        var pre = Guard.NonNegative(preTreatmentSessions ?? PreTreatmentSessions.Default, nameof(preTreatmentSessions));
        var initial = Math.Min(InitialSessions.Default, treatment);
        var termination = Math.Min(TerminationSessions.Default, treatment - initial);
        var rest = treatment - initial - termination;
        if (CorePhase == Phase.Maintenance)
        {
            return new PhasePlan(pre, initial, 0, rest, termination);
        }

        if (MaintenanceSessions.Max == 0)
        {
            return new PhasePlan(pre, initial, rest, 0, termination);
        }

        var middleDefault = Math.Max(0, Sessions.Default - InitialSessions.Default - TerminationSessions.Default - MaintenanceSessions.Default);
        var middle = Math.Max(Math.Min(rest, middleDefault), rest - MaintenanceSessions.Max);
        return new PhasePlan(pre, initial, middle, rest - middle, termination);
    }

    /// <summary>
    /// Returns the phase spans of a course with the given numbers of treatment and pre-treatment
    /// sessions, in session order. Phases with no session are left out.
    /// </summary>
    /// <param name="treatmentSessions">The number of treatment sessions; the default when <see langword="null"/>.</param>
    /// <param name="preTreatmentSessions">The number of pre-treatment sessions; the default when <see langword="null"/>.</param>
    /// <returns>The spans.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or there are no treatment sessions.</exception>
    public ValueList<PhaseSpan> PhaseSpans(int? treatmentSessions = null, int? preTreatmentSessions = null) =>
        PlanPhases(treatmentSessions, preTreatmentSessions).Spans();

    /// <summary>
    /// Returns the phase a session number has under this protocol's split, or <see langword="null"/>
    /// when the number lies beyond the last session.
    /// </summary>
    /// <param name="sessionNumber">The 1-based session number.</param>
    /// <param name="treatmentSessions">The number of treatment sessions; the default when <see langword="null"/>.</param>
    /// <param name="preTreatmentSessions">The number of pre-treatment sessions; the default when <see langword="null"/>.</param>
    /// <returns>The phase, or <see langword="null"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The session number is below 1 or a count is invalid.</exception>
    public Phase? PhaseOf(int sessionNumber, int? treatmentSessions = null, int? preTreatmentSessions = null)
    {
        Guard.Positive(sessionNumber, nameof(sessionNumber));
        return PlanPhases(treatmentSessions, preTreatmentSessions).PhaseOf(sessionNumber);
    }

    /// <summary>
    /// Returns whether a treatment session may be recorded in a phase, with the tolerance the
    /// protocol's ranges give: initial up to the most initial sessions, termination within the most
    /// termination sessions from the end, and the middle or maintenance phase between the fewest of
    /// each. IPT0205 reports a session outside it.
    /// </summary>
    /// <param name="phase">The recorded phase.</param>
    /// <param name="slot">The 1-based treatment slot (the k-th treatment session that takes a slot of the contract).</param>
    /// <param name="treatmentSessions">The number of treatment sessions in the contract.</param>
    /// <returns><see langword="true"/> when it may.</returns>
    public bool AllowsPhase(Phase phase, int slot, int treatmentSessions) => phase switch
    {
        Phase.Initial => slot <= InitialSessions.Max,
        Phase.Termination => slot > treatmentSessions - TerminationSessions.Max,
        Phase.Middle or Phase.Maintenance when phase == CorePhase || (phase == Phase.Maintenance && MaintenanceSessions.Max > 0) =>
            slot > InitialSessions.Min && slot <= treatmentSessions - TerminationSessions.Min,
        _ => false,
    };

    /// <summary>Returns the cadence step in force at the <paramref name="sessionOfPhase"/>-th session of a phase, when the phase has one by then.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="sessionOfPhase">The 1-based session of the phase.</param>
    /// <returns>The step, or <see langword="null"/> when the phase keeps the cadence before it.</returns>
    public CadenceStep? StepAt(Phase phase, int sessionOfPhase)
    {
        CadenceStep? found = null;
        foreach (var step in CadenceSteps.AsSpan())
        {
            if (step.Phase == phase && step.FromSessionOfPhase <= sessionOfPhase && (found is null || step.FromSessionOfPhase >= found.FromSessionOfPhase))
            {
                found = step;
            }
        }

        return found;
    }

    /// <summary>Returns the problems that make the definition inconsistent (empty when it is usable).</summary>
    /// <returns>Plain-language problems, each naming the parameter.</returns>
    public ValueList<string> Check()
    {
        var problems = new List<string>();
        if (InitialSessions.Default + TerminationSessions.Default > Sessions.Default)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"initialSessions.default ({InitialSessions.Default}) + terminationSessions.default ({TerminationSessions.Default}) exceed sessions.default ({Sessions.Default})."));
        }

        if (InitialSessions.Max > Sessions.Max)
        {
            problems.Add("initialSessions.max exceeds sessions.max.");
        }

        if (TerminationSessions.Max > Sessions.Max)
        {
            problems.Add("terminationSessions.max exceeds sessions.max.");
        }

        if (EndingNoticeSessions > EarlyEndingNoticeSessions)
        {
            problems.Add("endingNoticeSessions exceeds earlyEndingNoticeSessions.");
        }

        if (CorePhase == Phase.Maintenance && (InitialSessions.Max > 0 || TerminationSessions.Max > 0))
        {
            problems.Add("A maintenance protocol has no initial or termination sessions.");
        }

        if (MaintenanceSessions.Max > 0 && CorePhase == Phase.Maintenance)
        {
            problems.Add("maintenanceSessions is for a protocol whose core phase is the middle phase; IPT-M's sessions are all maintenance.");
        }

        if (InitialSessions.Default + TerminationSessions.Default + MaintenanceSessions.Default > Sessions.Default && MaintenanceSessions.Default > 0)
        {
            problems.Add("initialSessions.default + terminationSessions.default + maintenanceSessions.default exceed sessions.default.");
        }

        foreach (var step in CadenceSteps)
        {
            if (step.Phase == Phase.Maintenance && CorePhase != Phase.Maintenance && MaintenanceSessions.Max == 0)
            {
                problems.Add("A cadence step names the maintenance phase, which the protocol does not have.");
            }
        }

        return ValueList.From(problems);
    }

    /// <summary>Describes the protocol by id and name.</summary>
    /// <returns>A string such as <c>ipt: Standard IPT for depression</c>.</returns>
    public override string ToString() => $"{Id}: {Name}";
}
